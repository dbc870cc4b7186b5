// A network in the table's words: its addressing, its options as short labels, where it sits on
// the host, and which containers can still be connected to it. Pure.
import type { Container } from '../../../../shared/model';
import type { NetworkDetail } from '../../../../shared/network-model';
import { OPTION } from './network-form';
import type { Say } from '../../i18n/say';

export interface OptionLabel {
  label: string;
  /** Differs from Docker's default: worth noticing. */
  notable: boolean;
  /** The raw option behind it, for a tooltip. */
  source?: string;
  /** A driver option shown as key=value: data, not words. */
  raw?: boolean;
}

/** Options already said by a field of the detail or by a label below. */
const SAID = new Set<string>([OPTION.bridgeName, OPTION.icc, OPTION.masquerade, OPTION.hostBinding, OPTION.mtu, OPTION.parent, OPTION.macvlanMode, OPTION.ipvlanMode]);

/** Docker's built-in names of the default bridge: nothing worth a label. */
const DEFAULT_BRIDGE_OPTIONS = new Set(['com.docker.network.bridge.default_bridge']);

export function optionLabels(n: NetworkDetail, say: Say): OptionLabel[] {
  const labels: OptionLabel[] = [];
  const bridgeName = n.options[OPTION.bridgeName];
  if (bridgeName) labels.push({ label: say('option.bridgeName', { name: bridgeName }), notable: false, source: `${OPTION.bridgeName}=${bridgeName}` });
  if (n.icc !== null) labels.push({ label: say(n.icc ? 'option.iccOn' : 'option.iccOff'), notable: !n.icc });
  if (n.masquerade !== null) labels.push({ label: say(n.masquerade ? 'option.masqueradeOn' : 'option.masqueradeOff'), notable: !n.masquerade });
  if (n.hostBindingIpv4 && n.hostBindingIpv4 !== '0.0.0.0') labels.push({ label: say('option.hostBinding', { address: n.hostBindingIpv4 }), notable: true });
  if (n.mtu !== null) labels.push({ label: say('option.mtu', { mtu: n.mtu }), notable: n.mtu !== 1500 });
  const mode = n.options[OPTION.macvlanMode] ?? n.options[OPTION.ipvlanMode];
  if (mode) labels.push({ label: say('option.mode', { mode }), notable: false });
  for (const [key, value] of Object.entries(n.options)) {
    if (SAID.has(key) || DEFAULT_BRIDGE_OPTIONS.has(key)) continue;
    labels.push({ label: `${shortKey(key)}=${value}`, notable: false, source: `${key}=${value}`, raw: true });
  }
  return labels;
}

/** com.docker.network.bridge.inhibit_ipv4 → inhibit_ipv4 */
function shortKey(key: string): string {
  return key.replace(/^com\.docker\.network\.(bridge\.|driver\.)?/, '');
}

/** "172.31.0.0/24 via 172.31.0.1, range 172.31.0.128/25" per subnet. */
export function addressingLines(n: NetworkDetail, say: Say): string[] {
  return n.subnets.map((s) => [s.subnet, s.gateway ? say('addressing.gateway', { gateway: s.gateway }) : null, s.ipRange ? say('addressing.range', { range: s.ipRange }) : null].filter(Boolean).join(' · '));
}

/** The host side: the bridge of a bridge network, the parent NIC of macvlan/ipvlan. */
export function hostSide(n: NetworkDetail): { label: string; value: string } | null {
  if (n.bridge) return { label: 'bridge', value: n.bridge };
  if (n.parent) return { label: 'parent', value: n.parent };
  return null;
}

/** Docker connects no container to host or none: they are modes, not networks to join. */
export function acceptsConnections(n: NetworkDetail): boolean {
  return n.driver !== 'host' && n.driver !== 'null' && n.name !== 'host' && n.name !== 'none';
}

/** Containers not on it yet, with a namespace of their own (not host, none or another container's). */
export function connectableContainers(n: NetworkDetail, containers: readonly Container[]): string[] {
  const attached = new Set(n.containers.map((c) => c.name));
  return containers
    .filter((c) => !attached.has(c.name) && !c.endpoints.some((e) => e.network === n.name || e.networkId === n.id))
    .filter((c) => c.networkMode === 'bridge' || c.networkMode === 'custom')
    .map((c) => c.name)
    .sort((a, b) => a.localeCompare(b));
}

/** Built-ins first (as `docker network ls` users know them), then by name. */
export function sortNetworks(networks: readonly NetworkDetail[]): NetworkDetail[] {
  return [...networks].sort((a, b) => Number(b.builtIn) - Number(a.builtIn) || a.name.localeCompare(b.name));
}

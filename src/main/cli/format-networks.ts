// Text for `bridgeport networks ls` and the lines printed after a change. Pure.
import type { NetworkDetail } from '../../shared/network-model';

const onOff = (value: boolean | null) => (value ? 'on' : 'off');

function settingsOf(n: NetworkDetail): string[] {
  const parts: string[] = [];
  if (n.bridge) parts.push(`bridge ${n.bridge}`);
  if (n.parent) parts.push(`parent ${n.parent}`);
  const mode = n.options.macvlan_mode ?? n.options.ipvlan_mode;
  if (mode) parts.push(`mode ${mode}`);
  if (n.mtu !== null) parts.push(`mtu ${n.mtu}`);
  if (n.icc !== null) parts.push(`icc ${onOff(n.icc)}`);
  if (n.masquerade !== null) parts.push(`masquerade ${onOff(n.masquerade)}`);
  if (n.hostBindingIpv4 !== null) parts.push(`host binding ${n.hostBindingIpv4}`);
  if (n.internal) parts.push('internal');
  if (n.attachable) parts.push('attachable');
  return parts;
}

export function formatNetwork(n: NetworkDetail): string {
  // Which engine owns it (Docker and Podman side by side): remove/connect/disconnect go there.
  const engine = n.engine ? `, ${n.engine.kind === 'podman' ? 'Podman' : 'Docker'}` : '';
  const lines = [`${n.name}  (${n.driver}, ${n.scope}${n.builtIn ? ', built-in' : ''}${engine})  ${n.id.slice(0, 12)}`];
  for (const s of n.subnets) {
    lines.push(`  subnet ${s.subnet}${s.gateway ? `  gateway ${s.gateway}` : ''}${s.ipRange ? `  ip-range ${s.ipRange}` : ''}`);
  }
  const settings = settingsOf(n);
  if (settings.length) lines.push(`  ${settings.join('  ')}`);
  if (n.containers.length) {
    const members = n.containers.map((c) => `${c.name}${c.ipv4 ? ` ${c.ipv4}` : ''}${c.aliases.length ? ` (alias ${c.aliases.join(', ')})` : ''}`);
    lines.push(`  containers: ${members.join(', ')}`);
  } else {
    lines.push('  containers: none');
  }
  return lines.join('\n');
}

export function formatNetworks(networks: readonly NetworkDetail[]): string {
  return networks.length ? networks.map(formatNetwork).join('\n\n') : 'no Docker networks (is Docker running?)';
}

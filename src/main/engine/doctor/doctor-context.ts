// Everything the checks derive from the facts more than once: the daemon's settings, the bridge
// networks, the packet walks through this variant's rules and through the other variant's. Pure.
import { holdsRules } from '../firewall/read-firewall';
import { parseIptablesSave } from '../../netcore/iptables/parse-iptables-save';
import { bridgeNetworks, outsideOf, TrafficModel, type BridgeNetwork, type Outside } from './bridge-traffic';
import { daemonOptions, type DaemonOptions } from './daemon-options';
import type { DoctorFacts } from './doctor-facts';
import { parseDropIns, type DropInSettings } from './parse-systemd-dropins';

export interface DoctorContext {
  facts: DoctorFacts;
  dropIns: DropInSettings;
  daemon: DaemonOptions;
  /** Docker's bridge networks (none when Docker is not reachable). */
  bridges: BridgeNetwork[];
  outside: Outside;
  /** Walks through the rules of `iptables`; null when the firewall could not be read. */
  traffic: TrafficModel | null;
  /** Walks through the other iptables variant's rules, when it holds any. */
  otherTraffic: TrafficModel | null;
}

export const otherVariantName = (variant: 'nft' | 'legacy') => (variant === 'nft' ? 'iptables-legacy' : 'iptables-nft');
export const variantName = (variant: 'nft' | 'legacy') => (variant === 'nft' ? 'iptables-nft' : 'iptables-legacy');

export function doctorContext(facts: DoctorFacts): DoctorContext {
  const dropIns = parseDropIns(facts.dropIns.files);
  const bridges = facts.docker.available ? bridgeNetworks(facts.docker.networks) : [];
  const routes = facts.routes ?? [];
  const outside = outsideOf(routes, facts.links, new Set(bridges.map((b) => b.bridge)));
  const fw = facts.firewall;
  const traffic = fw.readable ? new TrafficModel(fw.ruleset, facts.links, routes, outside) : null;
  const other = fw.readable && fw.otherSave !== null && holdsRules(fw.otherSave) ? parseIptablesSave(fw.otherSave, 'ipv4') : null;
  return {
    facts,
    dropIns,
    daemon: daemonOptions(dropIns, facts.daemonJson),
    bridges,
    outside,
    traffic,
    otherTraffic: other ? new TrafficModel(other, facts.links, routes, outside) : null,
  };
}

// The base chains a packet meets at one netfilter hook, in the kernel's order: iptables' built-in
// chains (iptables-nft makes them base chains at the standard priorities) and the native nftables
// base chains of the ip and inet families, lowest priority first. Pure.
import type { RuleIndex } from './rule-index';

export type Hook = 'prerouting' | 'input' | 'forward' | 'output' | 'postrouting';

export interface BaseChainRef {
  table: string;
  chain: string;
  /** filter, nat or route. */
  type: string;
  priority: number;
  native: boolean;
}

// The iptables tables the path evaluates (mangle and security are named in a standing caveat).
const IPTABLES_CHAINS: Record<Hook, Array<[table: string, chain: string, priority: number]>> = {
  prerouting: [['raw', 'PREROUTING', -300], ['nat', 'PREROUTING', -100]],
  input: [['filter', 'INPUT', 0], ['nat', 'INPUT', 100]],
  forward: [['filter', 'FORWARD', 0]],
  output: [['raw', 'OUTPUT', -300], ['nat', 'OUTPUT', -100], ['filter', 'OUTPUT', 0]],
  postrouting: [['nat', 'POSTROUTING', 100]],
};

/** ip and inet tables see IPv4 packets; ip6, arp, bridge and netdev tables do not (at these hooks). */
export const seesIpv4 = (table: string) => table.startsWith('ip ') || table.startsWith('inet ');

export function chainsAtHook(index: RuleIndex, hook: Hook): BaseChainRef[] {
  const iptables = IPTABLES_CHAINS[hook].map(([table, chain, priority]) => ({ table, chain, type: table === 'nat' ? 'nat' : 'filter', priority, native: false }));
  const native = index
    .nativeBaseChains()
    .filter((c) => seesIpv4(c.table) && c.base!.hook === hook)
    .map((c) => ({ table: c.table, chain: c.name, type: c.base!.type, priority: c.base!.priority, native: true }));
  // Equal priorities run in the order the chains were registered, which no listing shows: iptables first here.
  return [...iptables, ...native].sort((a, b) => a.priority - b.priority);
}

// The BRIDGEPORT-DNS chain in a container's nat table: Docker's embedded resolver forwards queries
// from inside the container's namespace (Docker 20–25), so a DNAT there sends the queries meant for
// an old upstream to the new one without restarting or reconnecting anything. Pure; the planning is
// the one owned-chain planner's.
import type { ParsedRuleset } from '../rules/parsed-rule';
import type { OwnedChainSet } from '../owned-chains/owned-chain-set';
import { planOwnedChains } from '../owned-chains/plan-owned-chains';

export const DNS_CHAIN = 'BRIDGEPORT-DNS';

/** Queries to the upstream `from` go to `to` instead (port 53, UDP and TCP). */
export interface Redirect {
  from: string;
  to: string;
}

/** The redirects BRIDGEPORT-DNS holds now (each upstream once). */
export function redirectsIn(current: ParsedRuleset): Redirect[] {
  const seen = new Map<string, Redirect>();
  for (const rule of current.rules) {
    if (rule.family !== 'ipv4' || rule.table !== 'nat' || rule.chain !== DNS_CHAIN || rule.target !== 'DNAT') continue;
    const from = /^(\d+\.\d+\.\d+\.\d+)\/32$/.exec(rule.match.destination ?? '')?.[1];
    const to = /^(\d+\.\d+\.\d+\.\d+)(?::53)?$/.exec(rule.toDestination ?? '')?.[1];
    if (from && to && rule.match.dport === '53' && !seen.has(from)) seen.set(from, { from, to });
  }
  return [...seen.values()];
}

/** First in OUTPUT, ahead of Docker's own jump for 127.0.0.11 (they never match the same packets). */
export function redirectChainSet(wanted: readonly Redirect[]): OwnedChainSet {
  const rules = wanted.flatMap(({ from, to }) =>
    ['udp', 'tcp'].map((proto) => `-A ${DNS_CHAIN} -d ${from}/32 -p ${proto} -m ${proto} --dport 53 -j DNAT --to-destination ${to}:53`),
  );
  const some = wanted.length > 0;
  return {
    tables: [
      {
        table: 'nat',
        owned: [DNS_CHAIN],
        chains: some ? [DNS_CHAIN] : [],
        rules,
        jumps: some ? [{ from: 'OUTPUT', spec: `-A OUTPUT -j ${DNS_CHAIN}`, at: 'first' }] : [],
      },
    ],
  };
}

/** One `iptables-restore --noflush --counters` batch for the nat table, or null when nothing needs doing. */
export function planRedirectBatch(current: ParsedRuleset, wanted: readonly Redirect[]): string | null {
  return planOwnedChains(redirectChainSet(wanted), current);
}

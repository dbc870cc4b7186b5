// The batch that brings Bridgeport's published-port chains to what the mappings want, and the UDP
// host ports it adds (their stale conntrack entries must go). Pure; the planning is the one
// owned-chain planner's.
import type { ParsedRuleset } from '../rules/parsed-rule';
import { ruleKey } from '../owned-chains/rule-key';
import { planOwnedChains } from '../owned-chains/plan-owned-chains';
import { portChainSet, type DesiredRules } from './port-rules';

export interface BatchPlan {
  /** The iptables-restore --noflush --counters input, or null when the rule set already is as wanted. */
  batch: string | null;
  /** Host ports of UDP DNAT rules the batch adds: their stale conntrack entries must go. */
  addedUdpPorts: number[];
}

/** Whether Docker made its DOCKER-USER chain (our filter jump goes there then). */
export const hasDockerUser = (current: ParsedRuleset): boolean =>
  current.chains.some((c) => c.family === 'ipv4' && c.table === 'filter' && c.name === 'DOCKER-USER');

function addedUdpDnatPorts(desired: DesiredRules, current: ParsedRuleset): number[] {
  const existing = new Set(current.rules.filter((r) => r.family === 'ipv4' && r.table === 'nat' && r.chain === 'BRIDGEPORT-DNAT').map((r) => ruleKey(r.spec)));
  return desired.tables.nat.rules
    .filter((r) => r.startsWith('-A BRIDGEPORT-DNAT ') && r.includes(' -p udp ') && !existing.has(ruleKey(r)))
    .map((r) => Number(/--dport (\d+)/.exec(r)?.[1]))
    .filter((p) => Number.isInteger(p));
}

export function planBatch(desired: DesiredRules, current: ParsedRuleset): BatchPlan {
  return { batch: planOwnedChains(portChainSet(desired), current), addedUdpPorts: addedUdpDnatPorts(desired, current) };
}

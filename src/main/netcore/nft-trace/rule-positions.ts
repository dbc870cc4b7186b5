// Where each rule handle sits in its chain, from `nft -j list ruleset`: the trace names a rule by
// handle, Bridgeport's model by position in its chain (iptables-save prints the same order). Pure.
import { readNftDocument } from '../nft/nft-ruleset-schema';

export type RulePositions = Map<string, number>;

export const positionKey = (family: string, table: string, chain: string, handle: number) => `${family}\u0000${table}\u0000${chain}\u0000${handle}`;

/** family/table/chain/handle → 1-based position in the chain. */
export function rulePositions(jsonText: string): RulePositions {
  const positions: RulePositions = new Map();
  const counts = new Map<string, number>();
  for (const item of readNftDocument(jsonText)) {
    const rule = (item as { rule?: { family?: unknown; table?: unknown; chain?: unknown; handle?: unknown } } | null)?.rule;
    if (!rule || typeof rule.family !== 'string' || typeof rule.table !== 'string' || typeof rule.chain !== 'string' || typeof rule.handle !== 'number') continue;
    const chainKey = `${rule.family}\u0000${rule.table}\u0000${rule.chain}`;
    const position = (counts.get(chainKey) ?? 0) + 1;
    counts.set(chainKey, position);
    positions.set(positionKey(rule.family, rule.table, rule.chain, rule.handle), position);
  }
  return positions;
}

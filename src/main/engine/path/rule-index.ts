// The IPv4 rule set arranged for walking: rules of each chain in order, each with its stable id.
// Pure.
import type { ParsedChain, ParsedRule, ParsedRuleset } from '../../netcore/rules/parsed-rule';
import { ruleIds } from '../../netcore/rules/rule-id';

export interface IdentifiedRule {
  rule: ParsedRule;
  id: string;
}

export interface RuleIndex {
  hasChain(table: string, chain: string): boolean;
  rulesOf(table: string, chain: string): readonly IdentifiedRule[];
  policyOf(table: string, chain: string): string | null;
  hasTable(table: string): boolean;
  /** The IPv4 chains that are native nftables base chains (they carry their hook). */
  nativeBaseChains(): readonly ParsedChain[];
}

const keyOf = (table: string, chain: string) => `${table}/${chain}`;

export function indexRuleset(ruleset: ParsedRuleset): RuleIndex {
  // Ids come from the whole rules array so they equal the ids other views give the same rules.
  const ids = ruleIds(ruleset.rules);
  const rules = new Map<string, IdentifiedRule[]>();
  ruleset.rules.forEach((rule, i) => {
    if (rule.family !== 'ipv4') return;
    const key = keyOf(rule.table, rule.chain);
    rules.set(key, [...(rules.get(key) ?? []), { rule, id: ids[i]! }]);
  });
  const chains = new Map<string, ParsedChain>();
  for (const chain of ruleset.chains) if (chain.family === 'ipv4') chains.set(keyOf(chain.table, chain.name), chain);
  const tables = new Set([...chains.values()].map((c) => c.table));
  return {
    hasChain: (table, chain) => chains.has(keyOf(table, chain)) || rules.has(keyOf(table, chain)),
    rulesOf: (table, chain) => rules.get(keyOf(table, chain)) ?? [],
    policyOf: (table, chain) => chains.get(keyOf(table, chain))?.policy ?? null,
    hasTable: (table) => tables.has(table),
    nativeBaseChains: () => [...chains.values()].filter((c) => c.base !== undefined),
  };
}

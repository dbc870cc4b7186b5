// Rules laid out as iptables shows them: table by table, chain by chain, in rule order. Pure.
import type { FirewallChain, FirewallRule, NatReport } from '../../../../shared/firewall-model';

export interface ChainGroup {
  key: string;
  chain: FirewallChain;
  rules: FirewallRule[];
}

export interface TableGroup {
  key: string;
  family: FirewallChain['family'];
  table: string;
  chains: ChainGroup[];
}

// The tables a packet meets first, and the ones people look for, come first.
const tableOrder = ['nat', 'filter', 'raw', 'mangle', 'security'];

function tableRank(table: string): number {
  const i = tableOrder.indexOf(table);
  return i === -1 ? tableOrder.length : i;
}

export const chainKey = (c: { family: string; table: string; name?: string; chain?: string }) => `${c.family}:${c.table}:${c.name ?? c.chain}`;

/**
 * Groups `rules` (already filtered) under the report's chains. Chains left without rules are kept
 * only when `keepEmptyChains`: an empty built-in chain still says its policy, but not under a filter.
 */
export function groupRules(report: NatReport, rules: readonly FirewallRule[], keepEmptyChains: boolean): TableGroup[] {
  const byChain = new Map<string, ChainGroup>();
  for (const chain of report.chains) byChain.set(chainKey(chain), { key: chainKey(chain), chain, rules: [] });
  for (const rule of rules) {
    const key = chainKey(rule);
    let group = byChain.get(key);
    if (!group) {
      // A rule in a chain the report did not declare: show it rather than lose it.
      group = { key, chain: { family: rule.family, table: rule.table, name: rule.chain, policy: null, packets: 0, bytes: 0, owner: rule.owner }, rules: [] };
      byChain.set(key, group);
    }
    group.rules.push(rule);
  }
  const tables = new Map<string, TableGroup>();
  for (const group of byChain.values()) {
    if (group.rules.length === 0 && !keepEmptyChains) continue;
    group.rules.sort((a, b) => a.position - b.position);
    const { family, table } = group.chain;
    const key = `${family}:${table}`;
    const entry = tables.get(key) ?? { key, family, table, chains: [] };
    entry.chains.push(group);
    tables.set(key, entry);
  }
  return [...tables.values()].sort(
    (a, b) => a.family.localeCompare(b.family) || tableRank(a.table) - tableRank(b.table) || a.table.localeCompare(b.table),
  );
}

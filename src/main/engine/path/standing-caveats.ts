// Caveats that hold for any path on this host: parts of its configuration the evaluator does not
// read or evaluate, mentioned only when they are present and could change the answer. Pure.
import type { ParsedRuleset } from '../../netcore/rules/parsed-rule';
import { seesIpv4 } from './hook-chains';
import type { Route } from './parse-ip-route';

const EVALUATED_TABLES = new Set(['raw', 'nat', 'filter']);

/** iptables' raw, nat and filter tables and every native ip/inet table are walked; others are not. */
const isEvaluated = (table: string) => EVALUATED_TABLES.has(table) || seesIpv4(table);

function unevaluatedTables(ruleset: ParsedRuleset): string[] {
  const counts = new Map<string, number>();
  for (const rule of ruleset.rules) {
    if (rule.family === 'ipv4' && !isEvaluated(rule.table)) counts.set(rule.table, (counts.get(rule.table) ?? 0) + 1);
  }
  return [...counts].map(([table, n]) => `the ${table} table (${n} rule${n === 1 ? '' : 's'}) is not evaluated; its marks or rewrites could change this path.`);
}

const WALKED_HOOKS = new Set(['prerouting', 'input', 'forward', 'output', 'postrouting']);

/** Base chains of walked tables at hooks the path does not walk (ingress, egress). */
function unwalkedHooks(ruleset: ParsedRuleset): string[] {
  return ruleset.chains
    .filter((c) => c.family === 'ipv4' && c.base !== undefined && seesIpv4(c.table) && !WALKED_HOOKS.has(c.base.hook))
    .map((c) => `The ${c.table} chain ${c.name} hooks ${c.base!.hook}, which is not evaluated; its drops or marks could change this path.`);
}

function policyRouting(routes: readonly Route[]): string[] {
  const tables = [...new Set(routes.map((r) => r.table).filter((t) => t !== 'main' && t !== 'local'))];
  if (tables.length === 0) return [];
  return [`Routes exist in table${tables.length === 1 ? '' : 's'} ${tables.join(', ')}; policy routing rules (ip rule) are not read, only the main and local tables are used.`];
}

export function standingCaveats(ruleset: ParsedRuleset, routes: readonly Route[]): string[] {
  const caveats = unevaluatedTables(ruleset).map((c) => c.charAt(0).toUpperCase() + c.slice(1));
  caveats.push(...unwalkedHooks(ruleset));
  caveats.push(...policyRouting(routes));
  if (!ruleset.chains.some((c) => c.family === 'ipv4')) caveats.push('No IPv4 firewall rules were given; every chain was taken to accept.');
  if (ruleset.rules.some((r) => r.family === 'ipv6')) caveats.push('Only IPv4 is traced; the IPv6 rules (ip6tables) were not evaluated.');
  if (ruleset.rules.some((r) => r.match.unparsed.some((u) => u === '-m set'))) {
    caveats.push('Some rules match ipsets, whose members are not read; those rules were assumed not to match.');
  }
  return caveats;
}

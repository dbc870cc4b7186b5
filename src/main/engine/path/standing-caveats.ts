// Caveats that hold for any path on this host: parts of its configuration the evaluator does not
// read or evaluate, mentioned only when they are present and could change the answer. Pure.
import type { Message } from '../../../shared/message';
import type { ParsedRuleset } from '../../netcore/rules/parsed-rule';
import { seesIpv4 } from './hook-chains';
import type { Route } from './parse-ip-route';
import { pathMessage as p } from './path-message';

const EVALUATED_TABLES = new Set(['raw', 'nat', 'filter']);

/** iptables' raw, nat and filter tables and every native ip/inet table are walked; others are not. */
const isEvaluated = (table: string) => EVALUATED_TABLES.has(table) || seesIpv4(table);

function unevaluatedTables(ruleset: ParsedRuleset): Message[] {
  const counts = new Map<string, number>();
  for (const rule of ruleset.rules) {
    if (rule.family === 'ipv4' && !isEvaluated(rule.table)) counts.set(rule.table, (counts.get(rule.table) ?? 0) + 1);
  }
  // One key per number form: inEnglish checks a key exists without its count, which i18next's plural keys fail.
  return [...counts].map(([table, n]) => p(n === 1 ? 'caveat.tableNotEvaluatedOneRule' : 'caveat.tableNotEvaluated', { table, rules: n }));
}

const WALKED_HOOKS = new Set(['prerouting', 'input', 'forward', 'output', 'postrouting']);

/** Base chains of walked tables at hooks the path does not walk (ingress, egress). */
function unwalkedHooks(ruleset: ParsedRuleset): Message[] {
  return ruleset.chains
    .filter((c) => c.family === 'ipv4' && c.base !== undefined && seesIpv4(c.table) && !WALKED_HOOKS.has(c.base.hook))
    .map((c) => p('caveat.hookNotEvaluated', { table: c.table, chain: c.name, hook: c.base!.hook }));
}

function policyRouting(routes: readonly Route[]): Message[] {
  const tables = [...new Set(routes.map((r) => r.table).filter((t) => t !== 'main' && t !== 'local'))];
  if (tables.length === 0) return [];
  return [p(tables.length === 1 ? 'caveat.policyRoutingOneTable' : 'caveat.policyRouting', { tables: tables.join(', ') })];
}

export function standingCaveats(ruleset: ParsedRuleset, routes: readonly Route[]): Message[] {
  const caveats = unevaluatedTables(ruleset);
  caveats.push(...unwalkedHooks(ruleset));
  caveats.push(...policyRouting(routes));
  if (!ruleset.chains.some((c) => c.family === 'ipv4')) caveats.push(p('caveat.noIpv4Rules'));
  if (ruleset.rules.some((r) => r.family === 'ipv6')) caveats.push(p('caveat.ipv4Only'));
  if (ruleset.rules.some((r) => r.match.unparsed.some((u) => u === '-m set'))) caveats.push(p('caveat.ipsets'));
  return caveats;
}

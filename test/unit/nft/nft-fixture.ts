// Loads the `nft -j` captures of this folder (fixtures/capture.sh) and of the shared firewall
// fixtures, and finds rules in a parse result by chain and position.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { ParsedRule, ParsedRuleset } from '../../../src/main/netcore/rules/parsed-rule';

const ownDir = resolve(import.meta.dirname, 'fixtures');
const sharedDir = resolve(import.meta.dirname, '../../fixtures/firewall');

export function ownFixture(name: string): string {
  return readFileSync(resolve(ownDir, name), 'utf8');
}

/** A capture of test/fixtures/firewall (see its README). */
export function sharedFixture(name: string): string {
  return readFileSync(resolve(sharedDir, name), 'utf8');
}

/** The rule lines of an `nft list ruleset` text, with counter values dropped as specs drop them. */
export function listedRules(text: string): string[] {
  return text
    .split('\n')
    .map((l) => l.trim().replace(/(^| )counter packets \d+ bytes \d+/, '$1counter'))
    .filter((l) => l !== '' && l !== '}' && !l.startsWith('#') && !l.endsWith('{') && !/^(type|flags|elements|packets|l3proto|"|\S+ : )/.test(l));
}

export function ruleAt(ruleset: ParsedRuleset, table: string, chain: string, position: number): ParsedRule {
  const rule = ruleset.rules.find((r) => r.table === table && r.chain === chain && r.position === position);
  if (!rule) throw new Error(`no rule ${table}/${chain}#${position}`);
  return rule;
}

/** One statement list as `nft -j` would print it inside a ruleset, for small hand-made cases. */
export function rulesetJson(expr: unknown[], extra: { family?: string; table?: string; comment?: string } = {}): string {
  const family = extra.family ?? 'ip';
  const table = extra.table ?? 't';
  const rule: Record<string, unknown> = { family, table, chain: 'c', handle: 2, expr };
  if (extra.comment !== undefined) rule.comment = extra.comment;
  return JSON.stringify({
    nftables: [
      { metainfo: { version: '1.0.6', release_name: 'Lester Gooch #5', json_schema_version: 1 } },
      { table: { family, name: table, handle: 1 } },
      { chain: { family, table, name: 'c', handle: 1 } },
      { rule },
    ],
  });
}

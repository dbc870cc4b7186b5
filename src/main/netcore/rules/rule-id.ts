// Rule ids stay the same while a rule exists, whatever is inserted above it: they come from the
// rule's text, not its position (duplicates get #2, #3 …). Pure.
import type { ParsedRule } from './parsed-rule';

export function ruleIds(rules: readonly ParsedRule[]): string[] {
  const seen = new Map<string, number>();
  return rules.map((r) => {
    // The rule text itself (it starts with `-A CHAIN`): hashing it cost more than the rest of the parse.
    const base = `${r.family}:${r.table}:${r.spec}`;
    const n = (seen.get(base) ?? 0) + 1;
    seen.set(base, n);
    return n === 1 ? base : `${base}#${n}`;
  });
}

// Rules compared by their words, not their printed text: iptables-nft quotes every comment and
// iptables-legacy only those with spaces, yet both say the same rule. Pure.
import { tokenizeRule } from '../iptables/tokenize-rule';

/** The words of a rule, joined by a separator no word holds. */
export function ruleKey(spec: string): string {
  return tokenizeRule(spec).join('\u0000');
}

export function sameRules(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((rule, i) => ruleKey(rule) === ruleKey(b[i]!));
}

// What a rule whose match fits does: decide, jump, return, rewrite or just note and go on.
// Records the step it takes. Pure apart from the walk state it is given.
import { inEnglish } from '../../../shared/i18n/english';
import { conditionsOf } from '../firewall/explain-rule';
import type { ParsedRule } from '../../netcore/rules/parsed-rule';
import { applyNat } from './nat-target';
import type { StepVerdict } from './path-types';
import type { IdentifiedRule } from './rule-index';
import type { HookVerdict, WalkEnv } from './walk-state';

export type RuleAction =
  | { kind: 'continue' }
  | { kind: 'jump'; chain: string; goto: boolean }
  | { kind: 'return' }
  | { kind: 'stop'; verdict: HookVerdict };

// Targets that note, log or tweak the packet and let it go on through the chain.
const PASSING_TARGETS = new Set(['', 'LOG', 'NFLOG', 'ULOG', 'TRACE', 'AUDIT', 'CHECKSUM', 'TCPMSS', 'TOS', 'TTL', 'DSCP', 'CLASSIFY', 'SECMARK', 'CONNSECMARK', 'IDLETIMER', 'LED']);
const MARK_TARGETS = new Set(['MARK', 'CONNMARK']);

export function ruleLabel(rule: ParsedRule): string {
  return `rule ${rule.position} of ${rule.table} ${rule.chain} (${inEnglish(conditionsOf(rule.match))})`;
}

const isGoto = (spec: string) => /(^|\s)(-g|--goto)\s/.test(spec);

function stepOf(env: WalkEnv, { rule, id }: IdentifiedRule, verdict: StepVerdict, description: string): void {
  env.record.step({ stage: `${rule.table} ${rule.chain}`, description, ruleId: id, verdict, nodeIds: [] });
}

function terminal(env: WalkEnv, identified: IdentifiedRule): RuleAction | null {
  const { rule, id } = identified;
  const label = ruleLabel(rule);
  switch (rule.target) {
    case 'ACCEPT':
      stepOf(env, identified, 'accept', `Accepted by ${label}.`);
      return { kind: 'stop', verdict: { kind: 'accept' } };
    case 'DROP':
      stepOf(env, identified, 'drop', `Dropped by ${label}.`);
      return { kind: 'stop', verdict: { kind: 'drop', ruleId: id, description: `Dropped by ${label}.` } };
    case 'REJECT': {
      const how = rule.targetArgs.replace('--reject-with', 'with').trim() || 'with ICMP port unreachable';
      stepOf(env, identified, 'reject', `Rejected ${how} by ${label}.`);
      return { kind: 'stop', verdict: { kind: 'reject', ruleId: id, description: `Rejected ${how} by ${label}.` } };
    }
    case 'RETURN':
      stepOf(env, identified, 'return', `Returns to the calling chain by ${label}.`);
      return { kind: 'return' };
    case 'NFQUEUE':
    case 'QUEUE':
      stepOf(env, identified, 'continue', `Handed to a userspace program by ${label}; its verdict cannot be known.`);
      return { kind: 'stop', verdict: { kind: 'unknown', description: `A userspace program decides (${rule.target}, ${label}).` } };
    default:
      return null;
  }
}

function rewriting(env: WalkEnv, identified: IdentifiedRule): RuleAction | null {
  const effect = applyNat(identified.rule, env);
  if (effect === null) return null;
  if ('unknown' in effect) {
    env.record.caveat(`The ${effect.unknown} of ${ruleLabel(identified.rule)} could not be followed; the path stops there.`);
    return { kind: 'stop', verdict: { kind: 'unknown', description: `Could not follow ${effect.unknown}.` } };
  }
  const sentence = `${ruleLabel(identified.rule)} ${effect.summary}.`;
  stepOf(env, identified, effect.verdict, sentence.charAt(0).toUpperCase() + sentence.slice(1));
  // A NAT target ends the nat table for this hook: the binding is made once per connection.
  return { kind: 'stop', verdict: { kind: 'accept' } };
}

function noting(env: WalkEnv, identified: IdentifiedRule): RuleAction {
  const { rule } = identified;
  const label = ruleLabel(rule);
  if (MARK_TARGETS.has(rule.target)) {
    env.state.mark = null;
    env.record.caveat(`${label} sets a ${rule.target} (${rule.targetArgs}); marks are not followed, so later --mark matches are unknown and policy routing by mark is not modelled.`);
  } else if (rule.target === 'NOTRACK' || (rule.target === 'CT' && rule.targetArgs.includes('--notrack'))) {
    env.state.untracked = true;
  } else if (!PASSING_TARGETS.has(rule.target)) {
    env.record.caveat(`The target ${rule.target} of ${label} is not modelled; the packet was assumed to go on.`);
  }
  const what = rule.target === '' ? 'counts the packet' : `applies ${rule.target}`;
  stepOf(env, identified, 'continue', `${label.charAt(0).toUpperCase()}${label.slice(1)} ${what}; the packet goes on.`);
  return { kind: 'continue' };
}

/** The action of a rule whose match fits the packet. */
export function actOn(env: WalkEnv, identified: IdentifiedRule): RuleAction {
  const { rule } = identified;
  if (env.index.hasChain(rule.table, rule.target)) {
    const goto = isGoto(rule.spec);
    stepOf(env, identified, 'jump', `${goto ? 'Goes' : 'Jumps'} to ${rule.table} ${rule.target} by ${ruleLabel(rule)}.`);
    return { kind: 'jump', chain: rule.target, goto };
  }
  return terminal(env, identified) ?? rewriting(env, identified) ?? noting(env, identified);
}

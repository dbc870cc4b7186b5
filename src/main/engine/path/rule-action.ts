// What a rule whose match fits does: decide, jump, return, rewrite or just note and go on.
// Records the step it takes. Pure apart from the walk state it is given.
import type { Message } from '../../../shared/message';
import { conditionsOf } from '../firewall/explain-rule';
import type { ParsedRule } from '../../netcore/rules/parsed-rule';
import { applyNat } from './nat-target';
import { pathMessage as p, said } from './path-message';
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

/**
 * "rule 3 of nat DOCKER (TCP, port 8080, …)" as a message; `atStart` for the form that opens a
 * sentence ("Rule 3 of …").
 */
export function ruleLabelMessage(rule: ParsedRule, atStart = false): Message {
  return p(atStart ? 'label.ruleAtStart' : 'label.rule', { position: rule.position, table: rule.table, chain: rule.chain, conditions: conditionsOf(rule.match) });
}

const isGoto = (spec: string) => /(^|\s)(-g|--goto)\s/.test(spec);

function stepOf(env: WalkEnv, { rule, id }: IdentifiedRule, verdict: StepVerdict, description: Message): void {
  env.record.step({ stage: `${rule.table} ${rule.chain}`, ...said(description), ruleId: id, verdict, nodeIds: [] });
}

/** How a REJECT answers, from its arguments ("--reject-with icmp-host-prohibited"). */
function rejected(rule: ParsedRule, label: Message): Message {
  const how = rule.targetArgs.replace('--reject-with', 'with').trim();
  if (how === '') return p('step.rejectedByDefault', { label });
  if (how.startsWith('with ')) return p('step.rejectedWith', { answer: how.slice('with '.length), label });
  return p('step.rejectedHow', { how, label });
}

function terminal(env: WalkEnv, identified: IdentifiedRule): RuleAction | null {
  const { rule, id } = identified;
  const label = ruleLabelMessage(rule);
  switch (rule.target) {
    case 'ACCEPT':
      stepOf(env, identified, 'accept', p('step.acceptedBy', { label }));
      return { kind: 'stop', verdict: { kind: 'accept' } };
    case 'DROP': {
      const dropped = p('step.droppedBy', { label });
      stepOf(env, identified, 'drop', dropped);
      return { kind: 'stop', verdict: { kind: 'drop', ruleId: id, ...said(dropped) } };
    }
    case 'REJECT': {
      const sentence = rejected(rule, label);
      stepOf(env, identified, 'reject', sentence);
      return { kind: 'stop', verdict: { kind: 'reject', ruleId: id, ...said(sentence) } };
    }
    case 'RETURN':
      stepOf(env, identified, 'return', p('step.returnsBy', { label }));
      return { kind: 'return' };
    case 'NFQUEUE':
    case 'QUEUE':
      stepOf(env, identified, 'continue', p('step.queuedBy', { label }));
      return { kind: 'stop', verdict: { kind: 'unknown', ...said(p('outcome.userspaceDecides', { target: rule.target, label })) } };
    default:
      return null;
  }
}

function rewriting(env: WalkEnv, identified: IdentifiedRule): RuleAction | null {
  const effect = applyNat(identified.rule, env);
  if (effect === null) return null;
  if ('unknown' in effect) {
    env.record.caveat(p('caveat.natNotFollowed', { what: effect.unknown, label: ruleLabelMessage(identified.rule) }));
    return { kind: 'stop', verdict: { kind: 'unknown', ...said(p('outcome.natNotFollowed', { what: effect.unknown })) } };
  }
  stepOf(env, identified, effect.verdict, p('step.ruleDoes', { label: ruleLabelMessage(identified.rule, true), effect: effect.summary }));
  // A NAT target ends the nat table for this hook: the binding is made once per connection.
  return { kind: 'stop', verdict: { kind: 'accept' } };
}

function noting(env: WalkEnv, identified: IdentifiedRule): RuleAction {
  const { rule } = identified;
  const label = ruleLabelMessage(rule);
  if (MARK_TARGETS.has(rule.target)) {
    env.state.mark = null;
    env.record.caveat(p('caveat.markNotFollowed', { label, target: rule.target, args: rule.targetArgs }));
  } else if (rule.target === 'NOTRACK' || (rule.target === 'CT' && rule.targetArgs.includes('--notrack'))) {
    env.state.untracked = true;
  } else if (!PASSING_TARGETS.has(rule.target)) {
    env.record.caveat(p('caveat.targetNotModelled', { target: rule.target, label }));
  }
  const atStart = ruleLabelMessage(rule, true);
  stepOf(env, identified, 'continue', rule.target === '' ? p('step.countsAndGoesOn', { label: atStart }) : p('step.appliesAndGoesOn', { label: atStart, target: rule.target }));
  return { kind: 'continue' };
}

/** The action of a rule whose match fits the packet. */
export function actOn(env: WalkEnv, identified: IdentifiedRule): RuleAction {
  const { rule } = identified;
  if (env.index.hasChain(rule.table, rule.target)) {
    const goto = isGoto(rule.spec);
    stepOf(env, identified, 'jump', p(goto ? 'step.goesTo' : 'step.jumpsTo', { table: rule.table, chain: rule.target, label: ruleLabelMessage(rule) }));
    return { kind: 'jump', chain: rule.target, goto };
  }
  return terminal(env, identified) ?? rewriting(env, identified) ?? noting(env, identified);
}

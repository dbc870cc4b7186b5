// What one native nftables rule does to the packet, statement by statement as the kernel runs it:
// matches that may stop it, marks it sets, a verdict (also from a verdict map) or a NAT mapping.
// Whatever cannot be evaluated is named in a caveat and the rule is taken not to match.
import type { Message } from '../../../../shared/message';
import { kindOf, stringField, type NftValue } from '../../../netcore/nft/nft-json-value';
import type { NftRuleSource, ParsedRule } from '../../../netcore/rules/parsed-rule';
import { pathMessage as p, said } from '../path-message';
import type { StepVerdict } from '../path-types';
import type { RuleAction } from '../rule-action';
import type { IdentifiedRule } from '../rule-index';
import type { WalkEnv } from '../walk-state';
import { compare } from './nft-compare';
import { lookUp } from './nft-lookup';
import { applyNftNat, NFT_NAT_STATEMENTS } from './nft-nat';
import { readValue } from './nft-value';

// Statements that count, log or note and never decide whether the rule goes on.
const PASSING = new Set(['counter', 'log', 'continue']);
// Statements with a side effect the path does not follow (a set update, a copy, a helper); the rule goes on.
const SIDE_EFFECTS = new Set(['set', 'dup', 'ct helper', 'ct timeout', 'ct expectation', 'flow', 'secmark']);

/** "rule 2 in inet fw chain input (…)" as a message; `atStart` for the form that opens a sentence. */
export function nftRuleLabelMessage(rule: ParsedRule, atStart = false): Message {
  const spec = rule.spec.replace(/ counter packets \d+ bytes \d+/g, ' counter');
  return p(atStart ? 'label.nftRuleAtStart' : 'label.nftRule', { position: rule.position, table: rule.table, chain: rule.chain, spec });
}

function step(env: WalkEnv, { rule, id }: IdentifiedRule, verdict: StepVerdict, description: Message): void {
  env.record.step({ stage: `${rule.table} ${rule.chain}`, ...said(description), ruleId: id, verdict, nodeIds: [] });
}

/** nft's own words for what could not be decided (an expression, a set name): data, said as it is. */
const nftText = (what: string) => p('what', { what });

function notEvaluated(env: WalkEnv, rule: ParsedRule, what: Message): RuleAction {
  env.record.caveat(p('caveat.nftNotEvaluated', { label: nftRuleLabelMessage(rule, true), what }));
  return { kind: 'continue' };
}

/** A verdict statement or a verdict map's data: accept, drop, jump … */
function verdictAction(env: WalkEnv, identified: IdentifiedRule, verdict: NftValue, byMap: boolean): RuleAction | null {
  const k = typeof verdict === 'string' ? { kind: verdict, body: null } : kindOf(verdict);
  if (!k) return null;
  const label = nftRuleLabelMessage(identified.rule);
  // The same sentences, said of a verdict a map gave ("Dropped (by its verdict map) by …").
  const sentence = (key: string, params: Record<string, string | number | Message> = {}) => p(`nftStep.${key}${byMap ? 'ByMap' : ''}`, { ...params, label });
  switch (k.kind) {
    case 'accept':
      step(env, identified, 'accept', sentence('accepted'));
      return { kind: 'stop', verdict: { kind: 'accept' } };
    case 'drop': {
      const dropped = sentence('dropped');
      step(env, identified, 'drop', dropped);
      return { kind: 'stop', verdict: { kind: 'drop', ruleId: identified.id, ...said(dropped) } };
    }
    case 'reject': {
      const rejected = sentence('rejected');
      step(env, identified, 'reject', rejected);
      return { kind: 'stop', verdict: { kind: 'reject', ruleId: identified.id, ...said(rejected) } };
    }
    case 'return':
      step(env, identified, 'return', sentence('returns'));
      return { kind: 'return' };
    case 'continue':
      return { kind: 'continue' };
    case 'jump':
    case 'goto': {
      const chain = typeof k.body === 'string' ? k.body : stringField(k.body, 'target');
      if (chain === null || !env.index.hasChain(identified.rule.table, chain)) return notEvaluated(env, identified.rule, p('nft.toUnlistedChain', { verdict: k.kind }));
      step(env, identified, 'jump', sentence(k.kind === 'goto' ? 'goesTo' : 'jumpsTo', { table: identified.rule.table, chain }));
      return { kind: 'jump', chain, goto: k.kind === 'goto' };
    }
    case 'queue':
      step(env, identified, 'continue', p('step.queuedBy', { label }));
      return { kind: 'stop', verdict: { kind: 'unknown', ...said(p('outcome.userspaceDecides', { target: 'queue', label })) } };
    default:
      return null;
  }
}

function setMark(env: WalkEnv, identified: IdentifiedRule, body: unknown): void {
  const k = kindOf((body as { key?: unknown } | null)?.key);
  const isMeta = k?.kind === 'meta' && (typeof k.body === 'string' ? k.body : stringField(k.body, 'key')) === 'mark';
  const label = nftRuleLabelMessage(identified.rule, true);
  if (!isMeta) {
    env.record.caveat(p('caveat.nftSetsUnfollowed', { label }));
    return;
  }
  const value = readValue(env, (body as { value?: unknown }).value);
  env.state.mark = value.kind === 'number' ? value.value : null;
  if (env.state.mark === null) env.record.caveat(p('caveat.nftMarkUnknown', { label }));
  const sentence = env.state.mark === null ? p('nftStep.setsUnknownMark', { label }) : p('nftStep.setsMark', { label, mark: `0x${env.state.mark.toString(16)}` });
  step(env, identified, 'continue', sentence);
}

function natAction(env: WalkEnv, identified: IdentifiedRule, kind: string, body: unknown, source: NftRuleSource): RuleAction {
  const effect = applyNftNat(env, kind, body, source);
  // A map without an entry for this packet ends the rule, not the chain.
  if (effect === null) return { kind: 'continue' };
  if ('unknown' in effect) {
    env.record.caveat(p('caveat.natNotFollowed', { what: effect.unknown, label: nftRuleLabelMessage(identified.rule) }));
    return { kind: 'stop', verdict: { kind: 'unknown', ...said(p('outcome.natNotFollowed', { what: effect.unknown })) } };
  }
  step(env, identified, effect.verdict, p('step.ruleDoes', { label: nftRuleLabelMessage(identified.rule, true), effect: effect.summary }));
  // A NAT statement ends this base chain, and the mapping holds for the connection.
  return { kind: 'stop', verdict: { kind: 'accept' } };
}

/** Runs the statements of a native rule; `continue` when it does not match or decides nothing. */
export function actOnNftRule(env: WalkEnv, identified: IdentifiedRule, source: NftRuleSource): RuleAction {
  const { rule } = identified;
  for (const statement of source.statements) {
    const k = kindOf(statement);
    const kind = k?.kind ?? JSON.stringify(statement);
    const body = k?.body as { op?: unknown; left?: unknown; right?: unknown } | undefined;
    if (kind === 'match' && body) {
      const read = readValue(env, body.left);
      if (read.kind === 'absent') return { kind: 'continue' };
      if (read.kind === 'unknown') return notEvaluated(env, rule, nftText(read.what));
      const fit = compare(typeof body.op === 'string' ? body.op : '==', read, body.right, source);
      if (fit === false) return { kind: 'continue' };
      if (typeof fit === 'string') return notEvaluated(env, rule, nftText(fit));
    } else if (PASSING.has(kind)) {
      continue;
    } else if (SIDE_EFFECTS.has(kind)) {
      env.record.caveat(p('caveat.nftSideEffect', { label: nftRuleLabelMessage(rule, true), statement: kind }));
    } else if (kind === 'vmap') {
      const found = lookUp(env, k!.body, source);
      if (found.kind === 'unknown') return notEvaluated(env, rule, p('nft.verdictMapKeyedBy', { what: found.what }));
      if (found.kind === 'none') return { kind: 'continue' };
      return verdictAction(env, identified, found.data, true) ?? notEvaluated(env, rule, p('nft.mapVerdict', { verdict: JSON.stringify(found.data) }));
    } else if (NFT_NAT_STATEMENTS.has(kind)) {
      return natAction(env, identified, kind, k!.body, source);
    } else if (kind === 'mangle') {
      setMark(env, identified, k!.body);
    } else if (kind === 'notrack') {
      env.state.untracked = true;
    } else {
      const decided = verdictAction(env, identified, statement, false);
      if (decided) return decided;
      return notEvaluated(env, rule, p('nft.statement', { statement: kind }));
    }
  }
  return { kind: 'continue' };
}

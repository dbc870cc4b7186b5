// What one native nftables rule does to the packet, statement by statement as the kernel runs it:
// matches that may stop it, marks it sets, a verdict (also from a verdict map) or a NAT mapping.
// Whatever cannot be evaluated is named in a caveat and the rule is taken not to match.
import { kindOf, stringField, type NftValue } from '../../../netcore/nft/nft-json-value';
import type { NftRuleSource, ParsedRule } from '../../../netcore/rules/parsed-rule';
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

export function nftRuleLabel(rule: ParsedRule): string {
  return `rule ${rule.position} in ${rule.table} chain ${rule.chain} (${rule.spec.replace(/ counter packets \d+ bytes \d+/g, ' counter')})`;
}

function step(env: WalkEnv, { rule, id }: IdentifiedRule, verdict: StepVerdict, description: string): void {
  env.record.step({ stage: `${rule.table} ${rule.chain}`, description, ruleId: id, verdict, nodeIds: [] });
}

function notEvaluated(env: WalkEnv, rule: ParsedRule, what: string): RuleAction {
  env.record.caveat(`${capitalised(nftRuleLabel(rule))} uses ${what}, which is not evaluated; it was assumed not to match.`);
  return { kind: 'continue' };
}

const capitalised = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);

/** A verdict statement or a verdict map's data: accept, drop, jump … */
function verdictAction(env: WalkEnv, identified: IdentifiedRule, verdict: NftValue, via: string): RuleAction | null {
  const k = typeof verdict === 'string' ? { kind: verdict, body: null } : kindOf(verdict);
  if (!k) return null;
  const label = nftRuleLabel(identified.rule);
  switch (k.kind) {
    case 'accept':
      step(env, identified, 'accept', `Accepted${via} by ${label}; in nftables an accept ends only this base chain.`);
      return { kind: 'stop', verdict: { kind: 'accept' } };
    case 'drop':
      step(env, identified, 'drop', `Dropped${via} by ${label}.`);
      return { kind: 'stop', verdict: { kind: 'drop', ruleId: identified.id, description: `Dropped${via} by ${label}.` } };
    case 'reject':
      step(env, identified, 'reject', `Rejected${via} by ${label}.`);
      return { kind: 'stop', verdict: { kind: 'reject', ruleId: identified.id, description: `Rejected${via} by ${label}.` } };
    case 'return':
      step(env, identified, 'return', `Returns to the calling chain${via} by ${label}.`);
      return { kind: 'return' };
    case 'continue':
      return { kind: 'continue' };
    case 'jump':
    case 'goto': {
      const chain = typeof k.body === 'string' ? k.body : stringField(k.body, 'target');
      if (chain === null || !env.index.hasChain(identified.rule.table, chain)) return notEvaluated(env, identified.rule, `a ${k.kind} to a chain that was not listed`);
      step(env, identified, 'jump', `${k.kind === 'goto' ? 'Goes' : 'Jumps'} to ${identified.rule.table} ${chain}${via} by ${label}.`);
      return { kind: 'jump', chain, goto: k.kind === 'goto' };
    }
    case 'queue':
      step(env, identified, 'continue', `Handed to a userspace program by ${label}; its verdict cannot be known.`);
      return { kind: 'stop', verdict: { kind: 'unknown', description: `A userspace program decides (queue, ${label}).` } };
    default:
      return null;
  }
}

function setMark(env: WalkEnv, identified: IdentifiedRule, body: unknown): void {
  const k = kindOf((body as { key?: unknown } | null)?.key);
  const isMeta = k?.kind === 'meta' && (typeof k.body === 'string' ? k.body : stringField(k.body, 'key')) === 'mark';
  const label = nftRuleLabel(identified.rule);
  if (!isMeta) {
    env.record.caveat(`${capitalised(label)} sets something Bridgeport does not follow; the packet was assumed to go on unchanged.`);
    return;
  }
  const value = readValue(env, (body as { value?: unknown }).value);
  env.state.mark = value.kind === 'number' ? value.value : null;
  if (env.state.mark === null) env.record.caveat(`${capitalised(label)} sets a mark Bridgeport cannot compute; later mark matches are unknown.`);
  const shown = env.state.mark === null ? 'an unknown value' : `0x${env.state.mark.toString(16)}`;
  step(env, identified, 'continue', `${capitalised(label)} sets the packet mark to ${shown}; the packet goes on.`);
}

function natAction(env: WalkEnv, identified: IdentifiedRule, kind: string, body: unknown, source: NftRuleSource): RuleAction {
  const label = nftRuleLabel(identified.rule);
  const effect = applyNftNat(env, kind, body, source);
  // A map without an entry for this packet ends the rule, not the chain.
  if (effect === null) return { kind: 'continue' };
  if ('unknown' in effect) {
    env.record.caveat(`The ${effect.unknown} of ${label} could not be followed; the path stops there.`);
    return { kind: 'stop', verdict: { kind: 'unknown', description: `Could not follow ${effect.unknown}.` } };
  }
  step(env, identified, effect.verdict, `${capitalised(label)} ${effect.summary}.`);
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
      if (read.kind === 'unknown') return notEvaluated(env, rule, read.what);
      const fit = compare(typeof body.op === 'string' ? body.op : '==', read, body.right, source);
      if (fit === false) return { kind: 'continue' };
      if (typeof fit === 'string') return notEvaluated(env, rule, fit);
    } else if (PASSING.has(kind)) {
      continue;
    } else if (SIDE_EFFECTS.has(kind)) {
      env.record.caveat(`${capitalised(nftRuleLabel(rule))} has a "${kind}" statement whose effect is not followed; the rule was taken to go on past it.`);
    } else if (kind === 'vmap') {
      const found = lookUp(env, k!.body, source);
      if (found.kind === 'unknown') return notEvaluated(env, rule, `a verdict map keyed by ${found.what}`);
      if (found.kind === 'none') return { kind: 'continue' };
      return verdictAction(env, identified, found.data, ' (by its verdict map)') ?? notEvaluated(env, rule, `the map verdict ${JSON.stringify(found.data)}`);
    } else if (NFT_NAT_STATEMENTS.has(kind)) {
      return natAction(env, identified, kind, k!.body, source);
    } else if (kind === 'mangle') {
      setMark(env, identified, k!.body);
    } else if (kind === 'notrack') {
      env.state.untracked = true;
    } else {
      const decided = verdictAction(env, identified, statement, '');
      if (decided) return decided;
      return notEvaluated(env, rule, `the statement "${kind}"`);
    }
  }
  return { kind: 'continue' };
}

// Walks one hook the way netfilter does: a built-in chain in order, into user chains by jumps and
// gotos, back on RETURN or at a user chain's end, and to the chain policy when nothing decided.
import { matchRule, type MatchView } from './match-rule';
import { actOnNftRule } from './nft/nft-rule';
import { pathMessage as p, said } from './path-message';
import { actOn, ruleLabelMessage, type RuleAction } from './rule-action';
import type { IdentifiedRule } from './rule-index';
import type { HookVerdict, WalkEnv } from './walk-state';

interface Frame {
  chain: string;
  next: number;
}

// Far deeper than any real rule set nests; only a jump loop gets here.
const MAX_DEPTH = 64;

function viewOf(env: WalkEnv): MatchView {
  const { state } = env;
  const ctStates = new Set([state.untracked ? 'UNTRACKED' : state.established ? 'ESTABLISHED' : 'NEW']);
  if (state.dnat) ctStates.add('DNAT');
  if (state.snat) ctStates.add('SNAT');
  return { packet: state.packet, inInterface: state.inInterface, outInterface: state.outInterface, ctStates, mark: state.mark, isLocal: env.facts.isLocal };
}

function fits(env: WalkEnv, { rule }: IdentifiedRule): boolean {
  const result = matchRule(rule.match, rule.spec, viewOf(env));
  if (result.kind === 'unknown') {
    env.record.caveat(p('caveat.notModelled', { label: ruleLabelMessage(rule), spec: rule.spec, options: result.unmodelled }));
  }
  return result.kind === 'match';
}

/** What a rule does to the packet; null when it does not match. Native nft rules run their own statements. */
function actionOf(env: WalkEnv, identified: IdentifiedRule): RuleAction | null {
  const source = identified.rule.nft;
  if (source) return actOnNftRule(env, identified, source);
  return fits(env, identified) ? actOn(env, identified) : null;
}

function policyVerdict(env: WalkEnv, table: string, chain: string): HookVerdict {
  const policy = env.index.policyOf(table, chain) ?? 'ACCEPT';
  const quiet = policy === 'ACCEPT' && table !== 'filter' && env.index.rulesOf(table, chain).length === 0;
  const description = said(p('step.policy', { table, chain, policy }));
  if (!quiet) env.record.step({ stage: `${table} ${chain}`, ...description, ruleId: null, verdict: 'policy', nodeIds: [] });
  if (policy === 'ACCEPT') return { kind: 'accept' };
  if (policy === 'DROP') return { kind: 'drop', ruleId: null, ...description };
  return { kind: 'unknown', ...said(p('outcome.unknownPolicy', { policy, table, chain })) };
}

function leaveChain(env: WalkEnv, table: string, stack: Frame[], ended: Frame): void {
  const caller = stack[stack.length - 1];
  if (!caller) return;
  env.record.step({
    stage: `${table} ${ended.chain}`,
    ...said(p('step.chainEnds', { table, chain: ended.chain, caller: caller.chain })),
    ruleId: null,
    verdict: 'return',
    nodeIds: [],
  });
}

/** Runs the packet through built-in chain `chain` of `table`; absent chains accept silently. */
export function walkHook(env: WalkEnv, table: string, chain: string): HookVerdict {
  if (!env.index.hasChain(table, chain)) return { kind: 'accept' };
  const stack: Frame[] = [{ chain, next: 0 }];
  while (stack.length > 0) {
    const frame = stack[stack.length - 1]!;
    const identified = env.index.rulesOf(table, frame.chain)[frame.next++];
    if (identified === undefined) {
      stack.pop();
      leaveChain(env, table, stack, frame);
      continue;
    }
    const action = actionOf(env, identified);
    if (action === null || action.kind === 'continue') continue;
    if (action.kind === 'stop') return action.verdict;
    if (action.kind === 'return') stack.pop();
    if (action.kind === 'jump') {
      if (action.goto) stack.pop();
      if (stack.length >= MAX_DEPTH) return { kind: 'unknown', ...said(p('outcome.tooDeep', { table, depth: MAX_DEPTH })) };
      stack.push({ chain: action.chain, next: 0 });
    }
  }
  return policyVerdict(env, table, chain);
}

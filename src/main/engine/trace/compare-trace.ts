// The kernel's steps against the computed path: every rule one side met and the other did not, and
// whether both end alike. Rules are compared by id (the same reading names both); a policy only
// when it dropped, since the computed path names the policies that decide and not every "accept".
// Each difference is a message (catalogue engine-trace) and its English. Pure.
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message } from '../../../shared/message';
import type { PathResult } from '../../../shared/path-model';
import type { KernelStep, TraceDifference } from '../../../shared/trace-model';

const trace = (key: string, params: Record<string, string | number | Message> = {}) => message(`engine-trace:${key}`, params);
/** The computed path's own sentence: its message where the path gives one, else its English as data. */
const said = (s: { description: string; descriptionMessage?: Message }) => s.descriptionMessage ?? message('engine-common:text', { text: s.description });

const stopped = (kind: PathResult['outcome']['kind']) => kind === 'dropped' || kind === 'rejected';
const where = (s: KernelStep) => `${s.table} ${s.chain}`;
const ruleText = (s: KernelStep): string | Message => s.rule ?? s.nftRule ?? trace('unprintableRule');

function difference(kind: TraceDifference['kind'], ruleId: string | null, m: Message): TraceDifference {
  return { kind, ruleId, description: inEnglish(m), descriptionMessage: m };
}

export function compareTrace(computed: PathResult, steps: readonly KernelStep[], outcome: 'passed' | 'dropped' | 'not-seen'): TraceDifference[] {
  if (outcome === 'not-seen') return [];
  const differences: TraceDifference[] = [];
  const kernelIds = new Set(steps.flatMap((s) => (s.ruleId ? [s.ruleId] : [])));
  const computedIds = new Set(computed.steps.flatMap((s) => (s.ruleId ? [s.ruleId] : [])));
  for (const s of steps) {
    const met = { where: where(s), rule: ruleText(s), verdict: verdictText(s) };
    if (s.kind === 'rule' && s.ruleId === null && s.verdict !== 'continue') {
      differences.push(difference('unmodelled', null, trace('difference.unmodelled', met)));
    } else if (s.kind === 'rule' && s.ruleId !== null && !computedIds.has(s.ruleId) && s.verdict !== 'continue') {
      differences.push(difference('kernel-only', s.ruleId, trace('difference.kernelOnly', met)));
    } else if (s.kind === 'policy' && s.verdict === 'drop' && !computed.steps.some((c) => c.verdict === 'policy' && c.stage === where(s))) {
      differences.push(difference('kernel-only', null, trace('difference.kernelPolicyDrop', { where: where(s) })));
    }
  }
  for (const c of computed.steps) {
    if (c.ruleId !== null && !kernelIds.has(c.ruleId) && c.verdict !== 'continue') {
      differences.push(difference('computed-only', c.ruleId, trace('difference.computedOnly', { stage: c.stage, step: said(c), verdict: c.verdict })));
    }
  }
  const computedStops = stopped(computed.outcome.kind);
  if (computed.outcome.kind !== 'unknown' && computedStops !== (outcome === 'dropped')) {
    const key = outcome === 'dropped' ? 'difference.kernelDropped' : 'difference.kernelPassed';
    differences.push(difference('outcome', null, trace(key, { computed: said(computed.outcome) })));
  }
  return differences;
}

function verdictText(s: KernelStep): string {
  return s.target ? `${s.verdict} ${s.target}` : s.verdict;
}

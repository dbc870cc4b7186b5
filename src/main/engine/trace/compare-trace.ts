// The kernel's steps against the computed path: every rule one side met and the other did not, and
// whether both end alike. Rules are compared by id (the same reading names both); a policy only
// when it dropped, since the computed path names the policies that decide and not every "accept".
// Pure.
import type { PathResult } from '../../../shared/path-model';
import type { KernelStep, TraceDifference } from '../../../shared/trace-model';

const stopped = (kind: PathResult['outcome']['kind']) => kind === 'dropped' || kind === 'rejected';
const where = (s: KernelStep) => `${s.table} ${s.chain}`;
const ruleText = (s: KernelStep) => s.rule ?? s.nftRule ?? '(a rule nft could not print)';

export function compareTrace(computed: PathResult, steps: readonly KernelStep[], outcome: 'passed' | 'dropped' | 'not-seen'): TraceDifference[] {
  if (outcome === 'not-seen') return [];
  const differences: TraceDifference[] = [];
  const kernelIds = new Set(steps.flatMap((s) => (s.ruleId ? [s.ruleId] : [])));
  const computedIds = new Set(computed.steps.flatMap((s) => (s.ruleId ? [s.ruleId] : [])));
  for (const s of steps) {
    if (s.kind === 'rule' && s.ruleId === null && s.verdict !== 'continue') {
      differences.push({ kind: 'unmodelled', ruleId: null, description: `The kernel met ${where(s)}: ${ruleText(s)} (${verdictText(s)}), a rule Bridgeport's reading does not hold, so the computed path could not consider it.` });
    } else if (s.kind === 'rule' && s.ruleId !== null && !computedIds.has(s.ruleId) && s.verdict !== 'continue') {
      differences.push({ kind: 'kernel-only', ruleId: s.ruleId, description: `The kernel met ${where(s)}: ${ruleText(s)} (${verdictText(s)}); the computed path does not.` });
    } else if (s.kind === 'policy' && s.verdict === 'drop' && !computed.steps.some((c) => c.verdict === 'policy' && c.stage === where(s))) {
      differences.push({ kind: 'kernel-only', ruleId: null, description: `The kernel's packet was dropped by the policy of ${where(s)}; the computed path does not reach it.` });
    }
  }
  for (const c of computed.steps) {
    if (c.ruleId !== null && !kernelIds.has(c.ruleId) && c.verdict !== 'continue') {
      differences.push({ kind: 'computed-only', ruleId: c.ruleId, description: `The computed path meets ${c.stage}: ${c.description} (${c.verdict}); the kernel's packet did not.` });
    }
  }
  const computedStops = stopped(computed.outcome.kind);
  if (computed.outcome.kind !== 'unknown' && computedStops !== (outcome === 'dropped')) {
    differences.push({
      kind: 'outcome',
      ruleId: null,
      description: outcome === 'dropped' ? `The kernel dropped the packet; the computed path says: ${computed.outcome.description}` : `The kernel let the packet through; the computed path says: ${computed.outcome.description}`,
    });
  }
  return differences;
}

function verdictText(s: KernelStep): string {
  return s.target ? `${s.verdict} ${s.target}` : s.verdict;
}

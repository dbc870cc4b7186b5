import { describe, expect, it } from 'vitest';
import { compareTrace } from '../../../src/main/engine/trace/compare-trace';
import type { PathResult, PathStep } from '../../../src/shared/path-model';
import type { KernelStep } from '../../../src/shared/trace-model';

const computedStep = (ruleId: string | null, verdict: PathStep['verdict'], stage = 'nat DOCKER'): PathStep => ({ stage, description: `rule ${ruleId}`, ruleId, verdict, nodeIds: [] });
const computed = (steps: PathStep[], kind: PathResult['outcome']['kind'] = 'container'): PathResult => ({
  steps,
  outcome: { kind, description: kind === 'dropped' ? 'Dropped by rule X' : 'Reaches w1' },
  caveats: [],
  packet: { protocol: 'tcp', source: '198.51.100.2', destination: '172.17.0.2', port: 80 },
});
const kernelRule = (ruleId: string | null, verdict: string, chain = 'DOCKER'): KernelStep => ({
  family: 'ip',
  table: 'nat',
  chain,
  kind: 'rule',
  rule: ruleId ? `-A ${chain} ${ruleId}` : null,
  nftRule: 'some nft text',
  ruleId,
  verdict,
  target: null,
  packet: null,
});

describe('compareTrace', () => {
  it('finds no difference when both meet the same rules and end alike', () => {
    expect(compareTrace(computed([computedStep('a', 'jump'), computedStep('b', 'dnat')]), [kernelRule('a', 'jump'), kernelRule('b', 'accept')], 'passed')).toEqual([]);
  });

  it('marks a rule only the computed path meets, and one only the kernel met', () => {
    const differences = compareTrace(computed([computedStep('a', 'jump'), computedStep('b', 'dnat')]), [kernelRule('a', 'jump'), kernelRule('c', 'accept')], 'passed');
    expect(differences.map((d) => [d.kind, d.ruleId])).toEqual([
      ['kernel-only', 'c'],
      ['computed-only', 'b'],
    ]);
  });

  it('marks a different ending, a dropping policy it did not model, and a rule outside the reading', () => {
    const policyDrop: KernelStep = { ...kernelRule(null, 'drop', 'FORWARD'), kind: 'policy', table: 'filter', rule: null, nftRule: null };
    const differences = compareTrace(computed([computedStep('a', 'jump')]), [kernelRule('a', 'jump'), kernelRule(null, 'jump', 'X'), policyDrop], 'dropped');
    expect(differences.map((d) => d.kind)).toEqual(['unmodelled', 'kernel-only', 'outcome']);
    expect(differences[1]!.description).toMatch(/policy of filter FORWARD/);
    expect(differences[2]!.description).toMatch(/^The kernel dropped the packet; the computed path says: Reaches w1/);
  });

  it('ignores rules that only counted (continue), and says nothing without a traced packet', () => {
    expect(compareTrace(computed([computedStep('a', 'jump')]), [kernelRule('a', 'jump'), kernelRule('m', 'continue')], 'passed')).toEqual([]);
    expect(compareTrace(computed([computedStep('a', 'drop')], 'dropped'), [], 'not-seen')).toEqual([]);
  });

  it('agrees on a drop when both stop the packet', () => {
    expect(compareTrace(computed([computedStep('d', 'drop', 'filter DOCKER-FORWARD')], 'dropped'), [kernelRule('d', 'drop', 'DOCKER-FORWARD')], 'dropped')).toEqual([]);
  });
});

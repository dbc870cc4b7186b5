// Kernel-trace sentences as messages (issue 18): the differences and notes the engine prints are
// the English catalogue's, word for word, and each is said in Korean with no key missing. The kernel
// steps are the captured lab traces (test/fixtures/nft-trace); the computed paths are computed from
// the captured hosts the path tests use, so the differences quote real path sentences.
import { describe, expect, it } from 'vitest';
import { compareTrace } from '../../../src/main/engine/trace/compare-trace';
import { kernelOutcomeOf, kernelSteps } from '../../../src/main/engine/trace/kernel-steps';
import { probeDetailMessage } from '../../../src/main/engine/trace/probe-detail';
import { traceNoteMessages, traceNotes, type TraceNoteFacts } from '../../../src/main/engine/trace/trace-notes';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import { parseNftJson } from '../../../src/main/netcore/nft/parse-nft-json';
import { PROBE_PRINTED_NOTHING } from '../../../src/main/privileged/contract/trace-operations';
import type { Message } from '../../../src/shared/message';
import type { KernelStep, TraceDifference } from '../../../src/shared/trace-model';
import { fixture, helperEvents, tracesOf } from '../nft-trace/trace-fixtures';
import { dockerRulesText, host, HOST_IP, lan, trace, withRules } from '../path/path-host';
import { HOST_IP as PODMAN_HOST_IP, tracePodman } from '../path/podman5-host';
import { sayIn } from './engine-say';

const dockerRules = parseIptablesSave(fixture('docker28-iptables-save.txt'));
const podmanRules = parseNftJson(fixture('podman5-ruleset.json'));
const stepsOf = (monitor: string, ruleset: string, rules: Parameters<typeof kernelSteps>[1]) =>
  [...tracesOf(monitor).values()].map((events) => {
    const steps = kernelSteps(helperEvents(events, ruleset), rules);
    return { steps, outcome: kernelOutcomeOf(true, steps) };
  });

const kernelTraces = [
  ...stepsOf('docker28-monitor.txt', 'docker28-ruleset.json', dockerRules),
  // The same packets against a reading that holds none of their rules: every rule is unmodelled.
  ...stepsOf('docker28-monitor.txt', 'docker28-ruleset.json', { chains: [], rules: [] }),
  ...stepsOf('podman5-monitor.txt', 'podman5-ruleset.json', podmanRules),
];
const policyDrop: KernelStep = { family: 'ip', table: 'filter', chain: 'FORWARD', kind: 'policy', rule: null, nftRule: null, ruleId: null, verdict: 'drop', target: null, packet: null };
kernelTraces.push({ steps: [...kernelTraces[0]!.steps, policyDrop], outcome: 'dropped' });

const computedPaths = [
  trace(lan, HOST_IP, 8080),
  trace(host, HOST_IP, 8181),
  trace(lan, HOST_IP, 8080, { rules: withRules(dockerRulesText, 'filter', ['-A DOCKER-USER -i enp1s0 -p tcp -m tcp --dport 80 -j DROP']) }),
  tracePodman(host, PODMAN_HOST_IP, 8080),
  tracePodman(lan, PODMAN_HOST_IP, 9090),
];

const differences: TraceDifference[] = computedPaths.flatMap((computed) => kernelTraces.flatMap(({ steps, outcome }) => compareTrace(computed, steps, outcome)));
const messageOf = (d: TraceDifference): Message => d.descriptionMessage!;

const noteFacts: TraceNoteFacts[] = (['lan', 'host', 'container'] as const).flatMap((origin) =>
  [true, false].flatMap((caught) =>
    (['nft', 'legacy', null] as const).flatMap((variant) =>
      [0, 1, 3].map((otherPackets) => ({
        origin,
        caught,
        timeoutSeconds: 10,
        target: '198.51.100.1:8080/tcp',
        variant,
        steps: caught ? [{ ...policyDrop, kind: 'packet' as const, verdict: '' }] : [],
        otherPackets,
      })),
    ),
  ),
);

describe('kernel-trace differences in both languages', () => {
  it('come from the captured traces, of every kind', () => {
    expect(new Set(differences.map((d) => d.kind))).toEqual(new Set(['kernel-only', 'computed-only', 'outcome', 'unmodelled']));
    const keys = new Set(differences.map((d) => messageOf(d).key));
    for (const key of ['unmodelled', 'kernelOnly', 'kernelPolicyDrop', 'computedOnly', 'kernelDropped', 'kernelPassed']) expect(keys).toContain(`engine-trace:difference.${key}`);
  });

  it('say in English, through the catalogue, exactly the sentence the engine prints', () => {
    for (const d of differences) expect(sayIn('en', messageOf(d))).toBe(d.description);
  });

  it('say every difference in Korean', () => {
    for (const d of differences) expect(sayIn('ko', messageOf(d))).toMatch(/[가-힣]/);
  });

  it('a dropping policy the computed path does not reach, and a rule nft could not print, in Korean', () => {
    const policy = differences.find((d) => messageOf(d).key === 'engine-trace:difference.kernelPolicyDrop')!;
    expect(sayIn('ko', messageOf(policy))).toBe('커널의 패킷은 filter FORWARD의 정책에 의해 드롭되었지만, 계산된 경로는 그곳에 이르지 않습니다.');
    const unprintable = differences.find((d) => d.kind === 'unmodelled' && d.description.includes('(a rule nft could not print) (drop)'))!;
    expect(sayIn('ko', messageOf(unprintable))).toBe(
      '커널이 filter DOCKER-FORWARD에서 만난 규칙: (nft가 출력하지 못한 규칙) (drop). Bridgeport가 읽은 규칙에는 없는 규칙이라 계산된 경로에서는 고려할 수 없었습니다.',
    );
  });
});

describe('kernel-trace notes in both languages', () => {
  const notes = noteFacts.flatMap((facts) => {
    const english = traceNotes(facts);
    return traceNoteMessages(facts).map((m, i) => ({ m, english: english[i] }));
  });

  it('cover every note', () => {
    expect(new Set(notes.map((n) => n.m.key)).size).toBe(7);
  });

  it('say in English exactly the note the engine prints, and each in Korean with no English word left', () => {
    for (const { m, english } of notes) {
      expect(sayIn('en', m)).toBe(english);
      const korean = sayIn('ko', m);
      const leftover = korean.split(/[\s,()→:;.]+/).filter((w) => /^[a-z]{3,}$/i.test(w) && !['LAN', 'iptables', 'nftables'].includes(w));
      expect(leftover, korean).toEqual([]);
    }
  });

  it('count retransmissions in English (one, several) and in Korean', () => {
    const facts = noteFacts[0]!;
    expect(traceNotes({ ...facts, otherPackets: 1 }).at(-1)).toMatch(/^1 more packet of the flow/);
    expect(traceNotes({ ...facts, otherPackets: 3 }).at(-1)).toMatch(/^3 more packets of the flow/);
    expect(sayIn('ko', traceNoteMessages({ ...facts, otherPackets: 3 }).at(-1)!)).toBe('이 흐름의 패킷 3개(재전송)가 더 표시되었지만 따라가지 않았습니다. 커널의 결정은 첫 패킷 기준입니다.');
  });
});

describe('the probe’s detail', () => {
  it('is its error code as data, and its silence as a sentence', () => {
    expect(sayIn('en', probeDetailMessage('ECONNREFUSED'))).toBe('ECONNREFUSED');
    expect(sayIn('ko', probeDetailMessage('ECONNREFUSED'))).toBe('ECONNREFUSED');
    expect(sayIn('en', probeDetailMessage(PROBE_PRINTED_NOTHING))).toBe(PROBE_PRINTED_NOTHING);
    expect(sayIn('ko', probeDetailMessage(PROBE_PRINTED_NOTHING))).toBe('프로브가 아무것도 출력하지 않았습니다');
  });
});

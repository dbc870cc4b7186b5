import { describe, expect, it } from 'vitest';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import { parseNftJson } from '../../../src/main/netcore/nft/parse-nft-json';
import { kernelOutcomeOf, kernelSteps } from '../../../src/main/engine/trace/kernel-steps';
import { fixture, helperEvents, tracesOf, traceWhere } from '../nft-trace/trace-fixtures';

const docker = tracesOf('docker28-monitor.txt');
const dockerRules = parseIptablesSave(fixture('docker28-iptables-save.txt'));

describe('kernelSteps (Docker 28, iptables-nft)', () => {
  it('names the rule nft could not print by the iptables rule at its position, with the same id the views use', () => {
    const icc = helperEvents(traceWhere(docker, (events) => events.some((e) => e.verdict === 'drop')), 'docker28-ruleset.json');
    const steps = kernelSteps(icc, dockerRules);
    const drop = steps.find((s) => s.verdict === 'drop')!;
    expect(drop).toMatchObject({ table: 'filter', chain: 'DOCKER-FORWARD', kind: 'rule', nftRule: null });
    expect(drop.rule).toMatch(/^-A DOCKER-FORWARD -i br-\S+ -o br-\S+ -j DROP$/);
    expect(drop.ruleId).toBe(`ipv4:filter:${drop.rule}`);
    expect(kernelOutcomeOf(true, steps)).toBe('dropped');
  });

  it('shows the packet where it changed: after DNAT it is forwarded out docker0 to the container', () => {
    const lan = helperEvents(traceWhere(docker, (events) => events.some((e) => e.packet?.source === '198.51.100.2')), 'docker28-ruleset.json');
    const steps = kernelSteps(lan, dockerRules);
    const packets = steps.filter((s) => s.kind === 'packet').map((s) => `${s.table} ${s.chain} ${s.packet?.destination}:${s.packet?.destinationPort} ${s.packet?.out ?? '-'}`);
    expect(packets).toEqual(['raw PREROUTING 198.51.100.1:8080 -', 'filter FORWARD 172.17.0.2:80 docker0']);
    const dnat = steps.find((s) => s.rule?.includes('-j DNAT'))!;
    expect(dnat).toMatchObject({ table: 'nat', chain: 'DOCKER', verdict: 'accept', nftRule: expect.stringContaining('dnat to 172.17.0.2:80') });
    expect(steps.filter((s) => s.kind === 'rule').every((s) => s.ruleId !== null)).toBe(true);
    expect(kernelOutcomeOf(true, steps)).toBe('passed');
  });

  it('leaves the id empty for a rule the reading does not hold', () => {
    const lan = helperEvents(traceWhere(docker, (events) => events.some((e) => e.packet?.source === '198.51.100.2')), 'docker28-ruleset.json');
    const steps = kernelSteps(lan, { chains: [], rules: [] });
    expect(steps.filter((s) => s.kind === 'rule').every((s) => s.ruleId === null && s.rule === null && s.nftRule !== null)).toBe(true);
  });
});

describe('kernelSteps (Podman 5, netavark native table)', () => {
  it('maps inet netavark rules to the model’s `inet netavark` table', () => {
    const podman = tracesOf('podman5-monitor.txt');
    const rules = parseNftJson(fixture('podman5-ruleset.json'));
    const host = helperEvents(traceWhere(podman, (events) => events.some((e) => e.chain === 'OUTPUT')), 'podman5-ruleset.json');
    const steps = kernelSteps(host, rules);
    const dnat = steps.find((s) => s.nftRule?.includes('dnat ip to'))!;
    expect(dnat).toMatchObject({ family: 'inet', table: 'inet netavark', verdict: 'accept' });
    expect(dnat.ruleId).not.toBeNull();
    expect(kernelOutcomeOf(false, [])).toBe('not-seen');
  });
});

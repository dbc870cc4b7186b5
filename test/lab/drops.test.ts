// Issue 17, drops: real packets stopped by real rules in the Docker lab show up in the engine's
// traffic samples as drop events, on the node where they happen, with the rule. A DROP rule put in
// DOCKER-USER for the LAN client → w1 (through the published 8080), and Docker's own raw-table rule
// that stops the LAN reaching w2's address directly, and the FORWARD policy. The rule, the routes (in
// the lab's LAN namespace) and a namespace of the test's own are removed after.
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { DropEvent, TrafficSample } from '../../src/shared/traffic-model';
import { startTrafficEngine, type TrafficEngine } from './traffic-engine';
import { dockerMajor, run, runJson } from './support';

const lanNs = () => process.env.BP_LAB_LAN_NS!;
const lan = (...args: string[]) => execa('ip', ['netns', 'exec', lanNs(), ...args], { reject: false });

interface Inspect {
  Id: string;
  NetworkSettings: { Networks: Record<string, { IPAddress: string }> };
}
const containerOf = async (name: string) => {
  const [c] = await runJson<Inspect[]>('docker', ['inspect', name]);
  return { id: c!.Id, ip: c!.NetworkSettings.Networks.bridge!.IPAddress };
};

let traffic: TrafficEngine;
const nextSample = () => traffic.nextSample();
const cleanups: Array<() => Promise<unknown>> = [];

beforeAll(async () => {
  traffic = await startTrafficEngine();
});

afterAll(async () => {
  await traffic.stop();
  for (const undo of cleanups.reverse()) await undo().catch(() => undefined);
});

const eventFor = (sample: TrafficSample, spec: RegExp): DropEvent | undefined => sample.drops?.events.find((e) => spec.test(e.spec));

describe('drop events (Docker lab)', () => {
  it('a DROP rule in DOCKER-USER for the LAN client → w1:8080 is shown on w1, with the rule', async () => {
    const w1 = await containerOf('w1');
    const rule = ['DOCKER-USER', '-s', '198.51.100.2/32', '-d', `${w1.ip}/32`, '-p', 'tcp', '-m', 'tcp', '--dport', '80', '-j', 'DROP'];
    const spec = new RegExp(`^-A DOCKER-USER -s 198\\.51\\.100\\.2/32 -d ${w1.ip.replaceAll('.', '\\.')}/32 -p tcp -m tcp --dport 80 -j DROP$`);
    const baseline = await nextSample();
    expect(baseline.drops).toMatchObject({ readable: true });
    expect(eventFor(baseline, spec)).toBeUndefined();

    await run('iptables', ['-I', ...rule]);
    cleanups.push(() => run('iptables', ['-D', ...rule]));
    // Reachable before the rule mattered? The fetch must fail now: the SYNs are dropped.
    const fetch = await lan('timeout', '3', 'busybox', 'wget', '-q', '-O', '/dev/null', 'http://198.51.100.1:8080/');
    expect(fetch.exitCode).not.toBe(0);

    const sample = await nextSample();
    const event = eventFor(sample, spec);
    expect(event, JSON.stringify(sample.drops)).toBeDefined();
    expect(event).toMatchObject({ table: 'filter', chain: 'DOCKER-USER', target: 'DROP', places: [`container:${w1.id}`], where: 'container w1' });
    expect(event!.packets).toBeGreaterThanOrEqual(1);
    expect(event!.ruleId).not.toBeNull();
    // The same rule, by the same id, as the NAT view lists it.
    const nat = await traffic.engine.call('nat.get', {});
    expect(nat.rules.find((r) => r.id === event!.ruleId)?.spec).toMatch(spec);

    // Still listed a tick later, after the rule is gone.
    await run('iptables', ['-D', ...rule]);
    cleanups.pop();
    expect(eventFor(await nextSample(), spec)).toMatchObject({ totalPackets: event!.totalPackets });
    expect((await lan('timeout', '5', 'busybox', 'wget', '-q', '-O', '-', 'http://198.51.100.1:8080/')).stdout).toContain('bridgeport lab');
  });

  it("Docker 28's raw rule that stops the LAN reaching w2's address directly is shown on w2 (older Docker lets it through)", async () => {
    const w2 = await containerOf('w2');
    await lan('ip', 'route', 'add', '172.17.0.0/16', 'via', '198.51.100.1');
    cleanups.push(() => lan('ip', 'route', 'del', '172.17.0.0/16', 'via', '198.51.100.1'));
    const spec = new RegExp(`^-A PREROUTING -d ${w2.ip.replaceAll('.', '\\.')}/32 ! -i docker0 -j DROP$`);
    await nextSample();
    const fetch = await lan('timeout', '3', 'busybox', 'wget', '-q', '-O', '/dev/null', `http://${w2.ip}/`);
    const sample = await nextSample();
    if ((await dockerMajor()) < 28) {
      expect(fetch.exitCode).toBe(0);
      expect(sample.drops?.events.filter((e) => e.places.includes(`container:${w2.id}`))).toEqual([]);
      return;
    }
    expect(fetch.exitCode).not.toBe(0);
    expect(eventFor(sample, spec), JSON.stringify(sample.drops)).toMatchObject({ table: 'raw', chain: 'PREROUTING', target: 'DROP', places: [`container:${w2.id}`], where: 'container w2' });
  });

  it("the FORWARD chain's DROP policy stopping the LAN's pings to a namespace no rule lets through is shown on the host, as the policy", async () => {
    const lab = process.env.BP_LAB!;
    const ns = `${lab}-dz`;
    const veth = `${lab}dz0`;
    await run('ip', ['netns', 'add', ns]);
    cleanups.push(() => run('ip', ['netns', 'del', ns]));
    await run('ip', ['link', 'add', veth, 'type', 'veth', 'peer', 'name', 'dz1', 'netns', ns]);
    cleanups.push(() => run('ip', ['link', 'del', veth]));
    await run('ip', ['addr', 'add', '10.98.0.1/24', 'dev', veth]);
    await run('ip', ['link', 'set', veth, 'up']);
    await run('ip', ['-n', ns, 'addr', 'add', '10.98.0.2/24', 'dev', 'dz1']);
    await run('ip', ['-n', ns, 'link', 'set', 'dz1', 'up']);
    await lan('ip', 'route', 'add', '10.98.0.0/24', 'via', '198.51.100.1');
    cleanups.push(() => lan('ip', 'route', 'del', '10.98.0.0/24', 'via', '198.51.100.1'));
    await nextSample();
    const ping = await lan('busybox', 'ping', '-c', '3', '-W', '1', '10.98.0.2');
    expect(ping.exitCode).not.toBe(0);
    const sample = await nextSample();
    const policy = sample.drops?.events.find((e) => e.target === 'policy' && e.table === 'filter' && e.chain === 'FORWARD' && e.family === 'ipv4');
    expect(policy, JSON.stringify(sample.drops)).toMatchObject({ ruleId: null, spec: 'policy DROP', places: [], where: 'the host' });
    // The engine ticks on its own too: the three pings may have fallen in more than one tick.
    expect(policy!.totalPackets).toBeGreaterThanOrEqual(3);
  });
});

// Issue 17, drops on rootful Podman 5 (netavark's nftables driver): a native nftables drop rule with
// a counter (in a table of the test's own, removed after) stopping the LAN client → d1's published
// port is a drop event on d1 with the rule; netavark's own drop rules, which carry no counter, are
// named as drops that cannot be seen instead of counting as "no drops". Runs in Podman labs only.
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTrafficEngine, type TrafficEngine } from '../traffic-engine';
import { labEnv, run } from '../support';

const TABLE = 'bpdrops';
let traffic: TrafficEngine;
const nextSample = () => traffic.nextSample();

beforeAll(async () => {
  const { image } = labEnv();
  await run('docker', ['run', '-d', '--name', 'd1', '-p', '9292:80', image, 'httpd', '-f', '-p', '80', '-h', '/www']);
  traffic = await startTrafficEngine();
});

afterAll(async () => {
  await traffic.stop();
  await execa('nft', ['delete', 'table', 'inet', TABLE], { reject: false });
  await run('docker', ['rm', '-f', 'd1']).catch(() => '');
});

describe('drop events on Podman 5 (native nftables)', () => {
  it('counts a native drop rule with a counter on the container it stops; says netavark’s drops cannot be counted', async () => {
    const inspect = JSON.parse(await run('docker', ['inspect', 'd1'])) as Array<{ Id: string; NetworkSettings: { Networks: Record<string, { IPAddress: string }> } }>;
    const d1 = { id: inspect[0]!.Id, ip: Object.values(inspect[0]!.NetworkSettings.Networks)[0]!.IPAddress };
    // Reachable first: the drop below is the rule's doing.
    expect((await execa('ip', ['netns', 'exec', process.env.BP_LAB_LAN_NS!, 'timeout', '5', 'busybox', 'wget', '-q', '-O', '-', 'http://198.51.100.1:9292/'])).stdout).toContain('bridgeport lab');

    await run('nft', ['add', 'table', 'inet', TABLE]);
    await run('nft', ['add', 'chain', 'inet', TABLE, 'bpforward', '{ type filter hook forward priority -5; policy accept; }']);
    await run('nft', ['add', 'rule', 'inet', TABLE, 'bpforward', 'ip', 'saddr', '198.51.100.2', 'ip', 'daddr', d1.ip, 'tcp', 'dport', '80', 'counter', 'drop']);
    const baseline = await nextSample();
    expect(baseline.drops).toMatchObject({ readable: true });
    expect(baseline.drops!.notes.some((n) => n.includes('"inet netavark" carr') && n.includes('no counter'))).toBe(true);

    const fetch = await execa('ip', ['netns', 'exec', process.env.BP_LAB_LAN_NS!, 'timeout', '3', 'busybox', 'wget', '-q', '-O', '/dev/null', 'http://198.51.100.1:9292/'], { reject: false });
    expect(fetch.exitCode).not.toBe(0);
    const sample = await nextSample();
    const event = sample.drops?.events.find((e) => e.table === `inet ${TABLE}`);
    expect(event, JSON.stringify(sample.drops)).toMatchObject({ chain: 'bpforward', target: 'DROP', places: [`container:${d1.id}`], where: 'container d1' });
    expect(event!.spec).toMatch(new RegExp(`ip daddr ${d1.ip.replaceAll('.', '\\.')} .*drop`));
    expect(event!.totalPackets).toBeGreaterThanOrEqual(1);
  });
});

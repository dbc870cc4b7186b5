// The packet path against the real host: the evaluator's answer is checked against what the kernel
// does with real packets from the LAN namespace.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathResult } from '../../src/shared/path-model';
import type { Snapshot } from '../../src/shared/model';
import { bridgeport, dockerMajor, labEnv, run } from './support';

async function path(args: string[]): Promise<PathResult> {
  const result = await bridgeport(['path', ...args, '--json']);
  expect(result.exitCode, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as PathResult;
}

async function lanFetch(url: string): Promise<boolean> {
  const lan = process.env.BP_LAB_LAN_NS!;
  return run('ip', ['netns', 'exec', lan, 'timeout', '5', 'busybox', 'wget', '-q', '-O', '/dev/null', url]).then(
    () => true,
    () => false,
  );
}

let snapshot: Snapshot;

beforeAll(async () => {
  const { image } = labEnv();
  await run('docker', ['run', '-d', '--name', 'lo2', '-p', '127.0.0.1:8443:80', image, 'httpd', '-f', '-p', '80', '-h', '/www']);
  const result = await bridgeport(['snapshot', '--json']);
  snapshot = JSON.parse(result.stdout) as Snapshot;
});

afterAll(async () => {
  await run('docker', ['rm', '-f', 'lo2']);
});

describe('bridgeport path', () => {
  it("host:8080 from the LAN ends at w1's eth0 through its DNAT rule, and the LAN really gets w1's page", async () => {
    const w1 = snapshot.containers.find((c) => c.name === 'w1')!;
    const result = await path(['198.51.100.1:8080', '--from', 'lan']);
    expect(result.outcome).toMatchObject({ kind: 'container', containerId: w1.id, interface: 'eth0', hostVeth: w1.endpoints[0]!.hostVeth });
    const dnat = result.steps.find((s) => s.verdict === 'dnat');
    expect(dnat?.stage).toBe('nat DOCKER');
    const nat = JSON.parse((await bridgeport(['nat', '--json'])).stdout) as { rules: Array<{ id: string; target: string; container: { name: string } | null }> };
    expect(nat.rules.find((r) => r.id === dnat?.ruleId)).toMatchObject({ target: 'DNAT', container: { name: 'w1' } });
    expect(result.steps.map((s) => s.nodeIds).flat()).toEqual(expect.arrayContaining(['link:docker0', `container:${w1.id}`]));
    expect(await lanFetch('http://198.51.100.1:8080/')).toBe(true);
  });

  it('the LAN address on the 127.0.0.1-bound port: nothing listens there, and the LAN is refused', async () => {
    const result = await path(['198.51.100.1:8443']);
    expect(result.outcome.kind).toBe('no-listener');
    expect(await lanFetch('http://198.51.100.1:8443/')).toBe(false);
  });

  it('127.0.0.1:8443 from the LAN: Docker 20.10 lets it through (moby#41872), 28 drops it in raw; the kernel agrees', async () => {
    const guarded = (await dockerMajor()) >= 28;
    const result = await path(['127.0.0.1:8443', '--from', 'lan']);
    const rule = async (id: string | null | undefined) =>
      (JSON.parse((await bridgeport(['nat', '--json'])).stdout) as { rules: Array<{ id: string; table: string; target: string; packets: number; container: { name: string } | null }> }).rules.find((r) => r.id === id);
    const drop = result.steps.find((s) => s.verdict === 'drop');
    let dropsBefore = 0;
    if (guarded) {
      expect(result.outcome.kind).toBe('dropped');
      expect(drop?.stage).toBe('raw PREROUTING');
      const named = await rule(drop?.ruleId);
      expect(named).toMatchObject({ table: 'raw', target: 'DROP', container: { name: 'lo2' } });
      dropsBefore = named!.packets;
    } else {
      expect(result.outcome).toMatchObject({ kind: 'container', containerId: snapshot.containers.find((c) => c.name === 'lo2')!.id });
      expect(result.caveats.join(' ')).toMatch(/moby\/moby#41872/);
    }
    // Make the LAN peer send to 127.0.0.1 through the host, as an attacker on the LAN can.
    const lan = process.env.BP_LAB_LAN_NS!;
    await run('ip', ['-n', lan, 'addr', 'del', '127.0.0.1/8', 'dev', 'lo']);
    await run('ip', ['-n', lan, 'route', 'add', '127.0.0.1/32', 'via', '198.51.100.1']);
    await run('ip', ['netns', 'exec', lan, 'sysctl', '-qw', 'net.ipv4.conf.all.route_localnet=1']);
    try {
      expect(await lanFetch('http://127.0.0.1:8443/')).toBe(!guarded);
    } finally {
      await run('ip', ['-n', lan, 'route', 'del', '127.0.0.1/32']);
      await run('ip', ['-n', lan, 'addr', 'add', '127.0.0.1/8', 'dev', 'lo']);
      await run('ip', ['netns', 'exec', lan, 'sysctl', '-qw', 'net.ipv4.conf.all.route_localnet=0']);
    }
    const ports = JSON.parse((await bridgeport(['ports', '--json'])).stdout) as Array<{ hostPort: number; hints: string[] }>;
    // On 28 it is that raw rule that dropped the LAN's packets.
    if (guarded) expect((await rule(drop?.ruleId))!.packets).toBeGreaterThan(dropsBefore);
    const hints = ports.find((p) => p.hostPort === 8443)?.hints.join(' ');
    if (guarded) expect(hints).not.toMatch(/Not guarded/);
    else expect(hints).toMatch(/Not guarded/);
  });

  it('an address nothing rewrites in 127.0.0.0/8 is a martian from the LAN: dropped', async () => {
    const result = await path(['127.0.0.1:9999', '--from', 'lan']);
    expect(result.outcome.kind).toBe('dropped');
  });

  it('refuses bad input with one line and a non-zero exit', async () => {
    const bad = await bridgeport(['path', '198.51.100.1:70000']);
    expect(bad.exitCode).not.toBe(0);
    expect(bad.stderr.trim().split('\n')).toHaveLength(1);
    expect(bad.stderr).toMatch(/port must be 1-65535/);
    const noContainer = await bridgeport(['path', '198.51.100.1:80', '--from', 'nosuch']);
    expect(noContainer.stderr).toMatch(/no container named "nosuch"/);
  });
});

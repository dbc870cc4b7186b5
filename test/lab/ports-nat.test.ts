// The port map and the NAT view against Docker's real rules (28 by default, 20.10 in CI; iptables-nft),
// with real traffic from the LAN namespace moving the counters.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatReport, PublishedPort } from '../../src/shared/firewall-model';
import { bridgeport, dockerMajor, labEnv, run } from './support';

async function cliJson<T>(args: string[]): Promise<T> {
  const result = await bridgeport([...args, '--json']);
  expect(result.exitCode, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

async function containerIp(name: string): Promise<string> {
  return (await run('docker', ['inspect', '-f', '{{.NetworkSettings.IPAddress}}', name])).trim();
}

/** A LAN client fetching the host's LAN address, as a user on another machine would. */
async function fetchFromLan(port: number, times: number): Promise<void> {
  const lan = process.env.BP_LAB_LAN_NS!;
  for (let i = 0; i < times; i++) {
    await run('ip', ['netns', 'exec', lan, 'timeout', '5', 'busybox', 'wget', '-q', '-O', '/dev/null', `http://198.51.100.1:${port}/`]);
  }
}

beforeAll(async () => {
  const { image } = labEnv();
  await run('docker', ['run', '-d', '--name', 'u1', '-p', '5353:53/udp', image, 'sleep', '1d']);
  await run('docker', ['run', '-d', '--name', 'lo1', '-p', '127.0.0.1:8443:80', image, 'httpd', '-f', '-p', '80', '-h', '/www']);
});

afterAll(async () => {
  await run('docker', ['rm', '-f', 'u1', 'lo1']);
});

describe('ports --json', () => {
  it('lists the TCP, UDP and loopback-bound mappings with container, address and network', async () => {
    const ports = await cliJson<PublishedPort[]>(['ports']);
    const row = (port: number) => ports.find((p) => p.hostPort === port);
    expect(row(8080)).toMatchObject({
      hostIp: '0.0.0.0',
      protocol: 'tcp',
      container: { name: 'w1' },
      containerIp: await containerIp('w1'),
      containerPort: 80,
      network: 'bridge',
      source: 'docker',
    });
    expect(row(8181)).toMatchObject({ container: { name: 'w2' }, containerIp: await containerIp('w2'), containerPort: 80 });
    expect(row(5353)).toMatchObject({ protocol: 'udp', container: { name: 'u1' }, containerPort: 53 });
    expect(row(8443)).toMatchObject({ hostIp: '127.0.0.1', container: { name: 'lo1' }, containerIp: await containerIp('lo1') });
    expect(row(8443)?.hints.join(' ')).toMatch(/127\.0\.0\.1 only/);
    expect(ports.map((p) => p.hostPort).sort()).toEqual([5353, 8080, 8181, 8443]);
    // Each port names the DNAT rule and its companions (filter ACCEPT; 20.10's hairpin MASQUERADE).
    for (const p of ports) expect(p.ruleIds.length).toBeGreaterThanOrEqual(2);
  });
});

describe('nat --json', () => {
  it('attributes the DNAT rules to their containers, owned by Docker, and explains them', async () => {
    const report = await cliJson<NatReport>(['nat']);
    expect(report.backend).toBe('iptables-nft');
    expect(report.warnings).toEqual([]);
    const dnat = (name: string) => report.rules.find((r) => r.target === 'DNAT' && r.container?.name === name);
    const w1 = dnat('w1');
    expect(w1).toMatchObject({ table: 'nat', chain: 'DOCKER', owner: 'docker', hostPort: 8080, toDestination: `${await containerIp('w1')}:80` });
    expect(w1?.explain).toBe(`TCP to any local address, port 8080, not arriving from docker0 → w1 ${await containerIp('w1')}:80`);
    expect(dnat('w2')).toMatchObject({ owner: 'docker', hostPort: 8181 });
    expect(dnat('lo1')?.explain).toMatch(/^TCP to 127\.0\.0\.1, port 8443/);
    expect(report.rules.filter((r) => r.owner === 'other')).toEqual([]);
    if ((await dockerMajor()) < 28) {
      expect(new Set(report.rules.map((r) => r.table))).toEqual(new Set(['filter', 'nat']));
      return;
    }
    // Docker 28 also drops in raw what reaches a container's address, or the 127.0.0.1-bound port, the wrong way.
    expect(new Set(report.rules.map((r) => r.table))).toEqual(new Set(['raw', 'filter', 'nat']));
    const raw = (destination: string) => report.rules.find((r) => r.table === 'raw' && r.match.destination === destination);
    expect(raw(`${await containerIp('w1')}/32`)).toMatchObject({ owner: 'docker', target: 'DROP', container: { name: 'w1' }, explain: `All traffic to ${await containerIp('w1')}, not arriving from docker0 → dropped` });
    expect(raw('127.0.0.1/32')).toMatchObject({ owner: 'docker', target: 'DROP', container: { name: 'lo1' }, explain: 'TCP to 127.0.0.1, port 8443, not arriving from lo → dropped' });
  });

  it("counts three LAN fetches of host:8080 on w1's DNAT rule and none on w2's", async () => {
    const counter = async (name: string) =>
      (await cliJson<NatReport>(['nat'])).rules.find((r) => r.target === 'DNAT' && r.container?.name === name)!.packets;
    const [w1Before, w2Before] = [await counter('w1'), await counter('w2')];
    await fetchFromLan(8080, 3);
    expect((await counter('w1')) - w1Before).toBeGreaterThanOrEqual(3);
    expect((await counter('w2')) - w2Before).toBe(0);
    const ports = await cliJson<PublishedPort[]>(['ports']);
    expect(ports.find((p) => p.hostPort === 8080)!.packets).toBeGreaterThanOrEqual(3);
  });

  it('warns when iptables-legacy also holds rules (the split-store trap)', async () => {
    await run('iptables-legacy', ['-t', 'nat', '-A', 'PREROUTING', '-p', 'tcp', '--dport', '2222', '-j', 'DNAT', '--to-destination', '10.9.9.9:22']);
    try {
      const report = await cliJson<NatReport>(['nat']);
      expect(report.warnings.join(' ')).toMatch(/Both iptables-nft and iptables-legacy hold rules/);
    } finally {
      await run('iptables-legacy', ['-t', 'nat', '-D', 'PREROUTING', '-p', 'tcp', '--dport', '2222', '-j', 'DNAT', '--to-destination', '10.9.9.9:22']);
    }
    expect((await cliJson<NatReport>(['nat'])).warnings).toEqual([]);
  });
});

// Issue 15: the NAT view and the port map on real rootful Podman 5 (netavark's nftables driver):
// netavark's `inet netavark` rules are owned by podman, never by docker, each DNAT is attributed to
// its container and host port, and the port rows say source podman. Runs in Podman labs only.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatReport, PublishedPort } from '../../../src/shared/firewall-model';
import { bridgeport, labEnv, run } from '../support';

async function cliJson<T>(args: string[]): Promise<T> {
  const result = await bridgeport([...args, '--json']);
  expect(result.exitCode, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as T;
}

const ipOf = async (name: string) => (await run('docker', ['inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', name])).trim();

describe('NAT view and port map on Podman 5 (netavark nftables)', () => {
  beforeAll(async () => {
    const { image } = labEnv();
    await run('docker', ['network', 'create', 'natnet']);
    await run('docker', ['run', '-d', '--name', 'n1', '-p', '9090:80', image, 'httpd', '-f', '-p', '80', '-h', '/www']);
    await run('docker', ['run', '-d', '--name', 'n2', '--network', 'natnet', '-p', '9191:80', '-p', '5353:53/udp', image, 'httpd', '-f', '-p', '80', '-h', '/www']);
  });

  afterAll(async () => {
    await run('docker', ['rm', '-f', 'n1', 'n2']).catch(() => '');
    await run('docker', ['network', 'rm', 'natnet']).catch(() => '');
  });

  it('owns table inet netavark as podman and attributes each DNAT to its container and host port', async () => {
    const report = await cliJson<NatReport>(['nat']);
    const netavark = report.rules.filter((r) => r.table === 'inet netavark');
    expect(netavark.length).toBeGreaterThan(10);
    expect(new Set(netavark.map((r) => r.owner))).toEqual(new Set(['podman']));
    expect(report.rules.filter((r) => r.owner === 'docker')).toEqual([]);
    expect(report.chains.filter((c) => c.table === 'inet netavark').every((c) => c.owner === 'podman')).toBe(true);
    const dnat = (port: number) => netavark.find((r) => r.target === 'DNAT' && r.hostPort === port);
    expect(dnat(9090)).toMatchObject({ container: { name: 'n1' }, toDestination: `${await ipOf('n1')}:80` });
    expect(dnat(9090)?.explain).toBe(`TCP to any local address, port 9090 → n1 ${await ipOf('n1')}:80`);
    expect(dnat(9191)).toMatchObject({ container: { name: 'n2' }, toDestination: `${await ipOf('n2')}:80` });
    expect(dnat(5353)).toMatchObject({ container: { name: 'n2' }, match: { protocol: 'udp' }, toDestination: `${await ipOf('n2')}:53` });
    // The jump into the network's DNAT chain names the same container.
    const jump = netavark.find((r) => r.chain === 'NETAVARK-HOSTPORT-DNAT' && r.match.dport === '9191');
    expect(jump).toMatchObject({ container: { name: 'n2' }, owner: 'podman' });
  });

  it('lists the published ports with source podman and the rules behind them', async () => {
    const ports = await cliJson<PublishedPort[]>(['ports']);
    const row = (port: number) => ports.find((p) => p.hostPort === port);
    expect(row(9090)).toMatchObject({ container: { name: 'n1' }, containerIp: await ipOf('n1'), containerPort: 80, source: 'podman', hints: [] });
    expect(row(9191)).toMatchObject({ container: { name: 'n2' }, source: 'podman' });
    expect(row(5353)).toMatchObject({ protocol: 'udp', container: { name: 'n2' }, containerPort: 53, source: 'podman' });
    // DNAT, the jump into the network's chain, and the two masquerade marks.
    expect(row(9090)?.ruleIds).toHaveLength(4);
  });
});

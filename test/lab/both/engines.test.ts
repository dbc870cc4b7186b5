// Issue 15: Docker and Podman on one host, as users who "run both" have them
// (BP_LAB_ENGINE=docker28+podman5: DOCKER_HOST is the lab's dockerd, CONTAINER_HOST its Podman
// service, both in the same lab host namespace). Bridgeport reads both, each once, tells whose
// container, network, NAT rule and published port each is, and publishes on a running container of
// either engine. Runs only in that lab (vitest.config.ts).
import { symlink } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../../src/shared/model';
import { bridgeport, bridgeportOk, labEnv, run } from '../support';
import { LAN_IP, reaches, tempConfigDir } from '../publish-support';

const dockerSock = () => process.env.DOCKER_HOST!.replace(/^unix:\/\//, '');
const podmanSock = () => process.env.BP_LAB_PODMAN_SOCK!;
/** The `docker` CLI against one engine (Podman through its Docker-compatible API). */
const docker = (engine: 'docker' | 'podman', args: string[]) => run('docker', args, { DOCKER_HOST: `unix://${engine === 'docker' ? dockerSock() : podmanSock()}` });
const httpd = ['httpd', '-f', '-p', '80', '-h', '/www'];

interface NatRule {
  target: string;
  hostPort: number | null;
  owner: string;
  container: { name: string } | null;
}
interface PortRow {
  hostPort: number;
  source: string;
  container: { name: string } | null;
}

/** Each firewall's own rules (no Bridgeport line): what a publish must leave as it found it. */
async function engineRules(): Promise<string> {
  const iptables = (await run('iptables-save', [])).split('\n').filter((l) => !l.startsWith('#') && !/bridgeport/i.test(l));
  const netavark = (await run('nft', ['list', 'table', 'inet', 'netavark'])).split('\n');
  return [...iptables.map((l) => l.replace(/\[\d+:\d+\]/, '[0:0]')), ...netavark].join('\n');
}

/** Every rule line (iptables and native nftables) that mentions a port. */
async function rulesMentioning(port: number): Promise<string[]> {
  const lines = [...(await run('iptables-save', [])).split('\n'), ...(await run('nft', ['list', 'ruleset'])).split('\n')];
  return lines.filter((l) => new RegExp(`dport ${port}\\b`).test(l));
}

describe('Docker 28 and Podman 5 on one host', () => {
  let config: Awaited<ReturnType<typeof tempConfigDir>>;
  let snapshot: Snapshot;
  const env = () => ({ BRIDGEPORT_CONFIG_DIR: config.dir });
  const cli = (...args: string[]) => bridgeportOk(args, env());

  beforeAll(async () => {
    const { image } = labEnv();
    config = await tempConfigDir();
    await docker('docker', ['run', '-d', '--name', 'bd1', '-p', '9401:80', image, ...httpd]);
    await docker('podman', ['run', '-d', '--name', 'bp1', '-p', '9402:80', image, ...httpd]);
    await docker('docker', ['run', '-d', '--name', 'bd2', image, ...httpd]);
    await docker('podman', ['run', '-d', '--name', 'bp2', image, ...httpd]);
    snapshot = JSON.parse(await cli('snapshot', '--json')) as Snapshot;
  });

  afterAll(async () => {
    for (const [name, port] of [['bd2', '9411'], ['bp2', '9412']] as const) await bridgeport(['unpublish', name, port], env());
    await docker('docker', ['rm', '-f', 'bd1', 'bd2']).catch(() => undefined);
    await docker('podman', ['rm', '-f', 'bp1', 'bp2']).catch(() => undefined);
    await config.remove();
  });

  it('lists both engines with the versions they report', async () => {
    const dockerVersion = (await docker('docker', ['version', '--format', '{{.Server.Version}}'])).trim();
    const podmanVersion = (await docker('podman', ['version', '--format', '{{.Server.Version}}'])).trim();
    expect(snapshot.engines).toEqual([
      expect.objectContaining({ kind: 'docker', version: dockerVersion, rootless: false, endpoint: process.env.DOCKER_HOST }),
      expect.objectContaining({ kind: 'podman', version: podmanVersion, rootless: false, endpoint: process.env.CONTAINER_HOST }),
    ]);
  });

  it("marks each container with its engine, and draws each engine's networks on its own bridges", () => {
    const engineOf = (name: string) => snapshot.containers.find((c) => c.name === name)?.engine?.kind;
    expect([engineOf('bd1'), engineOf('bd2'), engineOf('bp1'), engineOf('bp2')]).toEqual(['docker', 'docker', 'podman', 'podman']);
    const bridged = snapshot.networks.filter((n) => n.bridge !== null);
    expect(bridged.filter((n) => n.engine?.kind === 'docker').map((n) => n.bridge)).toContain('docker0');
    expect(bridged.filter((n) => n.engine?.kind === 'podman').map((n) => n.bridge)).toContain('podman0');
    for (const n of bridged) {
      expect(n.bridge, n.name).toMatch(n.engine?.kind === 'docker' ? /^(docker0|br-[0-9a-f]{12})$/ : /^podman\d+$/);
    }
  });

  it('shows an engine reached by two paths (a symlink to its socket, the rootless-style XDG path) once', async () => {
    const dir = config.dir;
    await symlink(dockerSock(), join(dir, 'docker-again.sock'));
    await symlink(podmanSock(), join(dir, 'podman-again.sock'));
    // XDG_RUNTIME_DIR=<lab dir>: the usual paths <dir>/docker.sock and <dir>/podman/podman.sock are the lab's sockets.
    const twice = await bridgeport(['snapshot', '--json'], {
      ...env(),
      DOCKER_HOST: `unix://${join(dir, 'docker-again.sock')}`,
      CONTAINER_HOST: `unix://${join(dir, 'podman-again.sock')}`,
      XDG_RUNTIME_DIR: process.env.BP_LAB_DIR!,
    });
    expect(twice.exitCode, twice.stderr).toBe(0);
    const seen = JSON.parse(twice.stdout) as Snapshot;
    expect((seen.engines ?? []).map((e) => e.kind)).toEqual(['docker', 'podman']);
    expect((seen.engines ?? []).map((e) => e.id)).toEqual((snapshot.engines ?? []).map((e) => e.id));
    expect(seen.containers.filter((c) => c.name === 'bd1' || c.name === 'bp1')).toHaveLength(2);
  });

  it("attributes each DNAT to the engine that wrote it: Docker's to docker, netavark's to podman", async () => {
    const nat = JSON.parse(await cli('nat', '--json')) as { rules: NatRule[] };
    const dnat = (port: number) => nat.rules.filter((r) => r.hostPort === port && /dnat/i.test(r.target) === true);
    expect(dnat(9401).map((r) => [r.owner, r.container?.name])).toEqual([['docker', 'bd1']]);
    expect(dnat(9402).length).toBeGreaterThan(0);
    for (const r of dnat(9402)) expect([r.owner, r.container?.name]).toEqual(['podman', 'bp1']);
  });

  it('lists published ports with their source engine', async () => {
    const rows = JSON.parse(await cli('ports', '--json')) as PortRow[];
    const row = (port: number) => rows.filter((r) => r.hostPort === port).map((r) => [r.source, r.container?.name]);
    expect(row(9401)).toContainEqual(['docker', 'bd1']);
    expect(row(9402)).toContainEqual(['podman', 'bp1']);
  });

  it("says Podman's own published port is dropped for the LAN by Docker's FORWARD policy, as it is", async () => {
    const rows = JSON.parse(await cli('ports', '--json')) as Array<PortRow & { hints: string[] }>;
    expect(rows.find((r) => r.hostPort === 9402)?.hints).toContainEqual(expect.stringMatching(/^Not reachable from the LAN .*FORWARD chain has policy DROP/));
    expect(rows.find((r) => r.hostPort === 9401)?.hints.join(' ')).not.toMatch(/FORWARD chain has policy DROP/);
    expect(await reaches({ lan: true }, LAN_IP, 9402)).toBe(false);
    expect(await reaches({ host: true }, LAN_IP, 9402)).toBe(true);
    expect(await reaches({ lan: true }, LAN_IP, 9401)).toBe(true);
  });

  it("the DNS view shows both engines' containers", async () => {
    const rows = JSON.parse(await cli('dns', '--json')) as Array<{ container: { name: string } }>;
    const names = rows.map((c) => c.container.name);
    for (const name of ['bd1', 'bd2', 'bp1', 'bp2']) expect(names).toContain(name);
  });

  it("wires a veth end into a Podman container and keeps it on record though DOCKER_HOST is Docker's", async () => {
    await cli('link', 'add-veth', 'bpbv0', 'bpbv1');
    try {
      expect(await cli('link', 'move', 'bpbv1', '--container', 'bp2', '--name', 'eth1', '--address', '10.124.0.2/24')).toBe('moved bpbv1 into container bp2 as eth1');
      // The record's container pid is asked of every engine: Docker alone would call bp2 gone.
      expect(await cli('made')).toContain('bpbv0 (host) <-> eth1 (container bp2)');
      expect(await cli('link', 'down', 'eth1', '--container', 'bp2')).toBe('eth1 is down');
    } finally {
      await bridgeport(['link', 'del', 'bpbv0'], env());
    }
    expect(await cli('made')).not.toContain('bpbv0');
  });

  it('network actions go to the engine owning the network; a new network goes to Docker', async () => {
    await docker('podman', ['network', 'create', 'bpbpod']);
    try {
      const listed = JSON.parse(await cli('networks', 'ls', '--json')) as Array<{ name: string; engine?: { kind: string } }>;
      expect(listed.find((n) => n.name === 'bpbpod')?.engine?.kind).toBe('podman');
      const created = JSON.parse(await cli('networks', 'create', 'bpbdock', '--json')) as { engine?: { kind: string } };
      expect(created.engine?.kind).toBe('docker');
      expect(await docker('docker', ['network', 'ls', '--format', '{{.Name}}'])).toContain('bpbdock');
      const joined = JSON.parse(await cli('networks', 'connect', 'bpbpod', 'bp2', '--json')) as { containers: Array<{ name: string }> };
      expect(joined.containers.map((c) => c.name)).toContain('bp2');
      expect(JSON.parse(await cli('networks', 'rm', 'bpbpod', '--disconnect', '--json'))).toMatchObject({ removed: 'bpbpod', disconnected: ['bp2'], engine: { kind: 'podman' } });
      expect(await docker('podman', ['network', 'ls', '--format', '{{.Name}}'])).not.toContain('bpbpod');
      expect(JSON.parse(await cli('networks', 'rm', 'bpbdock', '--json'))).toMatchObject({ removed: 'bpbdock', engine: { kind: 'docker' } });
    } finally {
      await docker('podman', ['network', 'rm', '-f', 'bpbpod']).catch(() => undefined);
      await docker('docker', ['network', 'rm', 'bpbdock']).catch(() => undefined);
    }
  });

  it('publishes on a running container of each engine, reachable from the LAN; unpublishing restores the rules', async () => {
    const before = await engineRules();
    expect(await reaches({ lan: true }, LAN_IP, 9411)).toBe(false);
    expect(await cli('publish', 'bd2', '9411:80')).toMatch(/^published 0\.0\.0\.0:9411\/tcp -> bd2 172\.17\.\d+\.\d+:80/);
    expect(await cli('publish', 'bp2', '9412:80')).toMatch(/^published 0\.0\.0\.0:9412\/tcp -> bp2 10\.88\.\d+\.\d+:80/);
    expect(await reaches({ lan: true }, LAN_IP, 9411)).toBe(true);
    expect(await reaches({ lan: true }, LAN_IP, 9412)).toBe(true);
    const rows = JSON.parse(await cli('ports', '--json')) as PortRow[];
    expect(rows.filter((r) => r.hostPort === 9411 || r.hostPort === 9412).map((r) => [r.hostPort, r.source, r.container?.name])).toEqual(
      expect.arrayContaining([
        [9411, 'bridgeport', 'bd2'],
        [9412, 'bridgeport', 'bp2'],
      ]),
    );

    await cli('unpublish', 'bd2', '9411');
    await cli('unpublish', 'bp2', '9412');
    expect(await reaches({ lan: true }, LAN_IP, 9411)).toBe(false);
    expect(await reaches({ lan: true }, LAN_IP, 9412)).toBe(false);
    expect([...(await rulesMentioning(9411)), ...(await rulesMentioning(9412))]).toEqual([]);
    expect(await engineRules()).toBe(before);
  });
});

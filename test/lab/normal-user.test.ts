// A normal user in the group that owns the lab's Docker socket runs the built CLI (no sudo, no
// --elevate): every view shows what a user can read and says what it cannot, never a guess. The same
// commands as root give the full answers. The user, its group and the socket's ownership are undone
// afterwards, also when setup fails.
import { chmodSync, existsSync, mkdtempSync, rmSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { shareDockerSocket } from './share-docker-socket';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { NatReport, PublishedPort } from '../../src/shared/firewall-model';
import type { Snapshot } from '../../src/shared/model';
import type { PathResult } from '../../src/shared/path-model';
import { bridgeport, labEnv, repoRoot } from './support';

const CLI = resolve(repoRoot, 'out/main/cli.js');
/** The lab host's uplink address (test/lab/README.md): w1 is published on 8080 of every address. */
const HOST_ADDRESS = '198.51.100.1';
const tag = String(process.pid % 100000);
const user = `bpu${tag}`;
const group = `bpg${tag}`;
const undo: Array<() => unknown> = [];
let work = '';

async function cleanUp(): Promise<void> {
  for (const step of undo.splice(0).reverse()) {
    try {
      await step();
    } catch (error) {
      console.error(`normal-user cleanup: ${(error as Error).message}`);
    }
  }
}

async function setUp(): Promise<void> {
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  work = mkdtempSync('/tmp/bp-normal-user-');
  undo.push(() => rmSync(work, { recursive: true, force: true }));
  chmodSync(work, 0o755);
  await execa('groupadd', [group]);
  undo.push(() => execa('groupdel', [group], { reject: false }));
  await execa('useradd', ['--no-create-home', '--home-dir', '/nonexistent', '--user-group', '--groups', group, '--shell', '/bin/sh', user]);
  // userdel also removes the user's own group (--user-group).
  undo.push(() => execa('userdel', [user], { reject: false }));
  await execa('install', ['-d', '-m', '0700', '-o', user, '-g', user, join(work, 'config')]);
  // The lab's Docker socket, for the group, as a docker group would give it.
  undo.push(await shareDockerSocket(group));
}

/** The built CLI as the user, with a plain user's environment. */
function asUser(args: string[]) {
  const env = {
    PATH: '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin',
    HOME: '/nonexistent',
    DOCKER_HOST: process.env.DOCKER_HOST!,
    BRIDGEPORT_CONFIG_DIR: join(work, 'config'),
    BRIDGEPORT_RESOLV_CONF: process.env.BRIDGEPORT_RESOLV_CONF ?? '/etc/resolv.conf',
  };
  const argv = ['--reuid', user, '--regid', user, '--init-groups', '--', process.execPath, join(repoRoot, 'bin/bridgeport.js'), ...args];
  return execa('setpriv', argv, { env, extendEnv: false, reject: false, timeout: 60_000, input: '' });
}

async function userJson<T>(args: string[]): Promise<{ value: T; stderr: string }> {
  const result = await asUser([...args, '--json']);
  expect(result.exitCode, result.stderr).toBe(0);
  return { value: JSON.parse(result.stdout) as T, stderr: result.stderr };
}

beforeAll(async () => {
  labEnv();
  try {
    await setUp();
  } catch (error) {
    await cleanUp();
    throw error;
  }
}, 60_000);

afterAll(cleanUp);

describe('as a normal user in the docker group', () => {
  it('is really not root', async () => {
    const id = await execa('setpriv', ['--reuid', user, '--regid', user, '--init-groups', '--', 'id', '-u'], { reject: false });
    expect(Number(id.stdout.trim())).toBeGreaterThan(0);
  });

  it('snapshot: shows the containers, matches no veth by guess, and says what it could not see', async () => {
    const { value: s } = await userJson<Snapshot>(['snapshot']);
    expect(s.host.privileged).toBe(false);
    expect(s.docker.available).toBe(true);
    expect(s.containers.map((c) => c.name)).toEqual(expect.arrayContaining(['w1', 'w2', 'i1']));
    expect(s.containers.flatMap((c) => c.endpoints).every((e) => e.hostVeth === null)).toBe(true);
    expect(s.links.every((l) => l.peer === null || l.peer.containerId === null)).toBe(true);
    expect(s.limitations.join(' ')).toMatch(/not running as root.*not read.*veths are not matched/i);
  });

  it('path to a published port from the LAN: not "delivered to a process", but unknown and why', async () => {
    const { value: result } = await userJson<PathResult>(['path', `${HOST_ADDRESS}:8080`, '--from', 'lan']);
    expect(result.outcome.kind).toBe('unknown');
    expect(result.outcome.description).not.toMatch(/Delivered/);
    expect(result.outcome.description).toMatch(/firewall could not be read \(not root: run the CLI with sudo/);
    expect(result.steps).toEqual([]);
    expect(result.caveats.join(' ')).toMatch(/needs root/);
  });

  it("ports: Docker's ports are listed and no unnamed socket is blamed on \"a host process\"", async () => {
    const { value: ports } = await userJson<PublishedPort[]>(['ports']);
    const w1 = ports.find((p) => p.hostPort === 8080 && p.container.name === 'w1');
    expect(w1).toBeDefined();
    const hints = ports.filter((p) => p.source === 'docker').flatMap((p) => p.hints);
    expect(hints.join(' ')).not.toMatch(/host process|also taken/);
    expect(w1!.hints.join(' ')).toMatch(/NAT rules could not be read \(that needs root\)/);
  });

  it('nat: reads no rule and says it cannot, and why', async () => {
    const { value: report } = await userJson<NatReport>(['nat']);
    expect(report.rules).toEqual([]);
    expect(report.warnings.join(' ')).toMatch(/firewall could not be read \(not root: run the CLI with sudo.*reading iptables needs root\./);
  });

  it('dns: exits 0 with every container, and says the files were not read', async () => {
    const { value: list, stderr } = await userJson<Array<{ container: { name: string }; nameservers: string[] }>>(['dns']);
    expect(list.map((c) => c.container.name)).toEqual(expect.arrayContaining(['w1', 'i1']));
    expect(stderr).toMatch(/resolv\.conf and hosts files were not read: it needs root/);
    const text = await asUser(['dns']);
    expect(text.exitCode, text.stderr).toBe(0);
    expect(text.stdout).toMatch(/its resolv\.conf was not read: it needs root/);
  });

  it('flows: an empty list, and says conntrack was not read and why, instead of "no connections"', async () => {
    const { value: flows, stderr } = await userJson<unknown[]>(['flows']);
    expect(flows).toEqual([]);
    expect(stderr).toMatch(/conntrack was not read: .*needs root/);
  });
});

describe('the same commands as root', () => {
  it('path: delivered to w1 through its DNAT', async () => {
    const result = await bridgeport(['path', `${HOST_ADDRESS}:8080`, '--from', 'lan', '--json'], { DOCKER_HOST: process.env.DOCKER_HOST! });
    expect(result.exitCode, result.stderr).toBe(0);
    const path = JSON.parse(result.stdout) as PathResult;
    expect(path.outcome.kind).toBe('container');
    expect(path.steps.some((s) => s.verdict === 'dnat')).toBe(true);
  });

  it('nat and snapshot: the rules, and veths matched to containers', async () => {
    const nat = await bridgeport(['nat', '--json'], { DOCKER_HOST: process.env.DOCKER_HOST! });
    expect(nat.exitCode, nat.stderr).toBe(0);
    expect((JSON.parse(nat.stdout) as NatReport).rules.some((r) => r.target === 'DNAT')).toBe(true);
    const snap = await bridgeport(['snapshot', '--json'], { DOCKER_HOST: process.env.DOCKER_HOST! });
    const s = JSON.parse(snap.stdout) as Snapshot;
    expect(s.host.privileged).toBe(true);
    expect(s.containers.find((c) => c.name === 'w1')?.endpoints[0]?.hostVeth).toMatch(/^veth/);
  });
});

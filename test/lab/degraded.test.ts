// Without Docker, or without root, the host part still shows and the snapshot says what is missing.
import { chmod, chown, mkdtemp, rm } from 'node:fs/promises';
import { createServer, type Server } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { Snapshot } from '../../src/shared/model';
import { bridgeport, ipLinks, labEnv } from './support';

let dir = '';
let server: Server | null = null;

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'bp-degraded-'));
  await chmod(dir, 0o755);
});
afterAll(async () => {
  server?.close();
  await rm(dir, { recursive: true, force: true });
});

/** The CLI as a user without privileges: every capability dropped before exec (uid stays, caps go). */
async function snapshotWith(env: Record<string, string>, unprivileged = false): Promise<Snapshot> {
  const result = unprivileged
    ? await bridgeport(['snapshot', '--json'], env, ['setpriv', '--bounding-set=-all', '--inh-caps=-all', '--'])
    : await bridgeport(['snapshot', '--json'], env);
  expect(result.exitCode, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as Snapshot;
}

describe('without Docker', () => {
  it('daemon down: exit 0, host links shown, the reason and what to do', async () => {
    const s = await snapshotWith({ DOCKER_HOST: `unix://${dir}/absent.sock` });
    expect(s.docker).toMatchObject({ available: false, problem: 'daemon-down' });
    expect(s.docker.hint).toMatch(/start/);
    expect(s.links.map((l) => l.name).sort()).toEqual((await ipLinks()).map((l) => l.ifname).sort());
    expect(s.containers).toEqual([]);
  });

  it('permission denied on the socket: names the docker group', async () => {
    const socket = join(dir, 'root-only.sock');
    server = createServer(() => undefined);
    await new Promise<void>((resolve) => server!.listen(socket, resolve));
    // Owned by someone else and closed to others: without CAP_DAC_OVERRIDE the CLI gets EACCES.
    await chown(socket, 65534, 65534);
    await chmod(socket, 0o600);
    const s = await snapshotWith({ DOCKER_HOST: `unix://${socket}` }, true);
    expect(s.docker).toMatchObject({ available: false, problem: 'permission-denied' });
    expect(s.docker.hint).toMatch(/docker group/);
    expect(s.links.length).toBeGreaterThan(1);
  });
});

describe('without root', () => {
  it('shows what it can read, never guesses veth pairs, and says what it cannot see', async () => {
    const { dockerHost } = labEnv();
    {
      const s = await snapshotWith({ DOCKER_HOST: dockerHost }, true);
      expect(s.host.privileged).toBe(false);
      expect(s.docker.available).toBe(true);
      expect(s.containers.length).toBeGreaterThan(0);
      expect(s.containers.flatMap((c) => c.endpoints).every((e) => e.hostVeth === null)).toBe(true);
      expect(s.links.every((l) => l.peer === null || l.peer.containerId === null)).toBe(true);
      expect(s.limitations.join(' ')).toMatch(/not running as root/i);
      expect(s.namespaces.filter((n) => !n.current).every((n) => n.error !== null)).toBe(true);
    }
  });
});

// The engine follows the system by events: containers, networks and bridges appear and go
// without anyone asking for a new snapshot. Latencies are printed, not asserted.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/main/engine/engine';
import { rootExecutor } from '../../src/main/privileged/root-executor';
import type { Snapshot } from '../../src/shared/model';
import { labEnv, run, waitFor } from './support';

let engine: Engine;
let latest: Snapshot | null = null;

beforeAll(async () => {
  engine = new Engine({ executor: rootExecutor });
  engine.subscribe('snapshot', (s) => (latest = s));
  engine.startWatching();
  await waitFor(() => latest ?? undefined, 10_000, 'the first pushed snapshot');
});

afterAll(() => engine.stop());

/** Waits for a pushed snapshot (never a fetched one) in which `holds` is true; prints how long it took. */
async function pushedUntil(what: string, holds: (s: Snapshot) => boolean): Promise<Snapshot> {
  const started = Date.now();
  const snapshot = await waitFor(() => (latest && holds(latest) ? latest : undefined), 10_000, what);
  console.log(`[live] ${what}: pushed ${Date.now() - started} ms after the command returned`);
  expect(holds(snapshot)).toBe(true);
  return snapshot;
}

describe('live updates from events', () => {
  it('a container started, stopped and removed shows without asking', async () => {
    const { image } = labEnv();
    await run('docker', ['run', '-d', '--name', 'live1', image, 'sleep', '1d']);
    await pushedUntil('container started', (s) => s.containers.some((c) => c.name === 'live1' && c.state === 'running' && c.endpoints[0]?.hostVeth));
    await run('docker', ['stop', '-t', '0', 'live1']);
    await pushedUntil('container stopped', (s) => s.containers.some((c) => c.name === 'live1' && c.state === 'exited'));
    await run('docker', ['rm', 'live1']);
    await pushedUntil('container removed', (s) => !s.containers.some((c) => c.name === 'live1'));
  });

  it('a change inside a running container (an address added in its namespace) shows without asking', async () => {
    const { image } = labEnv();
    await run('docker', ['run', '-d', '--name', 'live2', image, 'sleep', '1d']);
    try {
      const s = await pushedUntil('container started', (x) => x.containers.some((c) => c.name === 'live2' && c.links?.some((l) => l.name === 'eth0')));
      const pid = s.containers.find((c) => c.name === 'live2')!.pid!;
      await run('nsenter', [`--net=/proc/${pid}/ns/net`, 'ip', 'addr', 'add', '10.77.0.1/32', 'dev', 'lo']);
      await pushedUntil('address inside the container', (x) =>
        x.containers.some((c) => c.name === 'live2' && c.links?.some((l) => l.addresses.includes('10.77.0.1/32'))),
      );
      await run('nsenter', [`--net=/proc/${pid}/ns/net`, 'ip', 'link', 'set', 'eth0', 'mtu', '1400']);
      await pushedUntil('MTU inside the container', (x) =>
        x.containers.some((c) => c.name === 'live2' && c.links?.some((l) => l.name === 'eth0' && l.mtu === 1400)),
      );
    } finally {
      await run('docker', ['rm', '-f', 'live2']);
    }
  });

  it('a network created and removed shows without asking', async () => {
    await run('docker', ['network', 'create', '--subnet', '172.29.0.0/16', 'livenet']);
    await pushedUntil('network created', (s) => s.networks.some((n) => n.name === 'livenet'));
    await run('docker', ['network', 'rm', 'livenet']);
    await pushedUntil('network removed', (s) => !s.networks.some((n) => n.name === 'livenet'));
  });

  it('a bridge made with ip link shows and goes, from netlink', async () => {
    await run('ip', ['link', 'add', 'bplive0', 'type', 'bridge']);
    await pushedUntil('bridge created', (s) => s.links.some((l) => l.name === 'bplive0' && l.kind === 'bridge'));
    await run('ip', ['link', 'del', 'bplive0']);
    await pushedUntil('bridge removed', (s) => !s.links.some((l) => l.name === 'bplive0'));
  });

  it('an `ip netns` namespace added and deleted shows without asking', async () => {
    const name = `${labEnv().lab}-live`;
    await run('ip', ['netns', 'add', name]);
    try {
      await pushedUntil('namespace added', (s) => s.namespaces.some((n) => n.name === name));
    } finally {
      await run('ip', ['netns', 'del', name]);
    }
    await pushedUntil('namespace deleted', (s) => !s.namespaces.some((n) => n.name === name));
  });
});

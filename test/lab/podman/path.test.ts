// Issue 15: the packet path on a real rootful Podman 5 host (BP_LAB_ENGINE=podman5), whose only
// firewall is netavark's native `table inet netavark`. The evaluator's answer is checked against
// what the kernel does with real packets. Runs only in Podman labs (vitest.config.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { PathResult } from '../../../src/shared/path-model';
import { bridgeport, labEnv, run } from '../support';
import { LAN_IP, reaches } from '../publish-support';

const PORT = 9393;
const NOTHING = 9394;

async function path(args: string[]): Promise<PathResult> {
  const result = await bridgeport(['path', ...args, '--json']);
  expect(result.exitCode, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as PathResult;
}

describe('bridgeport path on Podman 5 (netavark nftables)', () => {
  let id: string;

  beforeAll(async () => {
    const { image } = labEnv();
    id = (await run('docker', ['run', '-d', '--name', 'pathp1', '-p', `${PORT}:80`, image, 'httpd', '-f', '-p', '80', '-h', '/www'])).trim();
  });

  afterAll(async () => {
    await run('docker', ['rm', '-f', 'pathp1']).catch(() => undefined);
  });

  it(`host:${PORT} from the LAN ends at the container through netavark's DNAT, and the LAN really gets its page`, async () => {
    const result = await path([`${LAN_IP}:${PORT}`, '--from', 'lan']);
    expect(result.outcome).toMatchObject({ kind: 'container', containerId: id, interface: 'eth0' });
    expect(result.steps.find((s) => s.verdict === 'dnat')?.stage).toMatch(/^inet netavark nv_[0-9a-f]+_10_88_0_0_nm16_dnat$/);
    expect(result.steps.find((s) => s.stage === 'routing')?.nodeIds).toEqual(['link:podman0']);
    expect(result.caveats.join(' ')).not.toContain('not evaluated');
    expect(await reaches({ lan: true }, LAN_IP, PORT)).toBe(true);
  });

  it(`host:${NOTHING} (published by nobody) is refused, on paper and for real`, async () => {
    const result = await path([`${LAN_IP}:${NOTHING}`, '--from', 'lan']);
    expect(result.outcome.kind).toBe('no-listener');
    expect(await reaches({ lan: true }, LAN_IP, NOTHING)).toBe(false);
  });

  it(`127.0.0.1:${PORT} from the host is marked, DNATed in the output hook and masqueraded, and really answers`, async () => {
    const result = await path([`127.0.0.1:${PORT}`, '--from', 'host']);
    expect(result.outcome).toMatchObject({ kind: 'container', containerId: id });
    expect(result.steps.find((s) => s.verdict === 'masquerade')?.stage).toBe('inet netavark POSTROUTING');
    expect(result.packet.source).toBe('10.88.0.1');
    expect(await reaches({ host: true }, '127.0.0.1', PORT)).toBe(true);
  });
});

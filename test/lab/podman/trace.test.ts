// Issue 17: real traces on a rootful Podman 5 host (BP_LAB_ENGINE=podman5), whose only firewall is
// netavark's native `table inet netavark`: the kernel's steps name netavark's own rules (by the ids
// the NAT view gives them) and agree with the computed path, for the host's probe and for a probe
// from a neighbour container that hairpins through the published port. Nothing is left behind.
// Runs only in Podman labs (vitest.config.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { KernelTraceResult } from '../../../src/shared/trace-model';
import { bridgeport, labEnv, run } from '../support';
import { LAN_IP } from '../publish-support';

const PORT = 9395;

async function trace(args: string[]): Promise<KernelTraceResult> {
  const result = await bridgeport(['trace', ...args, '--json']);
  expect(result.exitCode, result.stderr).toBe(0);
  return JSON.parse(result.stdout) as KernelTraceResult;
}

const ruleset = async () => (await run('nft', ['list', 'ruleset'])).replace(/counter packets \d+ bytes \d+/g, 'counter');

describe('bridgeport trace on Podman 5 (netavark nftables)', () => {
  beforeAll(async () => {
    const { image } = labEnv();
    await run('docker', ['run', '-d', '--name', 'tracep1', '-p', `${PORT}:80`, image, 'httpd', '-f', '-p', '80', '-h', '/www']);
    await run('docker', ['run', '-d', '--name', 'tracep2', image, 'sleep', '3600']);
  });

  afterAll(async () => {
    await run('docker', ['rm', '-f', 'tracep1', 'tracep2']).catch(() => undefined);
  });

  it(`--from host: netavark's DNAT as the kernel met it, the same rule the computed path names`, async () => {
    const before = await ruleset();
    const result = await trace([`${LAN_IP}:${PORT}`, '--from', 'host']);
    expect(result.probe?.outcome).toBe('connected');
    const dnat = result.steps.find((s) => s.kind === 'rule' && s.nftRule?.includes('dnat ip to'));
    expect(dnat).toMatchObject({ family: 'inet', table: 'inet netavark', verdict: 'accept' });
    expect(dnat!.chain).toMatch(/^nv_[0-9a-f]+_10_88_0_0_nm16_dnat$/);
    expect(result.computed.steps.map((s) => s.ruleId)).toContain(dnat!.ruleId);
    expect(result.differences).toEqual([]);
    expect(await ruleset()).toBe(before);
  });

  it('--from a neighbour container: the hairpin through the published port, marked and masqueraded', async () => {
    const result = await trace([`${LAN_IP}:${PORT}`, '--from', 'tracep2']);
    expect(result.packet).toMatchObject({ in: 'podman0', destination: LAN_IP, destinationPort: PORT });
    const verdicts = result.steps.filter((s) => s.kind === 'rule').map((s) => s.nftRule ?? '');
    expect(verdicts.some((r) => r.includes('masquerade'))).toBe(true);
    expect(result.kernelOutcome).toBe('passed');
    expect(result.differences).toEqual([]);
    expect((await run('nft', ['list', 'tables'])).includes('bridgeport_trace_')).toBe(false);
  });
});

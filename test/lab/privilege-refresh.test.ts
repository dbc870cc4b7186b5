// Rights that arrive while the engine runs (the app's prompt answered after its first reads): the
// engine pushes the new privilege state and reads its views again at once, so veth cables and NAT
// rules appear without waiting for an event. The access is the face's stand-in for the helper (its
// "prompt" says yes); what it hands over is root's real in-process executor, and the engine, Docker
// and the kernel are real.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Engine } from '../../src/main/engine/engine';
import type { PrivilegedAccess } from '../../src/main/privileged/contract/operations';
import { rootExecutor } from '../../src/main/privileged/root-executor';
import type { NatReport } from '../../src/shared/firewall-model';
import type { Snapshot } from '../../src/shared/model';
import type { PrivilegeState } from '../../src/shared/privilege-model';
import { labEnv, run, waitFor } from './support';

const configDir = mkdtempSync(join(tmpdir(), 'bp-privilege-refresh-'));
let elevated = false;
let prompts = 0;
const access: PrivilegedAccess = {
  executor: async () => {
    if (!elevated) prompts++;
    elevated = true;
    return rootExecutor();
  },
  ready: () => elevated,
  state: () => (elevated ? { state: 'elevated', reason: null } : { state: 'not-elevated', reason: null }),
};

let engine: Engine;
let snapshot: Snapshot | null = null;
let nat: NatReport | null = null;
const privilege: PrivilegeState[] = [];

beforeAll(async () => {
  await run('docker', ['run', '-d', '--name', 'priv1', '-p', '18091:80', labEnv().image, 'sleep', '1d']);
  engine = new Engine({ executor: access, configDir });
  engine.subscribe('snapshot', (s) => (snapshot = s));
  engine.subscribe('nat', (n) => (nat = n));
  engine.subscribe('privilege', (p) => privilege.push(p));
  engine.startWatching();
  await engine.refreshNow();
});

afterAll(async () => {
  engine?.stop();
  await run('docker', ['rm', '-f', 'priv1']).catch(() => undefined);
  rmSync(configDir, { recursive: true, force: true });
});

describe('privilege.elevate while the engine runs', () => {
  it('reads without rights first, then pushes the state and fresh views as soon as they arrive', async () => {
    expect(await engine.call('privilege.get', {})).toEqual({ state: 'not-elevated', reason: null });
    const before = await waitFor(() => snapshot ?? undefined, 10_000, 'the first snapshot');
    expect(before.limitations.length).toBeGreaterThan(0);
    expect(before.containers.find((c) => c.name === 'priv1')?.endpoints[0]?.hostVeth ?? null).toBeNull();
    const natBefore = await waitFor(() => nat ?? undefined, 10_000, 'the first NAT sample');
    expect(natBefore.warnings.join(' ')).toMatch(/root/);

    const answer = await engine.call('privilege.elevate', {});
    expect(answer).toEqual({ state: 'elevated', reason: null });
    expect(prompts).toBe(1);
    expect(privilege).toEqual([{ state: 'elevated', reason: null }]);
    // Already pushed when elevate answered: no event, no tick was waited for.
    expect(snapshot!.limitations).toEqual([]);
    expect(snapshot!.containers.find((c) => c.name === 'priv1')?.endpoints[0]?.hostVeth).toMatch(/^veth/);
    expect(nat!.warnings.join(' ')).not.toMatch(/needs root/);
    expect(nat!.rules.some((r) => r.spec.includes('18091'))).toBe(true);
  });
});

// The engine's privilege state: what privilege.get / privilege.elevate answer and what the
// `privilege` topic pushes, over a stand-in access (the face's injected dependency; the launcher
// behind the real one is tested in test/unit/privileged/elevated-helper.test.ts).
import { describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { NO_ELEVATION, NO_ELEVATION_MESSAGE, PrivilegeStatus, privilegeStateOf } from '../../../src/main/engine/access/privilege-status';
import { Engine } from '../../../src/main/engine/engine';
import type { PrivilegedAccess, PrivilegedExecutor } from '../../../src/main/privileged/contract/operations';
import type { PrivilegeState } from '../../../src/shared/privilege-model';

const executor = { run: () => Promise.reject(new Error('not here')), close: () => undefined } as unknown as PrivilegedExecutor;

/** An access whose prompt answers as told; counts the prompts. */
function fakeAccess(answer: 'yes' | 'no' | 'cannot') {
  const access = {
    answer,
    prompts: 0,
    current: { state: 'not-elevated', reason: null } as PrivilegeState,
    executor: async () => {
      if (access.current.state === 'elevated') return executor;
      access.prompts++;
      await new Promise((r) => setTimeout(r, 5));
      if (access.answer === 'yes') {
        access.current = { state: 'elevated', reason: null };
        return executor;
      }
      access.current = access.answer === 'no' ? { state: 'declined', reason: 'the prompt was cancelled' } : { state: 'unavailable', reason: 'pkexec is not installed' };
      throw Object.assign(new Error(access.current.reason!), { kind: 'needs-privilege' });
    },
    ready: () => access.current.state === 'elevated',
    state: () => access.current,
  };
  return access;
}

function status(access: PrivilegedAccess) {
  const pushed: PrivilegeState[] = [];
  let refreshes = 0;
  const s = new PrivilegeStatus({
    access,
    publish: (state) => pushed.push(state),
    refresh: async () => {
      refreshes++;
    },
  });
  return { s, pushed, refreshes: () => refreshes };
}

describe('PrivilegeStatus', () => {
  it('elevates with one prompt, pushes the change once and reads the views again before answering', async () => {
    const access = fakeAccess('yes');
    const { s, pushed, refreshes } = status(access);
    expect(s.get()).toEqual({ state: 'not-elevated', reason: null });
    expect(pushed).toEqual([]);
    const [a, b] = await Promise.all([s.elevate(), s.elevate()]);
    expect(a).toEqual({ state: 'elevated', reason: null });
    expect(b).toEqual(a);
    expect(access.prompts).toBe(1);
    expect(pushed).toEqual([{ state: 'elevated', reason: null }]);
    expect(refreshes()).toBe(1);
    // Already elevated: no prompt, no push, no re-read.
    expect(await s.elevate()).toEqual({ state: 'elevated', reason: null });
    expect(access.prompts).toBe(1);
    expect(pushed).toHaveLength(1);
    expect(refreshes()).toBe(1);
  });

  it('answers a dismissed prompt with state declined and its reason, never an error, and may ask again', async () => {
    const access = fakeAccess('no');
    const { s, pushed, refreshes } = status(access);
    await expect(s.elevate()).resolves.toEqual({ state: 'declined', reason: 'the prompt was cancelled' });
    expect(pushed).toEqual([{ state: 'declined', reason: 'the prompt was cancelled' }]);
    expect(refreshes()).toBe(0);
    access.answer = 'yes';
    await expect(s.elevate()).resolves.toEqual({ state: 'elevated', reason: null });
    expect(access.prompts).toBe(2);
    expect(pushed.map((p) => p.state)).toEqual(['declined', 'elevated']);
    expect(refreshes()).toBe(1);
  });

  it('answers an impossible prompt with state unavailable', async () => {
    const { s } = status(fakeAccess('cannot'));
    await expect(s.elevate()).resolves.toEqual({ state: 'unavailable', reason: 'pkexec is not installed' });
  });

  it('notices rights that came by another way (a write that prompted) or went (the helper exited) when looked at', () => {
    const access = fakeAccess('yes');
    const { s, pushed, refreshes } = status(access);
    access.current = { state: 'elevated', reason: null };
    expect(s.get().state).toBe('elevated');
    expect(refreshes()).toBe(1);
    access.current = { state: 'not-elevated', reason: null };
    expect(s.get().state).toBe('not-elevated');
    expect(s.get().state).toBe('not-elevated');
    expect(pushed.map((p) => p.state)).toEqual(['elevated', 'not-elevated']);
    expect(refreshes()).toBe(1);
  });

  it('takes an access without state() as root when ready, else as unable to ask (with the failure as reason)', async () => {
    expect(privilegeStateOf({ executor: async () => executor, ready: () => true })).toEqual({ state: 'root', reason: null });
    const user = { executor: () => Promise.reject(new Error('changing firewall rules needs root')), ready: () => false };
    // The reason in English, and as a message for the window's language.
    expect(privilegeStateOf(user)).toEqual({ state: 'unavailable', reason: NO_ELEVATION, reasonMessage: NO_ELEVATION_MESSAGE });
    const { s } = status(user);
    await expect(s.elevate()).resolves.toEqual({ state: 'unavailable', reason: NO_ELEVATION, reasonMessage: NO_ELEVATION_MESSAGE });
  });
});

describe('the engine’s privilege methods and topic', () => {
  it('answers privilege.get and privilege.elevate through the access it was given and pushes the change', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'bp-privilege-'));
    try {
      const access = fakeAccess('no');
      const engine = new Engine({ executor: access, configDir: dir });
      const pushed: PrivilegeState[] = [];
      engine.subscribe('privilege', (state) => pushed.push(state));
      expect(await engine.call('privilege.get', {})).toEqual({ state: 'not-elevated', reason: null });
      expect(await engine.call('privilege.elevate', {})).toEqual({ state: 'declined', reason: 'the prompt was cancelled' });
      expect(pushed).toEqual([{ state: 'declined', reason: 'the prompt was cancelled' }]);
      await expect(engine.call('privilege.get', { extra: 1 })).rejects.toMatchObject({ kind: 'refused' });
      engine.stop();
    } finally {
      rmSync(dir, { recursive: true, force: true });
    }
  });
});

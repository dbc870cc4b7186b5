import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Engine } from '../../../src/main/engine/engine';
import { isTrustedSender, registerIpc } from '../../../src/main/transport/ipc';
import { OperationError } from '../../../src/main/privileged/contract/operations';
import { PublishRefused } from '../../../src/main/engine/publish/check-publish';
import { ContractError } from '../../../src/shared/contract';
import { BridgeportError, type CallResult } from '../../../src/shared/errors';
import type { PreloadApi } from '../../../src/shared/ipc-channels';
import { createIpcApi } from '../../../src/renderer/src/api/ipc-client';

const rendererUrl = 'file:///opt/bridgeport/out/renderer/index.html';

function fakeContents(): WebContents {
  return { send: vi.fn(), isDestroyed: () => false } as unknown as WebContents;
}

function event(sender: WebContents, url: string, parent: unknown = null): IpcMainInvokeEvent {
  return { sender, senderFrame: { url, parent } } as unknown as IpcMainInvokeEvent;
}

function fakeEngine() {
  const listeners: Array<(p: unknown) => void> = [];
  return {
    invoke: vi.fn(async () => ({ ok: 1 })),
    subscribe: vi.fn((_topic: string, l: (p: unknown) => void) => {
      listeners.push(l);
      return () => undefined;
    }),
    push: (p: unknown) => listeners.forEach((l) => l(p)),
  };
}

function fakeIpcMain() {
  const handlers = new Map<string, (...args: unknown[]) => unknown>();
  const listeners = new Map<string, (...args: unknown[]) => unknown>();
  const ipcMain = {
    handle: vi.fn((channel: string, h: (...args: unknown[]) => unknown) => handlers.set(channel, h)),
    removeHandler: vi.fn((channel: string) => handlers.delete(channel)),
    on: vi.fn((channel: string, h: (...args: unknown[]) => unknown) => {
      listeners.set(channel, h);
      return ipcMain;
    }),
    removeAllListeners: vi.fn((channel: string) => {
      listeners.delete(channel);
      return ipcMain;
    }),
    handlers,
    listeners,
  };
  return ipcMain;
}

describe('isTrustedSender', () => {
  const ours = fakeContents();
  const deps = { rendererUrl, trusted: () => ours };

  it('accepts our window top frame on our renderer URL', () => {
    expect(isTrustedSender(event(ours, rendererUrl), deps)).toBe(true);
  });
  it('refuses another web contents', () => {
    expect(isTrustedSender(event(fakeContents(), rendererUrl), deps)).toBe(false);
  });
  it('refuses a frame navigated elsewhere', () => {
    expect(isTrustedSender(event(ours, 'https://evil.example/'), deps)).toBe(false);
  });
  it('refuses a URL that only starts like ours (compared exactly, never by prefix)', () => {
    expect(isTrustedSender(event(ours, `${rendererUrl}.evil.html`), deps)).toBe(false);
    expect(isTrustedSender(event(ours, 'file:///opt/bridgeport/out/renderer/index.html/../../evil.html'), deps)).toBe(false);
    expect(isTrustedSender(event(ours, `${rendererUrl}#ports`), deps)).toBe(true);
    const dev = { rendererUrl: 'http://localhost:5173', trusted: () => ours };
    expect(isTrustedSender(event(ours, 'http://localhost:5173/#path'), dev)).toBe(true);
    expect(isTrustedSender(event(ours, 'http://localhost:51730/'), dev)).toBe(false);
    expect(isTrustedSender(event(ours, 'http://localhost:5173.evil.example/'), dev)).toBe(false);
  });
  it('refuses a subframe', () => {
    expect(isTrustedSender(event(ours, rendererUrl, {}), deps)).toBe(false);
  });
  it('refuses everything when there is no window', () => {
    expect(isTrustedSender(event(ours, rendererUrl), { rendererUrl, trusted: () => null })).toBe(false);
  });
});

describe('registerIpc', () => {
  it('passes trusted calls to the engine and refuses untrusted ones before the engine sees them', async () => {
    const ours = fakeContents();
    const engine = fakeEngine();
    const ipcMain = fakeIpcMain();
    registerIpc({ ipcMain: ipcMain as unknown as IpcMain, engine: engine as unknown as Engine, rendererUrl, trusted: () => ours });
    const handler = ipcMain.handlers.get('bridgeport:invoke');
    expect(handler).toBeDefined();
    await expect(handler?.(event(ours, rendererUrl), 'snapshot.get', {})).resolves.toEqual({ ok: true, value: { ok: 1 } });
    expect(engine.invoke).toHaveBeenCalledWith('snapshot.get', {});
    await expect(handler?.(event(fakeContents(), rendererUrl), 'snapshot.get', {})).resolves.toEqual({
      ok: false,
      error: { kind: 'refused', message: expect.stringMatching(/untrusted sender/) },
    });
    expect(engine.invoke).toHaveBeenCalledTimes(1);
  });

  it('answers a failed call with its kind and message, never by throwing (Electron would flatten it)', async () => {
    const ours = fakeContents();
    const engine = fakeEngine();
    const ipcMain = fakeIpcMain();
    registerIpc({ ipcMain: ipcMain as unknown as IpcMain, engine: engine as unknown as Engine, rendererUrl, trusted: () => ours });
    const handler = ipcMain.handlers.get('bridgeport:invoke')!;
    const answers: Array<[unknown, CallResult]> = [
      [new ContractError('unknown method "rm"'), { ok: false, error: { kind: 'refused', message: 'unknown method "rm"' } }],
      [new PublishRefused('host port 8080/tcp is already published by Docker for container w1'), { ok: false, error: { kind: 'refused', message: 'host port 8080/tcp is already published by Docker for container w1' } }],
      [new OperationError('changing firewall rules needs root', 'needs-privilege'), { ok: false, error: { kind: 'needs-privilege', message: 'changing firewall rules needs root' } }],
      [new OperationError('the rules did not take effect'), { ok: false, error: { kind: 'failed', message: 'the rules did not take effect' } }],
      [new Error('Docker is not reachable'), { ok: false, error: { kind: 'failed', message: 'Docker is not reachable' } }],
      ['a string', { ok: false, error: { kind: 'failed', message: 'a string' } }],
    ];
    for (const [thrown, answer] of answers) {
      engine.invoke.mockRejectedValueOnce(thrown);
      await expect(handler(event(ours, rendererUrl), 'ports.publish', {})).resolves.toEqual(answer);
    }
  });

  it('the renderer side unwraps the envelope into a BridgeportError with the kind', async () => {
    const ours = fakeContents();
    const engine = fakeEngine();
    const ipcMain = fakeIpcMain();
    registerIpc({ ipcMain: ipcMain as unknown as IpcMain, engine: engine as unknown as Engine, rendererUrl, trusted: () => ours });
    const handler = ipcMain.handlers.get('bridgeport:invoke')!;
    // What the preload does: pass the handler's answer on as is (an Error would lose its kind on contextBridge).
    const preload: PreloadApi = {
      invoke: (method, input) => handler(event(ours, rendererUrl), method, input) as Promise<CallResult>,
      subscribe: () => () => undefined,
    };
    const api = createIpcApi(preload);
    await expect(api.invoke('snapshot.get', {})).resolves.toEqual({ ok: 1 });
    engine.invoke.mockRejectedValueOnce(new PublishRefused('container x is exited'));
    const refused = await api.invoke('ports.publish', {} as never).catch((e: unknown) => e);
    expect(refused).toBeInstanceOf(BridgeportError);
    expect(refused).toMatchObject({ kind: 'refused', message: 'container x is exited' });
    engine.invoke.mockRejectedValueOnce(new OperationError('needs root', 'needs-privilege'));
    await expect(api.invoke('ports.publish', {} as never)).rejects.toMatchObject({ kind: 'needs-privilege', message: 'needs root' });
    // IPC itself failing is a failure, still a BridgeportError.
    const broken = createIpcApi({ invoke: () => Promise.reject(new Error("Error invoking remote method 'bridgeport:invoke': gone")), subscribe: () => () => undefined });
    await expect(broken.invoke('snapshot.get', {})).rejects.toMatchObject({ name: 'BridgeportError', kind: 'failed' });
  });

  it('subscribes a topic only when the window asks, forwards it, and unregisters cleanly', () => {
    const ours = fakeContents();
    const engine = fakeEngine();
    const ipcMain = fakeIpcMain();
    const dispose = registerIpc({ ipcMain: ipcMain as unknown as IpcMain, engine: engine as unknown as Engine, rendererUrl, trusted: () => ours });
    expect(engine.subscribe).not.toHaveBeenCalled();
    const subscribe = ipcMain.listeners.get('bridgeport:subscribe');
    subscribe?.(event(fakeContents(), rendererUrl), 'snapshot');
    subscribe?.(event(ours, rendererUrl), 'no-such-topic');
    expect(engine.subscribe).not.toHaveBeenCalled();
    subscribe?.(event(ours, rendererUrl), 'snapshot');
    subscribe?.(event(ours, rendererUrl), 'snapshot');
    expect(engine.subscribe).toHaveBeenCalledTimes(1);
    engine.push({ a: 1 });
    expect(ours.send).toHaveBeenCalledWith('bridgeport:topic', 'snapshot', { a: 1 });
    dispose();
    expect(ipcMain.handlers.size).toBe(0);
    expect(ipcMain.listeners.size).toBe(0);
  });
});

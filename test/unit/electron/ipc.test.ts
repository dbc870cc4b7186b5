import { describe, expect, it, vi } from 'vitest';
import type { IpcMain, IpcMainInvokeEvent, WebContents } from 'electron';
import type { Engine } from '../../../src/main/engine/engine';
import { isTrustedSender, registerIpc } from '../../../src/main/transport/ipc';

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
    call: vi.fn(async () => ({ ok: 1 })),
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
    await expect(handler?.(event(ours, rendererUrl), 'snapshot.get', {})).resolves.toEqual({ ok: 1 });
    expect(engine.call).toHaveBeenCalledWith('snapshot.get', {});
    await expect(handler?.(event(fakeContents(), rendererUrl), 'snapshot.get', {})).rejects.toThrow(/untrusted sender/);
    expect(engine.call).toHaveBeenCalledTimes(1);
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

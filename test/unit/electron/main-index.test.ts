// The Electron entry with electron itself mocked: it must build a secure window, register IPC and
// start watching — the Electron binary cannot run on every machine that runs the tests.
import { beforeEach, describe, expect, it, vi } from 'vitest';

const state = vi.hoisted(() => ({
  windows: [] as Array<{ options: unknown; loaded: string }>,
  handles: [] as string[],
  ons: [] as string[],
  appHandlers: new Map<string, (...args: unknown[]) => void>(),
  csp: null as null | ((details: unknown, cb: (r: unknown) => void) => void),
  permission: null as null | ((c: unknown, p: string, cb: (ok: boolean) => void) => void),
  watching: 0,
  keeping: 0,
  dnsSyncing: 0,
  trafficSampling: 0,
  dnsListeners: [] as Array<(events: unknown[]) => void>,
  notifications: [] as Array<{ title: string; body: string }>,
  engineOptions: [] as Array<{ executor?: unknown }>,
  helpers: [] as Array<{ options: { cliScript: string }; executor: () => Promise<unknown> }>,
  elevations: 0,
  /** The contract methods the entry called on the engine, in order. */
  calls: [] as string[],
  helperClosed: 0,
  packaged: false,
  // Tests run as root here; the desktop app runs as a normal user.
  uid: vi.spyOn(process, 'getuid').mockReturnValue(1000),
}));

vi.mock('electron', () => {
  class BrowserWindow {
    webContents = { send: vi.fn(), isDestroyed: () => false };
    constructor(options: unknown) {
      state.windows.push({ options, loaded: '' });
    }
    static getAllWindows() {
      return state.windows;
    }
    once() {}
    on() {}
    loadFile(file: string) {
      state.windows.at(-1)!.loaded = file;
      return Promise.resolve();
    }
    loadURL(url: string) {
      state.windows.at(-1)!.loaded = url;
      return Promise.resolve();
    }
  }
  return {
    app: {
      get isPackaged() {
        return state.packaged;
      },
      whenReady: () => Promise.resolve(),
      on: (name: string, h: (...args: unknown[]) => void) => state.appHandlers.set(name, h),
      quit: vi.fn(),
    },
    BrowserWindow,
    Notification: class {
      static isSupported() {
        return true;
      }
      constructor(readonly options: { title: string; body: string }) {}
      show() {
        state.notifications.push(this.options);
      }
    },
    ipcMain: {
      handle: (channel: string) => state.handles.push(channel),
      on: (channel: string) => state.ons.push(channel),
      removeHandler: vi.fn(),
      removeAllListeners: vi.fn(),
    },
    session: {
      defaultSession: {
        webRequest: { onHeadersReceived: (h: typeof state.csp) => (state.csp = h) },
        setPermissionRequestHandler: (h: typeof state.permission) => (state.permission = h),
      },
    },
  };
});

vi.mock('../../../src/main/privileged/helper/helper-launcher', () => ({
  DEV_ELEVATE_ENV: 'BRIDGEPORT_DEV_ELEVATE',
  ElevatedHelper: class {
    constructor(readonly options: { cliScript: string }) {
      state.helpers.push(this);
    }
    executor = () => {
      state.elevations++;
      return Promise.resolve({ run: vi.fn(), close: vi.fn() });
    };
    access(readsMayPrompt: boolean) {
      return { executor: this.executor, ready: () => readsMayPrompt };
    }
    close() {
      state.helperClosed++;
    }
  },
}));

vi.mock('../../../src/main/engine/engine', () => ({
  Engine: class {
    constructor(options: { executor?: unknown }) {
      state.engineOptions.push(options);
    }
    startWatching() {
      state.watching++;
    }
    startKeepingPorts() {
      state.keeping++;
    }
    startSyncingDns() {
      state.dnsSyncing++;
    }
    startSamplingTraffic() {
      state.trafficSampling++;
    }
    stop() {}
    // The face hears of new DNS timeline entries through the contract's dnsNews topic.
    subscribe(topic: string, listener: (events: unknown[]) => void) {
      if (topic === 'dnsNews') state.dnsListeners.push(listener);
      return () => undefined;
    }
    // Not yet asked: the entry asks once (privilege.elevate), and the prompt is answered.
    call(method: string) {
      state.calls.push(method);
      return Promise.resolve({ state: method === 'privilege.get' ? 'not-elevated' : 'elevated', reason: null });
    }
  },
}));

describe('Electron main entry', () => {
  beforeEach(async () => {
    await import('../../../src/main/index');
    await new Promise((r) => setTimeout(r, 0));
  });

  it('opens one sandboxed, context-isolated window on the built renderer', () => {
    expect(state.windows).toHaveLength(1);
    const options = state.windows[0]!.options as { webPreferences: Record<string, unknown> };
    expect(options.webPreferences).toMatchObject({ contextIsolation: true, sandbox: true, nodeIntegration: false });
    expect(String(options.webPreferences.preload)).toMatch(/preload[/\\]index\.cjs$/);
    expect(state.windows[0]!.loaded).toMatch(/renderer[/\\]index\.html$/);
  });

  it('registers the IPC face and starts following the system', () => {
    expect(state.handles).toEqual(['bridgeport:invoke']);
    expect(state.ons).toEqual(['bridgeport:subscribe', 'bridgeport:unsubscribe']);
    expect(state.watching).toBe(1);
    // The app keeps published ports in force while open, and containers' DNS in step with the host's.
    expect(state.keeping).toBe(1);
    expect(state.dnsSyncing).toBe(1);
    expect(state.trafficSampling).toBe(1);
  });

  it('raises a desktop notification saying what a DNS sync changed', () => {
    const at = '2026-11-22T10:00:00.000Z';
    const after = { nameservers: ['198.51.100.54'], search: [], options: [] };
    state.dnsListeners.at(-1)!([
      { at, kind: 'host-changed', container: null, before: { nameservers: ['198.51.100.53'], search: [], options: [] }, after, message: 'changed' },
      { at, kind: 'synced', container: { id: 'a', name: 'w1' }, before: null, after, message: 'w1 updated' },
    ]);
    expect(state.notifications.at(-1)).toEqual({ title: 'DNS is now 198.51.100.54', body: 'Updated w1.', silent: true });
    const before = state.notifications.length;
    state.dnsListeners.at(-1)!([{ at, kind: 'settings', container: null, before: null, after: null, message: 'DNS sync switched off' }]);
    expect(state.notifications).toHaveLength(before);
  });

  it('sends a restrictive CSP with every response and denies permission requests', () => {
    let headers: Record<string, string[]> = {};
    state.csp?.({ responseHeaders: {} }, (r) => (headers = (r as { responseHeaders: Record<string, string[]> }).responseHeaders));
    expect(headers['Content-Security-Policy']?.[0]).toMatch(/script-src 'self'/);
    expect(headers['Content-Security-Policy']?.[0]).not.toMatch(/unsafe-eval/);
    let granted: boolean | null = null;
    state.permission?.({}, 'media', (ok) => (granted = ok));
    expect(granted).toBe(false);
  });

  it('hardens every web contents and quits when the window closes', () => {
    expect(state.appHandlers.has('web-contents-created')).toBe(true);
    expect(state.appHandlers.has('window-all-closed')).toBe(true);
  });
});

describe('the privileged side', () => {
  beforeEach(async () => {
    await import('../../../src/main/index');
    await new Promise((r) => setTimeout(r, 0));
  });

  it('goes through the elevated helper when the app is not root, and asks once at start (through the engine, not by reads)', () => {
    expect(state.helpers).toHaveLength(1);
    // The helper is the CLI's `helper --stdio` subcommand.
    expect(state.helpers[0]!.options.cliScript).toMatch(/[/\\]cli\.js$/);
    // Writes go through the helper; reads only once it runs (the app's reads never prompt by themselves).
    const access = state.engineOptions[0]!.executor as { executor: unknown; ready: () => boolean };
    expect(access.executor).toBe(state.helpers[0]!.executor);
    expect(access.ready()).toBe(false);
    // The one prompt of the session is the engine's privilege.elevate, asked only when not yet elevated.
    expect(state.calls).toEqual(['privilege.get', 'privilege.elevate']);
    expect(state.elevations).toBe(0);
  });

  it('ends the helper when the app quits', () => {
    state.appHandlers.get('will-quit')!();
    expect(state.helperClosed).toBe(1);
  });

  it('runs privileged work in-process when the app itself is root', async () => {
    vi.resetModules();
    state.uid.mockReturnValue(0);
    state.engineOptions.length = 0;
    await import('../../../src/main/index');
    await new Promise((r) => setTimeout(r, 0));
    const { rootExecutor } = await import('../../../src/main/privileged/root-executor');
    expect(state.engineOptions[0]!.executor).toBe(rootExecutor);
    expect(state.helpers).toHaveLength(1); // none made this time
  });
});

describe('the dev server URL (ELECTRON_RENDERER_URL)', () => {
  async function loadedWith(packaged: boolean): Promise<string> {
    vi.resetModules();
    state.packaged = packaged;
    vi.stubEnv('ELECTRON_RENDERER_URL', 'http://localhost:5173');
    try {
      await import('../../../src/main/index');
      await new Promise((r) => setTimeout(r, 0));
    } finally {
      vi.unstubAllEnvs();
      state.packaged = false;
    }
    return state.windows.at(-1)!.loaded;
  }

  it('is used only when the app is not packaged; a packaged app loads its own file whatever the environment says', async () => {
    expect(await loadedWith(false)).toBe('http://localhost:5173');
    expect(await loadedWith(true)).toMatch(/renderer[/\\]index\.html$/);
  });
});

import { describe, expect, it, vi } from 'vitest';
import type { App, WebContents } from 'electron';
import { denyNavigation, hardenApp } from '../../../src/main/harden';
import { secureWindowOptions } from '../../../src/main/window-options';

describe('secureWindowOptions', () => {
  it('follows the Electron security checklist', () => {
    const prefs = secureWindowOptions('/x/preload.cjs').webPreferences;
    expect(prefs).toMatchObject({
      preload: '/x/preload.cjs',
      contextIsolation: true,
      sandbox: true,
      nodeIntegration: false,
      nodeIntegrationInWorker: false,
      webSecurity: true,
      allowRunningInsecureContent: false,
      webviewTag: false,
    });
  });
});

function fakeContents() {
  const handlers = new Map<string, (...args: unknown[]) => void>();
  let openHandler: (() => unknown) | null = null;
  return {
    on: vi.fn((name: string, h: (...args: unknown[]) => void) => handlers.set(name, h)),
    setWindowOpenHandler: vi.fn((h: () => unknown) => (openHandler = h)),
    handlers,
    open: () => openHandler?.(),
  };
}

describe('denyNavigation', () => {
  const rendererUrl = 'file:///app/out/renderer/index.html';

  it('blocks navigation away from the renderer and every new window', () => {
    const contents = fakeContents();
    denyNavigation(contents as unknown as WebContents, rendererUrl);
    const away = { preventDefault: vi.fn() };
    contents.handlers.get('will-navigate')?.(away, 'https://example.com/');
    expect(away.preventDefault).toHaveBeenCalled();
    const reload = { preventDefault: vi.fn() };
    contents.handlers.get('will-navigate')?.(reload, rendererUrl);
    expect(reload.preventDefault).not.toHaveBeenCalled();
    // Exactly our file, never a name that only starts like it.
    const alike = { preventDefault: vi.fn() };
    contents.handlers.get('will-navigate')?.(alike, `${rendererUrl}.evil.html`);
    expect(alike.preventDefault).toHaveBeenCalled();
    const sibling = { preventDefault: vi.fn() };
    contents.handlers.get('will-navigate')?.(sibling, 'file:///app/out/renderer/other.html');
    expect(sibling.preventDefault).toHaveBeenCalled();
    expect(contents.open()).toEqual({ action: 'deny' });
    const webview = { preventDefault: vi.fn() };
    contents.handlers.get('will-attach-webview')?.(webview);
    expect(webview.preventDefault).toHaveBeenCalled();
  });

  it('is applied to every web contents the app creates', () => {
    const appHandlers = new Map<string, (...args: unknown[]) => void>();
    const app = { on: vi.fn((name: string, h: (...args: unknown[]) => void) => appHandlers.set(name, h)) };
    hardenApp(app as unknown as App, rendererUrl);
    const contents = fakeContents();
    appHandlers.get('web-contents-created')?.({}, contents);
    expect(contents.setWindowOpenHandler).toHaveBeenCalled();
  });
});

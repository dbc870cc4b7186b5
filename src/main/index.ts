// Electron lifecycle only: one secure window, the IPC face over the engine. Kept thin on purpose.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, Notification, session } from 'electron';
import { showDnsNotification } from './dns-notification';
import { Engine } from './engine/engine';
import { hardenApp } from './harden';
import { DEV_ELEVATE_ENV, ElevatedHelper } from './privileged/helper/helper-launcher';
import { rootExecutor } from './privileged/root-executor';
import { CONTENT_SECURITY_POLICY } from './transport/csp';
import { registerIpc } from './transport/ipc';
import { secureWindowOptions } from './window-options';

// The dev server only in a development run: a packaged app never loads a URL from its environment.
const devServerUrl = app.isPackaged ? undefined : process.env.ELECTRON_RENDERER_URL;
const rendererFile = join(import.meta.dirname, '../renderer/index.html');
const rendererUrl = devServerUrl ?? pathToFileURL(rendererFile).href;

let window: BrowserWindow | null = null;

function createWindow(): BrowserWindow {
  const win = new BrowserWindow(secureWindowOptions(join(import.meta.dirname, '../preload/index.cjs')));
  win.once('ready-to-show', () => win.show());
  win.on('closed', () => (window = null));
  if (devServerUrl) void win.loadURL(devServerUrl);
  else void win.loadFile(rendererFile);
  return win;
}

void app.whenReady().then(() => {
  hardenApp(app, rendererUrl);
  session.defaultSession.webRequest.onHeadersReceived((details, callback) => {
    callback({ responseHeaders: { ...details.responseHeaders, 'Content-Security-Policy': [CONTENT_SECURITY_POLICY] } });
  });
  session.defaultSession.setPermissionRequestHandler((_contents, _permission, callback) => callback(false));
  // Not root: privileged work goes through the helper, asked for once at start (below); declined, the app runs read-only.
  // The helper is the CLI's `helper --stdio` subcommand, run by this binary as Node (ELECTRON_RUN_AS_NODE).
  const helper =
    process.getuid?.() === 0 ? null : new ElevatedHelper({ cliScript: join(import.meta.dirname, 'cli.js'), allowDevCheckout: process.env[DEV_ELEVATE_ENV] === '1' });
  // Reads use the helper once it runs (a write elevated); they never prompt by themselves.
  const engine = new Engine({ executor: helper?.access(false) ?? rootExecutor });
  registerIpc({ ipcMain, engine, rendererUrl, trusted: () => window?.webContents ?? null });
  window = createWindow();
  // The one prompt of the session, with the window behind it (the polkit message says why). Declined
  // or impossible here, the window shows read-only views and an Elevate button.
  void engine.call('privilege.get', {}).then((state) => (state.state === 'not-elevated' ? engine.call('privilege.elevate', {}) : state));
  engine.startWatching();
  // While the window is open the app keeps Bridgeport's published ports in force, like `bridgeport daemon`.
  engine.startKeepingPorts();
  // And containers' DNS in step with the host's, saying what changed on the desktop.
  engine.subscribe('dnsNews', (events) => showDnsNotification(events, Notification));
  engine.startSyncingDns();
  // Traffic history builds up from the start (one /proc/net/dev read a second), so charts have a past.
  engine.startSamplingTraffic();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createWindow();
  });
  app.on('will-quit', () => {
    engine.stop();
    helper?.close();
  });
});

app.on('window-all-closed', () => app.quit());

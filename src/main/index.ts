// Electron lifecycle only: one secure window, the IPC face over the engine. Kept thin on purpose.
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { app, BrowserWindow, ipcMain, session } from 'electron';
import { Engine } from './engine/engine';
import { hardenApp } from './harden';
import { CONTENT_SECURITY_POLICY } from './transport/csp';
import { registerIpc } from './transport/ipc';
import { secureWindowOptions } from './window-options';

const devServerUrl = process.env.ELECTRON_RENDERER_URL;
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
  const engine = new Engine();
  registerIpc({ ipcMain, engine, rendererUrl, trusted: () => window?.webContents ?? null });
  window = createWindow();
  engine.startWatching();
  app.on('activate', () => {
    if (BrowserWindow.getAllWindows().length === 0) window = createWindow();
  });
  app.on('will-quit', () => engine.stop());
});

app.on('window-all-closed', () => app.quit());

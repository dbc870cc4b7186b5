// The Electron face: the contract over IPC. Every call is checked for its sender (only our own
// window's top frame, loaded from our own renderer URL) and its input (the contract's schema).
import type { IpcMain, IpcMainEvent, IpcMainInvokeEvent, WebContents } from 'electron';
import { isTopicName, type TopicName } from '../../shared/contract';
import { toWireError, type CallResult } from '../../shared/errors';
import { ipcChannels } from '../../shared/ipc-channels';
import type { Engine } from '../engine/engine';
import { isRendererUrl } from './renderer-url';

export interface IpcDeps {
  ipcMain: Pick<IpcMain, 'handle' | 'removeHandler' | 'on' | 'removeAllListeners'>;
  engine: Engine;
  /** The URL our renderer is loaded from (file://…/index.html or the dev server), matched exactly. */
  rendererUrl: string;
  /** The window contents allowed to talk to the engine. */
  trusted: () => WebContents | null;
}

export function isTrustedSender(event: Pick<IpcMainInvokeEvent | IpcMainEvent, 'sender' | 'senderFrame'>, deps: Pick<IpcDeps, 'rendererUrl' | 'trusted'>): boolean {
  const trusted = deps.trusted();
  const frame = event.senderFrame;
  if (!trusted || event.sender !== trusted || !frame) return false;
  // Only the top frame: an iframe inside the page (there is none) must not reach the engine.
  if (frame.parent !== null) return false;
  return isRendererUrl(frame.url, deps.rendererUrl);
}

export function registerIpc(deps: IpcDeps): () => void {
  // Never throws: Electron would flatten the error to "Error invoking remote method …" and lose its
  // kind. The answer is an envelope the renderer's api unwraps (src/shared/errors.ts).
  deps.ipcMain.handle(ipcChannels.invoke, async (event, method: unknown, input: unknown): Promise<CallResult> => {
    if (!isTrustedSender(event, deps)) return { ok: false, error: { kind: 'refused', message: 'IPC from an untrusted sender' } };
    try {
      return { ok: true, value: await deps.engine.invoke(method, input) };
    } catch (error) {
      return { ok: false, error: toWireError(error) };
    }
  });
  // Topics are pushed only once the window asks for them: some cost a sample per second.
  const subscriptions = new Map<TopicName, () => void>();
  deps.ipcMain.on(ipcChannels.subscribe, (event, topic: unknown) => {
    if (!isTrustedSender(event, deps) || !isTopicName(topic) || subscriptions.has(topic)) return;
    subscriptions.set(
      topic,
      deps.engine.subscribe(topic, (payload) => {
        const contents = deps.trusted();
        if (contents && !contents.isDestroyed()) contents.send(ipcChannels.topic, topic, payload);
      }),
    );
  });
  deps.ipcMain.on(ipcChannels.unsubscribe, (event, topic: unknown) => {
    if (!isTrustedSender(event, deps) || !isTopicName(topic)) return;
    subscriptions.get(topic)?.();
    subscriptions.delete(topic);
  });
  return () => {
    deps.ipcMain.removeHandler(ipcChannels.invoke);
    deps.ipcMain.removeAllListeners(ipcChannels.subscribe);
    deps.ipcMain.removeAllListeners(ipcChannels.unsubscribe);
    subscriptions.forEach((unsubscribe) => unsubscribe());
    subscriptions.clear();
  };
}

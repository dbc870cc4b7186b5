// Exposes window.bridgeport and nothing else. Inputs are validated again in the main process.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import { ipcChannels, type PreloadApi } from '../shared/ipc-channels';

// How many listeners each topic has here: the main process is asked for a topic once, and
// released when the last listener goes.
const listenerCounts = new Map<string, number>();

// Calls answer with the main process's envelope { ok, value | error: { kind, message } }, passed on
// as is: the renderer's api unwraps it (an Error thrown from here would lose its kind on the bridge).
const api: PreloadApi = {
  invoke: (method, input) => ipcRenderer.invoke(ipcChannels.invoke, method, input),
  subscribe: (topic, listener) => {
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === topic) listener(payload as never);
    };
    ipcRenderer.on(ipcChannels.topic, handler);
    const count = (listenerCounts.get(topic) ?? 0) + 1;
    listenerCounts.set(topic, count);
    if (count === 1) ipcRenderer.send(ipcChannels.subscribe, topic);
    return () => {
      ipcRenderer.removeListener(ipcChannels.topic, handler);
      const left = (listenerCounts.get(topic) ?? 1) - 1;
      listenerCounts.set(topic, left);
      if (left === 0) ipcRenderer.send(ipcChannels.unsubscribe, topic);
    };
  },
};

contextBridge.exposeInMainWorld('bridgeport', api);

// Exposes window.bridgeport and nothing else. Inputs are validated again in the main process.
import { contextBridge, ipcRenderer, type IpcRendererEvent } from 'electron';
import type { BridgeportApi } from '../shared/contract';
import { ipcChannels } from '../shared/ipc-channels';

const api: BridgeportApi = {
  invoke: (method, input) => ipcRenderer.invoke(ipcChannels.invoke, method, input),
  subscribe: (topic, listener) => {
    const handler = (_event: IpcRendererEvent, name: unknown, payload: unknown) => {
      if (name === topic) listener(payload as never);
    };
    ipcRenderer.on(ipcChannels.topic, handler);
    return () => ipcRenderer.removeListener(ipcChannels.topic, handler);
  },
};

contextBridge.exposeInMainWorld('bridgeport', api);

// Channel names shared by the Electron IPC transport and the preload (no dependencies: the
// sandboxed preload must stay a single self-contained file).
export const ipcChannels = {
  invoke: 'bridgeport:invoke',
  topic: 'bridgeport:topic',
  subscribe: 'bridgeport:subscribe',
  unsubscribe: 'bridgeport:unsubscribe',
} as const;

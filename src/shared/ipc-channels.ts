// Channel names shared by the Electron IPC transport and the preload (no dependencies: the
// sandboxed preload must stay a single self-contained file; type imports vanish from the build).
import type { BridgeportApi, MethodName } from './contract';
import type { CallResult } from './errors';

export const ipcChannels = {
  invoke: 'bridgeport:invoke',
  topic: 'bridgeport:topic',
  subscribe: 'bridgeport:subscribe',
  unsubscribe: 'bridgeport:unsubscribe',
} as const;

/**
 * What the preload exposes as `window.bridgeport`. A call answers with the IPC handler's envelope,
 * unwrapped by the renderer's api: an error thrown through contextBridge keeps only its message,
 * and the renderer must see its kind.
 */
export interface PreloadApi {
  invoke(method: MethodName, input: unknown): Promise<CallResult>;
  subscribe: BridgeportApi['subscribe'];
}

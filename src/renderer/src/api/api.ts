// Picks the face the renderer talks to: the Electron preload when present, else the served WebSocket.
// Either way a failed call throws a BridgeportError: views read its `kind` (src/shared/errors.ts).
import type { BridgeportApi } from '../../../shared/contract';
import type { PreloadApi } from '../../../shared/ipc-channels';
import type { Face } from './engine-failure';
import { createIpcApi } from './ipc-client';
import { takeServeToken } from './serve-token';
import { createWsApi } from './ws-client';

declare global {
  interface Window {
    bridgeport?: PreloadApi;
  }
}

export const api: BridgeportApi & { onConnectionChange?: (l: (connected: boolean) => void) => () => void } = window.bridgeport
  ? createIpcApi(window.bridgeport)
  : createWsApi(window.location.origin, takeServeToken());

/** The desktop app (through the preload) or a browser on `bridgeport serve`. */
export const face: Face = window.bridgeport ? 'desktop' : 'browser';

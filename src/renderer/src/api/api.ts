// Picks the face the renderer talks to: the Electron preload when present, else the served WebSocket.
import type { BridgeportApi } from '../../../shared/contract';
import { createWsApi } from './ws-client';

declare global {
  interface Window {
    bridgeport?: BridgeportApi;
  }
}

export const api: BridgeportApi & { onConnectionChange?: (l: (connected: boolean) => void) => () => void } =
  window.bridgeport ?? createWsApi(window.location.origin);

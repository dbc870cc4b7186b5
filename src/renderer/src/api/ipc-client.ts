// The Electron face of the contract: window.bridgeport (the preload) answers each call with the main
// process's envelope; this unwraps it, so a failed call throws a BridgeportError with its kind,
// exactly like the WebSocket client. Pure apart from the bridge it is given.
import type { BridgeportApi } from '../../../shared/contract';
import { BridgeportError, unwrapCallResult } from '../../../shared/errors';
import type { PreloadApi } from '../../../shared/ipc-channels';

export function createIpcApi(bridge: PreloadApi): BridgeportApi {
  return {
    async invoke(method, input) {
      let result;
      try {
        result = await bridge.invoke(method, input);
      } catch (error) {
        // IPC itself failed (no handler, the main process going away): not an answer of the engine.
        throw new BridgeportError('failed', error instanceof Error ? error.message : String(error));
      }
      return unwrapCallResult(result) as never;
    },
    subscribe: (topic, listener) => bridge.subscribe(topic, listener),
  };
}

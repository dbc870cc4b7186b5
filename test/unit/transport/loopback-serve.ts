// `bridgeport serve`'s real server on loopback over a stand-in engine, for the transport tests:
// started before the file's tests, closed (and its static folder removed) after them.
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, vi } from 'vitest';
import type { Engine } from '../../../src/main/engine/engine';
import { startServer, type RunningServer } from '../../../src/main/transport/ws';

export interface LoopbackServe {
  readonly server: RunningServer;
  /** The token from the printed URL's fragment. */
  readonly token: string;
  readonly staticDir: string;
}

export function useLoopbackServe(engine: Pick<Engine, 'invoke' | 'subscribe'>): LoopbackServe {
  const staticDir = mkdtempSync(join(tmpdir(), 'bp-serve-'));
  writeFileSync(join(staticDir, 'index.html'), '<!doctype html><title>bp</title>');
  const state: { server: RunningServer | null; token: string } = { server: null, token: '' };
  beforeAll(async () => {
    state.server = await startServer({ engine: engine as Engine, staticDir, port: 0 });
    state.token = new URL(state.server.url).hash.replace(/^#token=/, '');
  });
  afterAll(async () => {
    vi.unstubAllGlobals();
    await state.server?.close();
    rmSync(staticDir, { recursive: true, force: true });
  });
  return {
    get server() {
      if (!state.server) throw new Error('the server starts before the tests');
      return state.server;
    },
    get token() {
      return state.token;
    },
    staticDir,
  };
}

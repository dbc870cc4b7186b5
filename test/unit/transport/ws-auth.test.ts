// `bridgeport serve`'s token: a real server on loopback over a stand-in engine. The token is in the
// printed URL's fragment only; a socket must say `hello` with it first; the page and its assets carry
// no secret and go to this Host/Origin only; no cookie; `?token=` opens nothing any more.
import { request } from 'node:http';
import { beforeAll, describe, expect, it, vi } from 'vitest';
import { WebSocket as NodeWebSocket } from 'ws';
import { useLoopbackServe } from './loopback-serve';
import type { RunningServer } from '../../../src/main/transport/ws';
import { createWsApi } from '../../../src/renderer/src/api/ws-client';
import { WS_CLOSE_UNAUTHORIZED } from '../../../src/shared/ws-protocol';

const engine = {
  invoke: vi.fn(async (method: string) => ({ answered: method })),
  subscribe: vi.fn(() => () => undefined),
};

const serve = useLoopbackServe(engine);
let server: RunningServer;
let token: string;
beforeAll(() => ({ server, token } = serve));

function get(path: string, headers: Record<string, string> = {}): Promise<{ status: number; headers: Record<string, unknown>; body: string }> {
  return new Promise((resolve, reject) => {
    const req = request({ host: '127.0.0.1', port: server.port, path, headers }, (res) => {
      let body = '';
      res.on('data', (chunk) => (body += String(chunk)));
      res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
    });
    req.on('error', reject);
    req.end();
  });
}

/** Opens a socket, sends `first` (if any) and then an invoke; what came back and how it closed. */
async function session(path: string, first: unknown, options: { origin?: string } = {}): Promise<{ messages: unknown[]; closeCode: number | null; upgradeStatus: number | null }> {
  const ws = new NodeWebSocket(`ws://127.0.0.1:${server.port}${path}`, options.origin ? { origin: options.origin } : {});
  const messages: unknown[] = [];
  let upgradeStatus: number | null = null;
  ws.on('message', (data) => messages.push(JSON.parse(String(data))));
  ws.on('unexpected-response', (_req, res) => {
    upgradeStatus = res.statusCode ?? null;
    ws.terminate();
  });
  const opened = await new Promise<boolean>((resolve) => {
    ws.once('open', () => resolve(true));
    ws.once('error', () => resolve(false));
  });
  if (!opened) return { messages, closeCode: null, upgradeStatus };
  if (first !== undefined) ws.send(typeof first === 'string' ? first : JSON.stringify(first));
  ws.send(JSON.stringify({ type: 'invoke', id: 1, method: 'snapshot.get', input: {} }));
  const closeCode = await new Promise<number | null>((resolve) => {
    ws.once('close', (code) => resolve(code));
    setTimeout(() => {
      ws.close();
      resolve(null);
    }, 500);
  });
  return { messages, closeCode, upgradeStatus };
}

describe('the serve URL', () => {
  it('carries the token in the fragment only', () => {
    expect(server.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
    expect(new URL(server.url).search).toBe('');
  });
});

describe('the socket', () => {
  it('answers after a valid hello', async () => {
    const { messages, closeCode } = await session('/ws', { type: 'hello', token });
    expect(messages).toEqual([{ type: 'result', id: 1, ok: true, value: { answered: 'snapshot.get' } }]);
    expect(closeCode).toBeNull();
  });

  it('closes without answering when the first message is not a hello, the token is wrong, or only in ?token=', async () => {
    engine.invoke.mockClear();
    for (const [path, first] of [
      ['/ws', undefined],
      ['/ws', { type: 'hello', token: `${token}x` }],
      ['/ws', { type: 'hello', token: token.slice(0, -1) + (token.endsWith('A') ? 'B' : 'A') }],
      ['/ws', { type: 'hello' }],
      ['/ws', 'not json'],
      [`/ws?token=${token}`, undefined],
    ] as const) {
      const { messages, closeCode } = await session(path, first);
      expect(messages, `${path} ${JSON.stringify(first)}`).toEqual([]);
      expect(closeCode, `${path} ${JSON.stringify(first)}`).toBe(WS_CLOSE_UNAUTHORIZED);
    }
    expect(engine.invoke).not.toHaveBeenCalled();
  });

  it('refuses the upgrade from a foreign or prefix-alike Origin, even with the token', async () => {
    for (const origin of ['http://evil.example', `http://127.0.0.1:${server.port}0`, `http://127.0.0.1:${server.port}.evil.example`]) {
      const { upgradeStatus, messages } = await session('/ws', { type: 'hello', token }, { origin });
      expect(upgradeStatus, origin).toBe(403);
      expect(messages).toEqual([]);
    }
    const own = await session('/ws', { type: 'hello', token }, { origin: `http://localhost:${server.port}` });
    expect(own.messages).toHaveLength(1);
  });
});

describe('the page', () => {
  it('is served without the token, sets no cookie and keeps no Referer', async () => {
    const page = await get('/');
    expect(page.status).toBe(200);
    expect(page.body).toContain('<title>bp</title>');
    expect(page.headers['set-cookie']).toBeUndefined();
    expect(page.headers['referrer-policy']).toBe('no-referrer');
    expect((await get(`/?token=${token}`)).headers['set-cookie']).toBeUndefined();
  });

  it('goes to its own Host and Origin only', async () => {
    expect((await get('/', { host: 'evil.example' })).status).toBe(403);
    expect((await get('/', { origin: 'http://evil.example' })).status).toBe(403);
    expect((await get('/', { origin: `http://127.0.0.1:${server.port}0` })).status).toBe(403);
    expect((await get('/', { origin: `http://127.0.0.1:${server.port}` })).status).toBe(200);
  });
});

describe('the browser client', () => {
  it('with a wrong token: calls are refused with kind refused, and it does not keep reconnecting', async () => {
    const opened: string[] = [];
    class CountingWebSocket extends NodeWebSocket {
      constructor(url: string) {
        super(url);
        opened.push(url);
      }
    }
    vi.stubGlobal('WebSocket', CountingWebSocket);
    const api = createWsApi(`http://127.0.0.1:${server.port}`, 'wrong-token');
    const connected: boolean[] = [];
    api.onConnectionChange((c) => connected.push(c));
    await expect(api.invoke('snapshot.get', {})).rejects.toMatchObject({ name: 'BridgeportError', kind: 'refused', message: expect.stringMatching(/access token/) });
    await new Promise((r) => setTimeout(r, 1300));
    expect(opened).toHaveLength(1);
    await expect(api.invoke('snapshot.get', {})).rejects.toMatchObject({ kind: 'refused' });
    expect(connected.at(-1)).toBe(false);
  });
});

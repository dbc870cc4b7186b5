// The loopback face: serves the renderer and the contract over a WebSocket on 127.0.0.1, behind a
// random token. Every message is checked against the contract before it reaches the engine.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { isTopicName, type TopicName } from '../../shared/contract';
import { toWireError } from '../../shared/errors';
import { clientMessageSchema, TOKEN_COOKIE, WS_PATH, type ServerMessage } from '../../shared/ws-protocol';
import type { Engine } from '../engine/engine';
import { CONTENT_SECURITY_POLICY } from './csp';
import { authorize } from './serve-auth';
import { readStatic } from './static-files';

export interface ServeOptions {
  engine: Engine;
  staticDir: string;
  port?: number;
}

export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}

function factsOf(req: IncomingMessage) {
  return { url: req.url ?? '/', host: req.headers.host, origin: req.headers.origin, cookie: req.headers.cookie };
}

function send(ws: WebSocket, message: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

/** One WebSocket client: its calls, and the topics it asked for. */
class Connection {
  private readonly subscriptions = new Map<TopicName, () => void>();

  constructor(
    private readonly engine: Engine,
    private readonly ws: WebSocket,
  ) {}

  async handle(raw: string): Promise<void> {
    let parsed: unknown;
    try {
      parsed = JSON.parse(raw);
    } catch {
      this.ws.close(1003, 'not JSON');
      return;
    }
    const message = clientMessageSchema.safeParse(parsed);
    if (!message.success) {
      this.ws.close(1003, 'not a Bridgeport message');
      return;
    }
    const m = message.data;
    if (m.type === 'subscribe') {
      if (isTopicName(m.topic) && !this.subscriptions.has(m.topic)) {
        const topic = m.topic;
        this.subscriptions.set(topic, this.engine.subscribe(topic, (payload) => send(this.ws, { type: 'topic', topic, payload })));
      }
      return;
    }
    if (m.type === 'unsubscribe') {
      if (isTopicName(m.topic)) this.subscriptions.get(m.topic)?.();
      if (isTopicName(m.topic)) this.subscriptions.delete(m.topic);
      return;
    }
    try {
      const value = await this.engine.invoke(m.method, m.input);
      send(this.ws, { type: 'result', id: m.id, ok: true, value });
    } catch (error) {
      send(this.ws, { type: 'result', id: m.id, ok: false, error: toWireError(error) });
    }
  }

  close(): void {
    this.subscriptions.forEach((unsubscribe) => unsubscribe());
    this.subscriptions.clear();
  }
}

export async function startServer(options: ServeOptions): Promise<RunningServer> {
  const token = randomBytes(24).toString('base64url');
  let port = 0;
  const wss = new WebSocketServer({ noServer: true, maxPayload: 1 << 20 });

  const http = createServer((req: IncomingMessage, res: ServerResponse) => {
    void (async () => {
      const verdict = authorize(factsOf(req), token, port);
      if (!verdict.ok) {
        res.writeHead(verdict.status, { 'content-type': 'text/plain' }).end(`${verdict.reason}\n`);
        return;
      }
      const file = req.method === 'GET' ? await readStatic(options.staticDir, new URL(req.url ?? '/', 'http://x').pathname) : null;
      const headers: Record<string, string> = {
        'content-security-policy': CONTENT_SECURITY_POLICY,
        'x-content-type-options': 'nosniff',
        'referrer-policy': 'no-referrer',
        'cache-control': 'no-store',
      };
      // The cookie lets the page's own assets and WebSocket through without the token in every URL.
      if (verdict.viaQuery) headers['set-cookie'] = `${TOKEN_COOKIE}=${token}; HttpOnly; SameSite=Strict; Path=/`;
      if (!file) {
        res.writeHead(404, headers).end('not found\n');
        return;
      }
      res.writeHead(200, { ...headers, 'content-type': file.type }).end(file.body);
    })();
  });

  http.on('upgrade', (req, socket, head) => {
    const verdict = authorize(factsOf(req), token, port);
    if (!verdict.ok || new URL(req.url ?? '/', 'http://x').pathname !== WS_PATH) {
      socket.end(`HTTP/1.1 ${verdict.ok ? 404 : verdict.status} Refused\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });

  wss.on('connection', (ws: WebSocket) => {
    const connection = new Connection(options.engine, ws);
    ws.on('message', (data) => void connection.handle(data.toString()));
    ws.on('close', () => connection.close());
  });

  await new Promise<void>((resolve, reject) => {
    http.once('error', reject);
    http.listen(options.port ?? 0, '127.0.0.1', () => resolve());
  });
  port = (http.address() as AddressInfo).port;
  return {
    port,
    url: `http://127.0.0.1:${port}/?token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        wss.clients.forEach((c) => c.terminate());
        wss.close();
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}

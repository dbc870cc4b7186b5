// The loopback face: serves the renderer and the contract over a WebSocket on 127.0.0.1, behind a
// random token. The page and its assets hold no secret (served to this Host/Origin only); the token
// reaches the page in the URL fragment and the server only as the socket's first message (`hello`).
// Every message is checked against the contract before it reaches the engine.
import { randomBytes } from 'node:crypto';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { WebSocketServer, type WebSocket } from 'ws';
import { isTopicName, type TopicName } from '../../shared/contract';
import { toWireError } from '../../shared/errors';
import { clientMessageSchema, WS_CLOSE_UNAUTHORIZED, WS_PATH, type ServerMessage } from '../../shared/ws-protocol';
import type { Engine } from '../engine/engine';
import { CONTENT_SECURITY_POLICY } from './csp';
import { authorize, isValidHello } from './serve-auth';
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

/** How long a socket may stay open without a valid hello. */
const HELLO_TIMEOUT_MS = 5_000;

function factsOf(req: IncomingMessage) {
  return { host: req.headers.host, origin: req.headers.origin };
}

function send(ws: WebSocket, message: ServerMessage): void {
  if (ws.readyState === ws.OPEN) ws.send(JSON.stringify(message));
}

/** One WebSocket client: its calls, and the topics it asked for. */
class Connection {
  private readonly subscriptions = new Map<TopicName, () => void>();
  private greeted = false;
  private readonly helloTimer: NodeJS.Timeout;

  constructor(
    private readonly engine: Engine,
    private readonly ws: WebSocket,
    private readonly token: string,
  ) {
    this.helloTimer = setTimeout(() => this.refuse(), HELLO_TIMEOUT_MS);
  }

  private refuse(): void {
    clearTimeout(this.helloTimer);
    this.ws.close(WS_CLOSE_UNAUTHORIZED, 'missing or wrong access token');
  }

  async handle(raw: string): Promise<void> {
    // Nothing but a valid hello before the hello: no call, no subscription.
    if (!this.greeted) {
      if (!isValidHello(raw, this.token)) return this.refuse();
      clearTimeout(this.helloTimer);
      this.greeted = true;
      return;
    }
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
    clearTimeout(this.helloTimer);
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
      const verdict = authorize(factsOf(req), port);
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
      if (!file) {
        res.writeHead(404, headers).end('not found\n');
        return;
      }
      res.writeHead(200, { ...headers, 'content-type': file.type }).end(file.body);
    })();
  });

  http.on('upgrade', (req, socket, head) => {
    const verdict = authorize(factsOf(req), port);
    if (!verdict.ok || new URL(req.url ?? '/', 'http://x').pathname !== WS_PATH) {
      socket.end(`HTTP/1.1 ${verdict.ok ? 404 : verdict.status} Refused\r\n\r\n`);
      return;
    }
    wss.handleUpgrade(req, socket, head, (ws) => wss.emit('connection', ws));
  });

  wss.on('connection', (ws: WebSocket) => {
    const connection = new Connection(options.engine, ws, token);
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
    // The fragment never leaves the browser: no server log, history entry sent anywhere or Referer.
    url: `http://127.0.0.1:${port}/#token=${token}`,
    close: () =>
      new Promise<void>((resolve) => {
        wss.clients.forEach((c) => c.terminate());
        wss.close();
        http.close(() => resolve());
        http.closeAllConnections();
      }),
  };
}

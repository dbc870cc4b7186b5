// Decides whether a loopback HTTP/WebSocket request may reach `bridgeport serve`, and whether a
// socket's first message proves the token. The token never travels in a URL the server sees (the
// page gets it in the fragment) nor in a cookie (a browser sends those to every 127.0.0.1 port):
// only in the socket's `hello`. Pure: no I/O.
import { timingSafeEqual } from 'node:crypto';
import { helloMessageSchema } from '../../shared/ws-protocol';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

export interface RequestFacts {
  host: string | undefined;
  origin: string | undefined;
}

export type AuthVerdict = { ok: true } | { ok: false; status: number; reason: string };

/** The origins this server is: exactly these, never a prefix (http://127.0.0.1:80 is not :8080). */
export function ownOrigins(port: number): string[] {
  return [`http://127.0.0.1:${port}`, `http://localhost:${port}`];
}

/** Host must be this loopback server (against DNS rebinding) and Origin, when sent, exactly its own. */
export function authorize(req: RequestFacts, port: number): AuthVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!req.host || !allowedHosts.includes(req.host)) return { ok: false, status: 403, reason: 'wrong Host header' };
  if (req.origin !== undefined && !ownOrigins(port).includes(req.origin)) return { ok: false, status: 403, reason: 'cross-origin request refused' };
  return { ok: true };
}

/** True when a socket's first message is `{ type: 'hello', token }` with this server's token. */
export function isValidHello(raw: string, token: string): boolean {
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch {
    return false;
  }
  const hello = helloMessageSchema.safeParse(json);
  return hello.success && sameSecret(hello.data.token, token);
}

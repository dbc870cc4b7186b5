// Decides whether a loopback HTTP/WebSocket request may reach the engine. Pure: no I/O.
import { timingSafeEqual } from 'node:crypto';
import { TOKEN_COOKIE } from '../../shared/ws-protocol';

function sameSecret(a: string, b: string): boolean {
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

function cookieValue(cookieHeader: string | undefined, name: string): string | null {
  for (const part of (cookieHeader ?? '').split(';')) {
    const [key, ...rest] = part.trim().split('=');
    if (key === name) return rest.join('=');
  }
  return null;
}

export interface RequestFacts {
  url: string;
  host: string | undefined;
  origin: string | undefined;
  cookie: string | undefined;
}

export type AuthVerdict = { ok: true; viaQuery: boolean } | { ok: false; status: number; reason: string };

/** Token from `?token=` or the cookie; Host (and Origin, when sent) must be this loopback server, against DNS rebinding. */
export function authorize(req: RequestFacts, token: string, port: number): AuthVerdict {
  const allowedHosts = [`127.0.0.1:${port}`, `localhost:${port}`];
  if (!req.host || !allowedHosts.includes(req.host)) return { ok: false, status: 403, reason: 'wrong Host header' };
  if (req.origin !== undefined && !allowedHosts.some((h) => req.origin === `http://${h}`)) {
    return { ok: false, status: 403, reason: 'cross-origin request refused' };
  }
  const queryToken = new URL(req.url, 'http://127.0.0.1').searchParams.get('token');
  if (queryToken !== null && sameSecret(queryToken, token)) return { ok: true, viaQuery: true };
  const cookieToken = cookieValue(req.cookie, TOKEN_COOKIE);
  if (cookieToken !== null && sameSecret(cookieToken, token)) return { ok: true, viaQuery: false };
  return { ok: false, status: 401, reason: 'missing or wrong access token' };
}

import { describe, expect, it } from 'vitest';
import { authorize } from '../../../src/main/transport/serve-auth';

const token = 'sekret-token-123';
const base = { url: '/', host: '127.0.0.1:4000', origin: undefined, cookie: undefined };

describe('authorize (loopback serve)', () => {
  it('accepts the token in the query and says so, so the cookie can be set', () => {
    expect(authorize({ ...base, url: `/?token=${token}` }, token, 4000)).toEqual({ ok: true, viaQuery: true });
  });

  it('accepts the token from the cookie', () => {
    expect(authorize({ ...base, url: '/assets/x.js', cookie: `a=b; bridgeport_token=${token}` }, token, 4000)).toEqual({
      ok: true,
      viaQuery: false,
    });
  });

  it('refuses a request without a token', () => {
    expect(authorize(base, token, 4000)).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses a wrong token of the same or another length', () => {
    expect(authorize({ ...base, url: '/?token=sekret-token-124' }, token, 4000)).toMatchObject({ ok: false, status: 401 });
    expect(authorize({ ...base, url: '/?token=x' }, token, 4000)).toMatchObject({ ok: false, status: 401 });
  });

  it('refuses a foreign Host header (DNS rebinding) even with the token', () => {
    expect(authorize({ ...base, host: 'evil.example:4000', url: `/?token=${token}` }, token, 4000)).toMatchObject({
      ok: false,
      status: 403,
    });
  });

  it('refuses a cross-origin request even with the cookie', () => {
    const facts = { ...base, origin: 'http://evil.example', cookie: `bridgeport_token=${token}` };
    expect(authorize(facts, token, 4000)).toMatchObject({ ok: false, status: 403 });
  });

  it('accepts its own origin', () => {
    const facts = { ...base, origin: 'http://127.0.0.1:4000', cookie: `bridgeport_token=${token}` };
    expect(authorize(facts, token, 4000).ok).toBe(true);
  });
});

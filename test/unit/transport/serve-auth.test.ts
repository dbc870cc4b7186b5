import { describe, expect, it } from 'vitest';
import { authorize, isValidHello, ownOrigins } from '../../../src/main/transport/serve-auth';

const token = 'sekret-token-123';
const base = { host: '127.0.0.1:4000', origin: undefined };

describe('authorize (loopback serve: Host and Origin, exactly)', () => {
  it('serves its own Host, with or without its own Origin', () => {
    expect(authorize(base, 4000)).toEqual({ ok: true });
    expect(authorize({ host: 'localhost:4000', origin: 'http://localhost:4000' }, 4000)).toEqual({ ok: true });
    expect(authorize({ ...base, origin: 'http://127.0.0.1:4000' }, 4000)).toEqual({ ok: true });
  });

  it('refuses a foreign or missing Host header (DNS rebinding)', () => {
    expect(authorize({ ...base, host: 'evil.example:4000' }, 4000)).toMatchObject({ ok: false, status: 403 });
    expect(authorize({ ...base, host: '127.0.0.1:40000' }, 4000)).toMatchObject({ ok: false, status: 403 });
    expect(authorize({ ...base, host: undefined }, 4000)).toMatchObject({ ok: false, status: 403 });
  });

  it('refuses any other origin, also one that merely starts like its own', () => {
    for (const origin of ['http://evil.example', 'http://127.0.0.1:40001', 'http://127.0.0.1:4000.evil.example', 'https://127.0.0.1:4000', 'null', 'http://127.0.0.1:4000/']) {
      expect(authorize({ ...base, origin }, 4000), origin).toMatchObject({ ok: false, status: 403 });
    }
  });

  it('names exactly two origins', () => {
    expect(ownOrigins(4000)).toEqual(['http://127.0.0.1:4000', 'http://localhost:4000']);
  });
});

describe('isValidHello (the socket’s first message)', () => {
  it('accepts { type: hello, token } with the token', () => {
    expect(isValidHello(JSON.stringify({ type: 'hello', token }), token)).toBe(true);
  });

  it('refuses a wrong token of the same or another length, an empty one, extra fields and other messages', () => {
    expect(isValidHello(JSON.stringify({ type: 'hello', token: 'sekret-token-124' }), token)).toBe(false);
    expect(isValidHello(JSON.stringify({ type: 'hello', token: 'x' }), token)).toBe(false);
    expect(isValidHello(JSON.stringify({ type: 'hello', token: '' }), token)).toBe(false);
    expect(isValidHello(JSON.stringify({ type: 'hello', token, extra: 1 }), token)).toBe(false);
    expect(isValidHello(JSON.stringify({ type: 'invoke', id: 1, method: 'snapshot.get', input: {} }), token)).toBe(false);
    expect(isValidHello('not json', token)).toBe(false);
  });
});

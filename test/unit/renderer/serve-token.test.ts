// The page's side of the serve token: taken from the fragment, out of the address bar, into this tab.
import { describe, expect, it } from 'vitest';
import { splitFragment, takeServeToken } from '../../../src/renderer/src/api/serve-token';

function fakeWindow(href: string, stored: Record<string, string> = {}) {
  const url = new URL(href);
  const replaced: string[] = [];
  const store = new Map(Object.entries(stored));
  const win = {
    location: { get hash() { return url.hash; }, get pathname() { return url.pathname; }, get search() { return url.search; } },
    history: {
      state: null,
      replaceState: (_s: unknown, _t: string, next: string) => {
        replaced.push(next);
        const n = new URL(next, url);
        url.hash = n.hash;
      },
    },
    sessionStorage: { getItem: (k: string) => store.get(k) ?? null, setItem: (k: string, v: string) => void store.set(k, v) },
  };
  return { win: win as unknown as Window, replaced, store, url };
}

describe('splitFragment', () => {
  it('finds the token and what follows it (a view)', () => {
    expect(splitFragment('#token=abc_DEF-1')).toEqual({ token: 'abc_DEF-1', rest: '' });
    expect(splitFragment('#token=abc#path')).toEqual({ token: 'abc', rest: 'path' });
    expect(splitFragment('#token=abc&path')).toEqual({ token: 'abc', rest: 'path' });
    expect(splitFragment('#path')).toEqual({ token: null, rest: 'path' });
    expect(splitFragment('')).toEqual({ token: null, rest: '' });
    expect(splitFragment('#token=')).toEqual({ token: null, rest: '' });
  });
});

describe('takeServeToken', () => {
  it('takes the token out of the address bar and keeps it in this tab', () => {
    const { win, replaced, store, url } = fakeWindow('http://127.0.0.1:4000/#token=s3cret');
    expect(takeServeToken(win)).toBe('s3cret');
    expect(replaced).toEqual(['/']);
    expect(url.hash).toBe('');
    expect([...store.values()]).toEqual(['s3cret']);
  });

  it('keeps the view that followed the token', () => {
    const { win, replaced } = fakeWindow('http://127.0.0.1:4000/#token=s3cret#path');
    expect(takeServeToken(win)).toBe('s3cret');
    expect(replaced).toEqual(['/#path']);
  });

  it('after a reload (no fragment) the tab’s stored token, and the address bar is left alone', () => {
    const first = fakeWindow('http://127.0.0.1:4000/#token=s3cret');
    takeServeToken(first.win);
    const reload = fakeWindow('http://127.0.0.1:4000/#ports', Object.fromEntries(first.store));
    expect(takeServeToken(reload.win)).toBe('s3cret');
    expect(reload.replaced).toEqual([]);
    expect(takeServeToken(fakeWindow('http://127.0.0.1:4000/').win)).toBeNull();
  });
});

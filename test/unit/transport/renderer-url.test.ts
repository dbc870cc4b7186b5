import { describe, expect, it } from 'vitest';
import { isRendererUrl } from '../../../src/main/transport/renderer-url';

describe('isRendererUrl (exact, never a prefix)', () => {
  const file = 'file:///opt/bridgeport/out/renderer/index.html';
  it('a file:// renderer: that very file, with any query or fragment', () => {
    expect(isRendererUrl(file, file)).toBe(true);
    expect(isRendererUrl(`${file}#dns`, file)).toBe(true);
    expect(isRendererUrl(`${file}?x=1`, file)).toBe(true);
    expect(isRendererUrl(`${file}.evil.html`, file)).toBe(false);
    expect(isRendererUrl('file:///opt/bridgeport/out/renderer/index.html/x', file)).toBe(false);
    expect(isRendererUrl('file:///tmp/index.html', file)).toBe(false);
    expect(isRendererUrl('file://host/opt/bridgeport/out/renderer/index.html', file)).toBe(false);
    expect(isRendererUrl('http://opt/bridgeport/out/renderer/index.html', file)).toBe(false);
  });
  it('the dev server: its exact origin', () => {
    const dev = 'http://localhost:5173/';
    expect(isRendererUrl('http://localhost:5173/#ports', dev)).toBe(true);
    expect(isRendererUrl('http://localhost:51730/', dev)).toBe(false);
    expect(isRendererUrl('http://localhost:5173.evil.example/', dev)).toBe(false);
    expect(isRendererUrl('https://localhost:5173/', dev)).toBe(false);
  });
  it('garbage is no match', () => {
    expect(isRendererUrl('not a url', file)).toBe(false);
    expect(isRendererUrl(file, 'not a url')).toBe(false);
    expect(isRendererUrl('javascript:alert(1)', 'javascript:alert(1)')).toBe(false);
  });
});

// Whether a URL is our own renderer: compared exactly, never by prefix (a prefix lets
// file:///…/index.html.evil.html or http://localhost:51730 pass for …/index.html and :5173). Pure.

/** For a file:// renderer the exact file (any query or fragment); for the dev server its exact origin. */
export function isRendererUrl(url: string, rendererUrl: string): boolean {
  let candidate: URL;
  let ours: URL;
  try {
    candidate = new URL(url);
    ours = new URL(rendererUrl);
  } catch {
    return false;
  }
  if (ours.protocol === 'file:') return candidate.protocol === 'file:' && candidate.host === ours.host && candidate.pathname === ours.pathname;
  if (ours.protocol !== 'http:' && ours.protocol !== 'https:') return false;
  return candidate.origin === ours.origin;
}

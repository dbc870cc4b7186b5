// The access token of `bridgeport serve`: printed in the URL's fragment (`#token=…`, which no server
// ever sees), taken out of the address bar at once (history.replaceState, so it is in no history
// entry or bookmark) and kept in sessionStorage (this tab, this origin) for reloads.

const STORAGE_KEY = 'bridgeport.serveToken';

/** The token in a fragment (`#token=T`, maybe followed by `#view` or `&view`) and what is left. Pure. */
export function splitFragment(hash: string): { token: string | null; rest: string } {
  const match = /^#token=([A-Za-z0-9_-]*)(?:[#&](.*))?$/.exec(hash);
  if (!match) return { token: null, rest: hash.replace(/^#/, '') };
  return { token: match[1] || null, rest: match[2] ?? '' };
}

/** Takes the token from the address bar (removing it) or from this tab's storage; null when there is none. */
export function takeServeToken(win: Pick<Window, 'location' | 'history' | 'sessionStorage'> = window): string | null {
  const { token, rest } = splitFragment(win.location.hash);
  if (win.location.hash.startsWith('#token=')) {
    win.history.replaceState(win.history.state, '', `${win.location.pathname}${win.location.search}${rest ? `#${rest}` : ''}`);
  }
  try {
    if (token) win.sessionStorage.setItem(STORAGE_KEY, token);
    return token ?? win.sessionStorage.getItem(STORAGE_KEY);
  } catch {
    return token; // storage refused (privacy mode): this load still works
  }
}

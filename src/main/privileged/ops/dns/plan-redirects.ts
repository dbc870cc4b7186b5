// The BRIDGEPORT-DNS chain in a container's nat table: Docker's embedded resolver forwards queries
// from inside the container's namespace (Docker 20–25), so a DNAT there sends the queries meant for
// an old upstream to the new one without restarting or reconnecting anything. Pure.
import type { Redirect } from './dns-operations';

export const DNS_CHAIN = 'BRIDGEPORT-DNS';

const RULE = new RegExp(`^-A ${DNS_CHAIN} -d (\\S+)/32 -p (udp|tcp) -m \\2 --dport 53 -j DNAT --to-destination (\\S+?)(?::53)?$`);

export interface RedirectState {
  chainExists: boolean;
  jumped: boolean;
  redirects: Redirect[];
}

/** What `iptables-save -t nat` shows of our chain. */
export function readRedirectState(natSave: string): RedirectState {
  const lines = natSave.split('\n');
  const chainExists = lines.some((l) => l.startsWith(`:${DNS_CHAIN} `));
  const jumped = lines.some((l) => l === `-A OUTPUT -j ${DNS_CHAIN}`);
  const seen = new Map<string, Redirect>();
  for (const line of lines) {
    const match = RULE.exec(line);
    if (match) seen.set(match[1]!, { from: match[1]!, to: match[3]! });
  }
  return { chainExists, jumped, redirects: [...seen.values()] };
}

const sameRedirects = (a: readonly Redirect[], b: readonly Redirect[]) =>
  a.length === b.length && a.every((r, i) => r.from === b[i]!.from && r.to === b[i]!.to);

/** One `iptables-restore --noflush` batch for the nat table, or null when nothing needs doing. */
export function planRedirectBatch(state: RedirectState, wanted: readonly Redirect[]): string | null {
  if (wanted.length === 0) {
    if (!state.chainExists && !state.jumped) return null;
    const lines = ['*nat'];
    if (state.jumped) lines.push(`-D OUTPUT -j ${DNS_CHAIN}`);
    if (state.chainExists) lines.push(`-F ${DNS_CHAIN}`, `-X ${DNS_CHAIN}`);
    return [...lines, 'COMMIT', ''].join('\n');
  }
  if (state.chainExists && state.jumped && sameRedirects(state.redirects, wanted)) return null;
  // Declaring the chain under --noflush empties it: the batch states its whole content.
  const lines = ['*nat', `:${DNS_CHAIN} - [0:0]`];
  for (const { from, to } of wanted) {
    for (const proto of ['udp', 'tcp']) lines.push(`-A ${DNS_CHAIN} -d ${from}/32 -p ${proto} -m ${proto} --dport 53 -j DNAT --to-destination ${to}:53`);
  }
  // First in OUTPUT, ahead of Docker's own jump for 127.0.0.11 (they never match the same packets).
  if (!state.jumped) lines.push(`-I OUTPUT 1 -j ${DNS_CHAIN}`);
  return [...lines, 'COMMIT', ''].join('\n');
}

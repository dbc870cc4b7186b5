// The one sentence a container on Docker's embedded resolver gets in the DNS view: where its
// resolver forwards, what Bridgeport redirects and where, or why nothing can be; a message (issue 18). Pure.
import { message, type Message } from '../../../shared/message';
import { serverList } from './dns-words';
import type { Redirect } from './embedded-upstreams';

/** Whether dockerd's queries can be redirected on the host (the helper's finding), when read. */
export interface DockerdScopeView {
  scope: string | null;
  problem: string | null;
}

export interface EmbeddedNoteFacts {
  servers: string[];
  hostServers: string[];
  desired: string[];
  inContainer: Redirect[];
  dockerdNeeds: Redirect[];
  synced: boolean;
  ownResolver: boolean;
  hadRedirects: boolean;
  dockerd: DockerdScopeView | undefined;
}

export function embeddedNote(f: EmbeddedNoteFacts): Message {
  const tos = (redirects: readonly Redirect[]) => serverList([...new Set(redirects.map((r) => r.to))]);
  const froms = (redirects: readonly Redirect[]) => serverList(redirects.map((r) => r.from));
  if (f.ownResolver) return message('engine-dns:embedded.ownResolver', { servers: serverList(f.servers) });
  const parts: Message[] = [];
  if (f.inContainer.length > 0) parts.push(message('engine-dns:embedded.inContainer', { from: froms(f.inContainer), to: tos(f.inContainer) }));
  if (f.dockerdNeeds.length > 0) {
    if (f.dockerd?.scope) {
      parts.push(message('engine-dns:embedded.dockerd', { from: froms(f.dockerdNeeds), cgroup: f.dockerd.scope, to: tos(f.dockerdNeeds) }));
    } else {
      const why = f.dockerd ? message('engine-dns:embedded.cannotRedirect', { problem: f.dockerd.problem ?? message('engine-dns:unknown') }) : message('engine-dns:embedded.scopeNotRead');
      return message('engine-dns:embedded.dockerdBlocked', { from: froms(f.dockerdNeeds), why, hostServers: serverList(f.hostServers) });
    }
  }
  const [first, second] = parts;
  if (first && second) return message('engine-dns:embedded.both', { first, second });
  if (first) return first;
  if (f.synced && f.hadRedirects) return message('engine-dns:embedded.back', { servers: serverList(f.servers) });
  if (f.synced) return message('engine-dns:embedded.follows', { servers: serverList(f.servers) });
  return message('engine-dns:embedded.stale', { servers: serverList(f.servers), desired: serverList(f.desired) });
}

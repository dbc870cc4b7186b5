// The one sentence a container on Docker's embedded resolver gets in the DNS view: where its
// resolver forwards, what Bridgeport redirects and where, or why nothing can be. Pure.
import type { Redirect } from './embedded-upstreams';

/** Whether dockerd's queries can be redirected on the host (the helper's finding), when read. */
export interface DockerdScopeView {
  scope: string | null;
  problem: string | null;
}

const list = (servers: readonly string[]) => (servers.length > 0 ? servers.join(', ') : 'none');

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

export function embeddedNote(f: EmbeddedNoteFacts): string {
  const tos = (redirects: readonly Redirect[]) => list([...new Set(redirects.map((r) => r.to))]);
  const froms = (redirects: readonly Redirect[]) => list(redirects.map((r) => r.from));
  if (f.ownResolver) return `Docker's resolver asks the host's own resolver (${list(f.servers)}), which follows the host's DNS`;
  const parts: string[] = [];
  if (f.inContainer.length > 0) parts.push(`Docker's resolver forwards to ${froms(f.inContainer)}; Bridgeport redirects that to ${tos(f.inContainer)} in its namespace`);
  if (f.dockerdNeeds.length > 0) {
    if (f.dockerd?.scope) {
      parts.push(`dockerd asks ${froms(f.dockerdNeeds)} for it from the host's namespace; Bridgeport redirects dockerd's queries (cgroup ${f.dockerd.scope}) to ${tos(f.dockerdNeeds)}`);
    } else {
      const why = f.dockerd ? `Bridgeport cannot redirect them there: ${f.dockerd.problem ?? 'unknown'}` : "whether they can be redirected there was not read";
      return `Docker's resolver asks ${froms(f.dockerdNeeds)} from dockerd's (the host's) namespace, and ${why}: restart it to pick up the host's DNS (${list(f.hostServers)})`;
    }
  }
  if (parts.length > 0) return parts.join('; ');
  if (f.synced && f.hadRedirects) return `Docker's resolver is back on the host's DNS (${list(f.servers)}); Bridgeport's redirect is removed`;
  if (f.synced) return `Docker's resolver forwards to the host's DNS (${list(f.servers)})`;
  return `Docker's resolver forwards to ${list(f.servers)}, which cannot be redirected to ${list(f.desired)}: restart it to pick up the host's DNS`;
}


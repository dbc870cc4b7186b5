// Decides whether a publish request can be honoured, before anything changes, and says why not in
// one sentence. Pure: a function of the request and what the host and Docker look like now.
import type { Container, Network } from '../../../shared/model';
import type { Mapping, PublishRequest } from '../../../shared/publish-model';
import type { Listener } from '../host/parse-listeners';

export class PublishRefused extends Error {
  override name = 'PublishRefused';
  /** Nothing was changed (see src/shared/errors.ts). */
  readonly kind = 'refused' as const;
}

export interface PublishContext {
  containers: readonly Container[];
  networks: readonly Network[];
  mappings: readonly Mapping[];
  listeners: readonly Listener[];
  /** IPv4 addresses of the host's own links, without prefix length. */
  hostAddresses: readonly string[];
}

export interface PublishTarget {
  container: Container;
  network: Network;
  hostIp: string;
}

const ANY = new Set(['', '0.0.0.0', '::', '*']);

/** Docker's lookup order: exact id, exact name, then a unique id prefix. */
export function findContainer(ref: string, containers: readonly Container[]): Container {
  const exact = containers.find((c) => c.id === ref || c.name === ref);
  if (exact) return exact;
  const byPrefix = /^[0-9a-f]{4,64}$/.test(ref) ? containers.filter((c) => c.id.startsWith(ref)) : [];
  if (byPrefix.length === 1) return byPrefix[0]!;
  if (byPrefix.length > 1) throw new PublishRefused(`"${ref}" matches ${byPrefix.length} containers: give more of the id`);
  throw new PublishRefused(`no container named or with id "${ref}"`);
}

function chooseNetwork(container: Container, networks: readonly Network[], wanted: string | undefined): Network {
  const bridges = container.endpoints
    .map((e) => networks.find((n) => n.name === e.network))
    .filter((n): n is Network => n !== undefined && n.bridge !== null);
  if (wanted !== undefined) {
    const chosen = bridges.find((n) => n.name === wanted);
    if (!chosen) throw new PublishRefused(`container ${container.name} is not on bridge network "${wanted}"${bridges.length ? ` (it is on ${bridges.map((n) => n.name).join(', ')})` : ''}`);
    return chosen;
  }
  if (bridges.length === 0) throw new PublishRefused(`container ${container.name} is not on a bridge network: only containers on bridge networks can have ports published`);
  return bridges[0]!;
}

function checkContainer(container: Container): void {
  if (container.networkMode === 'host') throw new PublishRefused(`container ${container.name} uses the host's network (--network host): its ports already are the host's`);
  if (container.networkMode === 'none') throw new PublishRefused(`container ${container.name} has no network (--network none)`);
  if (container.networkMode === 'container') throw new PublishRefused(`container ${container.name} shares another container's network: publish on that container`);
  if (container.pid === null) throw new PublishRefused(`container ${container.name} is ${container.state}: only a running container can have a port published`);
}

function checkHostIp(hostIp: string, hostAddresses: readonly string[]): string {
  if (ANY.has(hostIp)) return '';
  if (hostIp === '127.0.0.1' || hostAddresses.includes(hostIp)) return hostIp;
  throw new PublishRefused(`${hostIp} is not an address of this host (it has 127.0.0.1${hostAddresses.length ? `, ${hostAddresses.join(', ')}` : ''})`);
}

const overlaps = (a1: number, a2: number, b1: number, b2: number) => a1 <= b2 && b1 <= a2;
const ipsOverlap = (a: string, b: string) => ANY.has(a) || ANY.has(b) || a === b;
const portText = (r: { hostPort: number; hostPortEnd: number; protocol: string }) =>
  `${r.hostPort === r.hostPortEnd ? r.hostPort : `${r.hostPort}-${r.hostPortEnd}`}/${r.protocol}`;

function checkConflicts(request: { hostIp: string; hostPort: number; hostPortEnd: number; protocol: string }, ctx: PublishContext): void {
  const { hostIp, hostPort, hostPortEnd, protocol } = request;
  for (const c of ctx.containers) {
    const clash = c.ports.find((p) => p.protocol === protocol && overlaps(p.hostPort, p.hostPort, hostPort, hostPortEnd) && ipsOverlap(p.hostIp, hostIp));
    if (clash) throw new PublishRefused(`host port ${clash.hostPort}/${protocol} is already published by Docker for container ${c.name}${c.pid === null ? ' (stopped; it binds the port when it starts)' : ''}`);
  }
  for (const m of ctx.mappings) {
    if (m.protocol === protocol && overlaps(m.hostPort, m.hostPortEnd, hostPort, hostPortEnd) && ipsOverlap(m.hostIp, hostIp)) {
      throw new PublishRefused(`host port ${portText(m)} is already published by Bridgeport for container ${m.container.name}`);
    }
  }
  const busy = ctx.listeners.find((l) => l.protocol === protocol && overlaps(l.port, l.port, hostPort, hostPortEnd) && ipsOverlap(l.address, hostIp));
  if (busy) {
    const who = busy.process ? `${busy.process}${busy.pid ? ` (pid ${busy.pid})` : ''}` : 'a process';
    throw new PublishRefused(`host port ${busy.port}/${protocol} is in use by ${who} listening on ${busy.address}; publishing it would take that process's connections away`);
  }
}

export function checkPublish(request: PublishRequest, ctx: PublishContext): PublishTarget {
  const container = findContainer(request.container, ctx.containers);
  checkContainer(container);
  const network = chooseNetwork(container, ctx.networks, request.network);
  const hostIp = checkHostIp(request.hostIp, ctx.hostAddresses);
  checkConflicts({ hostIp, hostPort: request.hostPort, hostPortEnd: request.hostPortEnd ?? request.hostPort, protocol: request.protocol }, ctx);
  return { container, network, hostIp };
}

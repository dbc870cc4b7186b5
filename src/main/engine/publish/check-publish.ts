// Decides whether a publish request can be honoured, before anything changes, and says why not in
// one sentence. Pure: a function of the request and what the host and Docker look like now.
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message } from '../../../shared/message';
import type { Container, Network } from '../../../shared/model';
import type { Mapping, PublishRequest } from '../../../shared/publish-model';
import type { Listener } from '../host/parse-listeners';

export class PublishRefused extends Error {
  override name = 'PublishRefused';
  /** Nothing was changed (see src/shared/errors.ts). */
  readonly kind = 'refused' as const;
  /** The sentence as a message (engine-errors), when it was said as one; `message` is its English. */
  readonly said?: Message;
  constructor(said: Message | string) {
    super(typeof said === 'string' ? said : inEnglish(said));
    if (typeof said !== 'string') this.said = said;
  }
}

const refusal = (key: string, params: Parameters<typeof message>[1] = {}) => new PublishRefused(message(`engine-errors:publish.${key}`, params));

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
  if (byPrefix.length > 1) throw refusal('ambiguous', { ref, matches: byPrefix.length });
  throw refusal('noContainer', { ref });
}

function chooseNetwork(container: Container, networks: readonly Network[], wanted: string | undefined): Network {
  const bridges = container.endpoints
    .map((e) => networks.find((n) => n.name === e.network))
    .filter((n): n is Network => n !== undefined && n.bridge !== null);
  if (wanted !== undefined) {
    const chosen = bridges.find((n) => n.name === wanted);
    if (!chosen && bridges.length) throw refusal('notOnNamedBridgeButOn', { container: container.name, network: wanted, networks: bridges.map((n) => n.name).join(', ') });
    if (!chosen) throw refusal('notOnNamedBridge', { container: container.name, network: wanted });
    return chosen;
  }
  if (bridges.length === 0) throw refusal('notOnBridge', { container: container.name });
  return bridges[0]!;
}

function checkContainer(container: Container): void {
  if (container.networkMode === 'host') throw refusal('hostNetwork', { container: container.name });
  if (container.networkMode === 'none') throw refusal('noNetwork', { container: container.name });
  if (container.networkMode === 'container') throw refusal('sharedNetwork', { container: container.name });
  if (container.pid === null) throw refusal('notRunning', { container: container.name, state: container.state });
}

function checkHostIp(hostIp: string, hostAddresses: readonly string[]): string {
  if (ANY.has(hostIp)) return '';
  if (hostIp === '127.0.0.1' || hostAddresses.includes(hostIp)) return hostIp;
  throw refusal('notHostAddress', { address: hostIp, addresses: ['127.0.0.1', ...hostAddresses].join(', ') });
}

const overlaps = (a1: number, a2: number, b1: number, b2: number) => a1 <= b2 && b1 <= a2;
const ipsOverlap = (a: string, b: string) => ANY.has(a) || ANY.has(b) || a === b;
const portText = (r: { hostPort: number; hostPortEnd: number; protocol: string }) =>
  `${r.hostPort === r.hostPortEnd ? r.hostPort : `${r.hostPort}-${r.hostPortEnd}`}/${r.protocol}`;

function checkConflicts(request: { hostIp: string; hostPort: number; hostPortEnd: number; protocol: string }, ctx: PublishContext): void {
  const { hostIp, hostPort, hostPortEnd, protocol } = request;
  for (const c of ctx.containers) {
    const clash = c.ports.find((p) => p.protocol === protocol && overlaps(p.hostPort, p.hostPort, hostPort, hostPortEnd) && ipsOverlap(p.hostIp, hostIp));
    if (clash) throw refusal(c.pid === null ? 'publishedByDockerStopped' : 'publishedByDocker', { port: `${clash.hostPort}/${protocol}`, container: c.name });
  }
  for (const m of ctx.mappings) {
    if (m.protocol === protocol && overlaps(m.hostPort, m.hostPortEnd, hostPort, hostPortEnd) && ipsOverlap(m.hostIp, hostIp)) {
      throw refusal('publishedByBridgeport', { port: portText(m), container: m.container.name });
    }
  }
  const busy = ctx.listeners.find((l) => l.protocol === protocol && overlaps(l.port, l.port, hostPort, hostPortEnd) && ipsOverlap(l.address, hostIp));
  if (busy) {
    const who = !busy.process
      ? message('engine-errors:publish.who.unknown')
      : busy.pid
        ? message('engine-errors:publish.who.processWithPid', { process: busy.process, pid: busy.pid })
        : message('engine-common:text', { text: busy.process });
    throw refusal('portInUse', { port: `${busy.port}/${protocol}`, who, address: busy.address });
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

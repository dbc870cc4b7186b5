// What a ports.apply request may ask, checked against the host's own facts. Pure: the links, the
// listening sockets and the owners of bridges are read by the privileged side and passed in.
import { addressPart, cidrContains, formatIpv4, parseCidr, parseIpv4 } from '../addresses/ipv4';
import type { Listener } from '../host/parse-listeners';
import type { HostLink } from './host-links';

/** At most this many mappings, and this many host ports in all, per request. */
export const MAX_MAPPINGS = 256;
export const MAX_TOTAL_PORTS = 4096;

/** Processes that hold a host port on a container engine's behalf: their ports are the engine's, not the host's. */
export const ENGINE_PORT_HOLDERS: ReadonlySet<string> = new Set(['docker-proxy', 'conmon', 'rootlessport', 'rootlessport-ch', 'rootlessport-child']);

interface MappingShape {
  protocol: 'tcp' | 'udp';
  hostIp: string;
  hostPort: number;
  hostPortEnd: number;
  containerIp: string;
  bridge: string;
  subnet: string;
}

const refused = (message: string) => `${message}; refused`;

/** The caps on the size of one request. */
export function checkRequestSize(mappings: readonly Pick<MappingShape, 'hostPort' | 'hostPortEnd'>[]): string | null {
  if (mappings.length > MAX_MAPPINGS) return refused(`${mappings.length} mappings in one request (at most ${MAX_MAPPINGS})`);
  const ports = mappings.reduce((n, m) => n + m.hostPortEnd - m.hostPort + 1, 0);
  if (ports > MAX_TOTAL_PORTS) return refused(`${ports} host ports in one request (at most ${MAX_TOTAL_PORTS})`);
  return null;
}

/** Null when `subnet` is the network of an IPv4 address on the bridge (never 0.0.0.0/0: no bridge has a /0). */
export function ownNetworkProblem(subnet: string, bridge: Pick<HostLink, 'name' | 'ipv4'>): string | null {
  const own = bridge.ipv4.some((a) => {
    const cidr = parseCidr(a);
    return cidr !== null && cidr.prefix > 0 && `${formatIpv4(cidr.network)}/${cidr.prefix}` === subnet;
  });
  if (own) return null;
  const has = bridge.ipv4.length > 0 ? bridge.ipv4.join(', ') : 'no IPv4 address';
  return refused(`subnet ${subnet} is not the network of bridge ${bridge.name} (it has ${has})`);
}

/** The subnet is the bridge's own IPv4 network and the container address a host inside it. */
export function checkMappingAddresses(m: MappingShape, bridge: HostLink): string | null {
  const notOwn = ownNetworkProblem(m.subnet, bridge);
  if (notOwn !== null) return notOwn;
  const cidr = parseCidr(m.subnet)!;
  const ip = parseIpv4(m.containerIp);
  if (ip === null || !cidrContains(cidr, ip)) return refused(`container address ${m.containerIp} is not inside ${m.subnet}, the network of bridge ${m.bridge}`);
  const broadcast = cidr.prefix >= 31 ? null : cidr.network + 2 ** (32 - cidr.prefix) - 1;
  if (cidr.prefix < 31 && ip === cidr.network) return refused(`container address ${m.containerIp} is the network address of ${m.subnet}`);
  if (ip === broadcast) return refused(`container address ${m.containerIp} is the broadcast address of ${m.subnet}`);
  if (bridge.ipv4.some((a) => addressPart(a) === m.containerIp)) return refused(`container address ${m.containerIp} is bridge ${m.bridge}'s own address, not a container's`);
  return null;
}

const WILDCARD = new Set(['0.0.0.0', '*', '::', '']);

/** A host process (not an engine's port holder) listening on a host port of the mapping. */
export function hostPortConflict(m: Pick<MappingShape, 'protocol' | 'hostIp' | 'hostPort' | 'hostPortEnd'>, listeners: readonly Listener[]): string | null {
  for (const l of listeners) {
    if (l.protocol !== m.protocol || l.port < m.hostPort || l.port > m.hostPortEnd) continue;
    if (l.process !== null && ENGINE_PORT_HOLDERS.has(l.process)) continue;
    // An IPv6-only listener is not in the way of an IPv4 DNAT.
    if (l.address.includes(':') && l.address !== '::' && !l.address.startsWith('::ffff:')) continue;
    const address = l.address.replace(/^::ffff:/, '');
    if (m.hostIp !== '' && !WILDCARD.has(address) && address !== m.hostIp) continue;
    const who = l.process === null ? 'a socket of unknown owner' : `${l.process} (pid ${l.pid ?? '?'})`;
    return refused(`host port ${l.port}/${m.protocol} is in use by ${who} listening on ${l.address || '*'}, a host process, not a container engine's`);
  }
  return null;
}

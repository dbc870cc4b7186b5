// What the firewall views need to know of Docker to attribute rules. Built from a snapshot.
import type { Snapshot } from '../../../shared/model';

export interface DockerFacts {
  /** Container by each of its IPv4 addresses (no prefix length). */
  containerByIp: Map<string, { id: string; name: string }>;
  /** Host bridges of Docker networks (docker0, br-…). */
  bridges: Set<string>;
  /** Subnets of Docker networks, as written by Docker (a.b.c.d/len). */
  subnets: Set<string>;
  /** Container by published port, keyed `proto/hostIp/hostPort` (hostIp 0.0.0.0 for all). */
  containerByPublishedPort: Map<string, { id: string; name: string }>;
  /** Container by its full id (netavark's iptables DNAT comments name it). */
  containerById?: Map<string, { id: string; name: string }>;
}

export const publishedPortKey = (protocol: string, hostIp: string, port: number) => `${protocol}/${hostIp}/${port}`;

export function dockerFacts(snapshot: Pick<Snapshot, 'containers' | 'networks'>): DockerFacts {
  const containerByIp = new Map<string, { id: string; name: string }>();
  for (const c of snapshot.containers) {
    for (const e of c.endpoints) if (e.ip) containerByIp.set(e.ip.split('/')[0]!, { id: c.id, name: c.name });
  }
  const containerByPublishedPort = new Map<string, { id: string; name: string }>();
  for (const c of snapshot.containers) {
    for (const p of c.ports) containerByPublishedPort.set(publishedPortKey(p.protocol, p.hostIp, p.hostPort), { id: c.id, name: c.name });
  }
  return {
    containerByIp,
    containerById: new Map(snapshot.containers.map((c) => [c.id, { id: c.id, name: c.name }])),
    containerByPublishedPort,
    bridges: new Set(snapshot.networks.map((n) => n.bridge).filter((b): b is string => b !== null)),
    subnets: new Set(snapshot.networks.flatMap((n) => n.subnets.map((s) => s.subnet))),
  };
}

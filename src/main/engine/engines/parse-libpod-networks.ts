// Podman's own network list (libpod API): unlike the Docker-compatible list it names the real host
// bridge (network_interface: podman0, podman1 …) and says whether aardvark-dns serves the network.
// Pure: no I/O.
import { z } from 'zod';
import type { Container, EngineRef, Network } from '../../../shared/model';

const libpodNetworkSchema = z.looseObject({
  name: z.string(),
  id: z.string(),
  driver: z.string().default(''),
  network_interface: z.string().default(''),
  subnets: z
    .array(z.looseObject({ subnet: z.string(), gateway: z.string().optional() }))
    .nullable()
    .default([]),
  internal: z.boolean().default(false),
  dns_enabled: z.boolean().default(false),
  /** `podman network create --dns`: aardvark-dns forwards this network's queries there, not to the host's servers. */
  network_dns_servers: z.array(z.string()).nullable().default([]),
  options: z.record(z.string(), z.string()).nullable().default({}),
});

export type LibpodNetwork = z.infer<typeof libpodNetworkSchema>;

export function parseLibpodNetworkList(json: unknown): LibpodNetwork[] {
  return z.array(libpodNetworkSchema).parse(json ?? []);
}

/** Podman's compat inspect names a network by id, by name, or both, depending on the version. */
const memberOf = (n: LibpodNetwork) => (c: Container) =>
  c.pid !== null && c.endpoints.some((e) => e.networkId === n.id || (e.networkId === '' && e.network === n.name) || e.networkId === n.name);

/**
 * A rootless engine's bridges live in its user namespace, not on this host: no bridge is named for
 * them (a name here would point at a host link that is not it, or at none).
 */
export function toNetwork(n: LibpodNetwork, containers: readonly Container[], engine: EngineRef, rootless: boolean): Network {
  const onHostBridge = n.driver === 'bridge' && !rootless && n.network_interface !== '';
  return {
    id: n.id,
    name: n.name,
    driver: n.driver,
    scope: 'local',
    bridge: onHostBridge ? n.network_interface : null,
    subnets: (n.subnets ?? []).map((s) => ({ subnet: s.subnet, gateway: s.gateway ?? null })),
    options: n.options ?? {},
    internal: n.internal,
    containers: containers.filter(memberOf(n)).map((c) => c.id),
    engine,
  };
}

/** The upstreams a network with DNS on has of its own (`--dns` at creation): network name → servers. */
export function networkDnsServers(networks: readonly LibpodNetwork[]): Map<string, string[]> {
  return new Map(networks.filter((n) => n.dns_enabled && (n.network_dns_servers ?? []).length > 0).map((n) => [n.name, [...(n.network_dns_servers ?? [])]]));
}

/** aardvark-dns answers on the gateway of every network with DNS on: network name → those addresses. */
export function aardvarkServers(networks: readonly LibpodNetwork[]): Map<string, string[]> {
  const servers = new Map<string, string[]>();
  for (const n of networks) {
    if (!n.dns_enabled) continue;
    const gateways = (n.subnets ?? []).map((s) => s.gateway).filter((g): g is string => Boolean(g));
    if (gateways.length > 0) servers.set(n.name, gateways);
  }
  return servers;
}

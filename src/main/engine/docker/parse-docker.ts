// Turns Docker API JSON (container inspect, network list) into model types. Pure: no I/O.
// Schemas are loose on purpose: fields vary across Engine API versions and only these are needed.
import { z } from 'zod';
import type { Container, Endpoint, Network, PortBinding } from '../../../shared/model';

const endpointSettingsSchema = z.looseObject({
  NetworkID: z.string().default(''),
  IPAddress: z.string().default(''),
  IPPrefixLen: z.number().default(0),
  MacAddress: z.string().default(''),
  Gateway: z.string().default(''),
});

const bindingsSchema = z
  .record(z.string(), z.array(z.looseObject({ HostIp: z.string().default(''), HostPort: z.string().default('') })).nullable())
  .nullable()
  .default({});

const containerInspectSchema = z.looseObject({
  Id: z.string(),
  Name: z.string().default(''),
  Config: z.looseObject({ Image: z.string().default('') }).default({ Image: '' }),
  State: z
    .looseObject({ Status: z.string().default('unknown'), Pid: z.number().default(0), Running: z.boolean().default(false) })
    .default({ Status: 'unknown', Pid: 0, Running: false }),
  HostConfig: z
    .looseObject({ NetworkMode: z.string().default('default'), PortBindings: bindingsSchema })
    .default({ NetworkMode: 'default', PortBindings: {} }),
  NetworkSettings: z
    .looseObject({ Networks: z.record(z.string(), endpointSettingsSchema).nullable().default({}), Ports: bindingsSchema })
    .default({ Networks: {}, Ports: {} }),
});

const networkSchema = z.looseObject({
  Id: z.string(),
  Name: z.string(),
  Driver: z.string().default(''),
  Scope: z.string().default('local'),
  Internal: z.boolean().default(false),
  Options: z.record(z.string(), z.string()).nullable().default({}),
  IPAM: z
    .looseObject({
      Config: z
        .array(z.looseObject({ Subnet: z.string().optional(), Gateway: z.string().optional() }))
        .nullable()
        .default([]),
    })
    .default({ Config: [] }),
});

function networkModeOf(mode: string): Container['networkMode'] {
  if (mode === 'default' || mode === 'bridge') return 'bridge';
  if (mode === 'host' || mode === 'none') return mode;
  if (mode.startsWith('container:')) return 'container';
  return 'custom';
}

function orNull(value: string): string | null {
  return value === '' ? null : value;
}

type Bindings = z.infer<typeof bindingsSchema>;

/** "80/tcp": [{HostIp, HostPort}] → one binding per host port; an empty HostIp means every address. */
function portsOf(bindings: Bindings): PortBinding[] {
  const ports: PortBinding[] = [];
  for (const [key, list] of Object.entries(bindings ?? {})) {
    const [port, proto = 'tcp'] = key.split('/');
    const protocol = proto === 'udp' || proto === 'sctp' ? proto : 'tcp';
    for (const b of list ?? []) {
      const hostPort = Number(b.HostPort);
      // A stopped container's "-p 80" has no host port yet: Docker picks one when it starts.
      if (!Number.isInteger(hostPort) || hostPort <= 0) continue;
      ports.push({ hostIp: b.HostIp || '0.0.0.0', hostPort, containerPort: Number(port), protocol });
    }
  }
  return ports.sort((a, b) => a.hostPort - b.hostPort || a.hostIp.localeCompare(b.hostIp));
}

/** `docker ps` shows "Up 3 minutes"; the inspect API has no such text, so state doubles as status. */
export function parseContainerInspect(json: unknown): Container {
  const c = containerInspectSchema.parse(json);
  const endpoints: Endpoint[] = Object.entries(c.NetworkSettings.Networks ?? {}).map(([network, e]) => ({
    network,
    networkId: e.NetworkID,
    ip: e.IPAddress ? `${e.IPAddress}/${e.IPPrefixLen}` : null,
    mac: orNull(e.MacAddress.toLowerCase()),
    gateway: orNull(e.Gateway),
    hostVeth: null,
    interface: null,
  }));
  const running = c.State.Running;
  return {
    id: c.Id,
    name: c.Name.replace(/^\//, ''),
    image: c.Config.Image,
    state: c.State.Status,
    status: c.State.Status,
    networkMode: networkModeOf(c.HostConfig.NetworkMode),
    pid: running && c.State.Pid > 0 ? c.State.Pid : null,
    endpoints: endpoints.sort((a, b) => a.network.localeCompare(b.network)),
    ports: portsOf(running ? c.NetworkSettings.Ports : c.HostConfig.PortBindings),
    links: null,
  };
}

/** The host bridge Docker uses for a bridge network: its option, docker0 for the default one, else br-<id12>. */
function bridgeNameOf(driver: string, name: string, id: string, options: Record<string, string>): string | null {
  if (driver !== 'bridge') return null;
  const configured = options['com.docker.network.bridge.name'];
  if (configured) return configured;
  return name === 'bridge' ? 'docker0' : `br-${id.slice(0, 12)}`;
}

/** Network membership comes from the containers (running ones), as `docker network inspect` lists them. */
export function parseNetwork(json: unknown, containers: readonly Container[]): Network {
  const n = networkSchema.parse(json);
  const options = n.Options ?? {};
  return {
    id: n.Id,
    name: n.Name,
    driver: n.Driver,
    scope: n.Scope,
    bridge: bridgeNameOf(n.Driver, n.Name, n.Id, options),
    subnets: (n.IPAM.Config ?? [])
      .filter((s) => s.Subnet)
      .map((s) => ({ subnet: s.Subnet ?? '', gateway: s.Gateway ?? null })),
    options,
    internal: n.Internal,
    containers: containers
      .filter((c) => c.pid !== null && c.endpoints.some((e) => e.networkId === n.Id))
      .map((c) => c.id),
  };
}

// Turns `docker network inspect` and `docker inspect` (container) JSON into what the Networks view
// shows and what the network checks need. Pure: no I/O. Schemas are loose: fields vary across
// Engine API versions and only these are read.
import { z } from 'zod';
import type { NetworkDetail } from '../../../shared/network-model';
import type { KernelLink } from '../host/kernel-link';
import { containsAddress, looseBlock, strictIpv4 } from './ipv4-block';
import { effectiveOptions, OPT } from './network-options';

const networkInspectSchema = z.looseObject({
  Id: z.string(),
  Name: z.string(),
  Driver: z.string().default(''),
  Scope: z.string().default('local'),
  Internal: z.boolean().default(false),
  Attachable: z.boolean().default(false),
  Options: z.record(z.string(), z.string()).nullable().default({}),
  IPAM: z
    .looseObject({
      Config: z
        .array(z.looseObject({ Subnet: z.string().optional(), Gateway: z.string().optional(), IPRange: z.string().optional() }))
        .nullable()
        .default([]),
    })
    .default({ Config: [] }),
  Containers: z
    .record(z.string(), z.looseObject({ Name: z.string().default(''), IPv4Address: z.string().default('') }))
    .nullable()
    .default({}),
});

const endpointSchema = z.looseObject({
  NetworkID: z.string().default(''),
  IPAddress: z.string().default(''),
  IPAMConfig: z.looseObject({ IPv4Address: z.string().optional() }).nullable().default(null),
  Aliases: z.array(z.string()).nullable().default(null),
});

const containerInspectSchema = z.looseObject({
  Id: z.string(),
  Name: z.string().default(''),
  State: z.looseObject({ Running: z.boolean().default(false), Status: z.string().default('unknown') }).default({ Running: false, Status: 'unknown' }),
  HostConfig: z.looseObject({ NetworkMode: z.string().default('default') }).default({ NetworkMode: 'default' }),
  NetworkSettings: z.looseObject({ Networks: z.record(z.string(), endpointSchema).nullable().default({}) }).default({ Networks: {} }),
});

/** A container's place on one network, running or not. */
export interface Membership {
  network: string;
  networkId: string;
  /** The address it has now (running), without prefix. */
  ipv4: string | null;
  /** The address asked for with --ip: a stopped container takes it when it starts. */
  configuredIpv4: string | null;
  aliases: string[];
}

/** A container as the network checks see it. */
export interface Member {
  id: string;
  name: string;
  running: boolean;
  state: string;
  /** HostConfig.NetworkMode: default, bridge, host, none, container:<id> or a network name. */
  networkMode: string;
  memberships: Membership[];
}

export function parseMember(json: unknown): Member {
  const c = containerInspectSchema.parse(json);
  const shortId = c.Id.slice(0, 12);
  return {
    id: c.Id,
    name: c.Name.replace(/^\//, ''),
    running: c.State.Running,
    state: c.State.Status,
    networkMode: c.HostConfig.NetworkMode,
    memberships: Object.entries(c.NetworkSettings.Networks ?? {})
      // A running container's entry without a network id is a leftover of a failed connect (Docker 20.10 keeps it): not a membership.
      .filter(([, e]) => !c.State.Running || e.NetworkID !== '')
      .map(([network, e]) => ({
        network,
        networkId: e.NetworkID,
        ipv4: e.IPAddress || null,
        configuredIpv4: e.IPAMConfig?.IPv4Address || null,
        // Docker 20.10 adds the short id as an alias on user-defined networks; newer ones list it under DNSNames. Only the user's aliases are shown.
        aliases: (e.Aliases ?? []).filter((a) => a !== shortId),
      }))
      .sort((a, b) => a.network.localeCompare(b.network)),
  };
}

/** The built-ins: host, none and the default bridge (docker0). */
function isBuiltIn(name: string, driver: string, options: Record<string, string>): boolean {
  if (options[OPT.defaultBridge] === 'true') return true;
  return (name === 'host' && driver === 'host') || (name === 'none' && driver === 'null') || (name === 'bridge' && driver === 'bridge');
}

function bridgeOf(driver: string, name: string, id: string, options: Record<string, string>): string | null {
  if (driver !== 'bridge') return null;
  return options[OPT.bridgeName] || (name === 'bridge' ? 'docker0' : `br-${id.slice(0, 12)}`);
}

/** Docker 20.10 reports no gateway for the default bridge; the bridge's own address in the subnet is it. */
function gatewayFromLink(subnet: string, bridge: string | null, links: readonly KernelLink[]): string | null {
  const block = looseBlock(subnet);
  const link = bridge ? links.find((l) => l.name === bridge) : undefined;
  if (!block || !link) return null;
  const address = link.addresses.map((a) => a.split('/')[0]!).find((a) => {
    const n = strictIpv4(a);
    return n !== null && containsAddress(block, n);
  });
  return address ?? null;
}

/** One network as the Networks view shows it; aliases come from the containers' own inspect. */
export function parseNetworkDetail(json: unknown, members: readonly Member[], links: readonly KernelLink[]): NetworkDetail {
  const n = networkInspectSchema.parse(json);
  const options = n.Options ?? {};
  const bridge = bridgeOf(n.Driver, n.Name, n.Id, options);
  const isMacOrIp = n.Driver === 'macvlan' || n.Driver === 'ipvlan';
  const containers = Object.entries(n.Containers ?? {}).map(([id, e]) => {
    const member = members.find((m) => m.id === id);
    const membership = member?.memberships.find((m) => m.networkId === n.Id || m.network === n.Name);
    return { id, name: e.Name || member?.name || id.slice(0, 12), ipv4: e.IPv4Address ? e.IPv4Address.split('/')[0]! : null, aliases: membership?.aliases ?? [] };
  });
  return {
    id: n.Id,
    name: n.Name,
    driver: n.Driver,
    scope: n.Scope,
    builtIn: isBuiltIn(n.Name, n.Driver, options),
    subnets: (n.IPAM.Config ?? [])
      .filter((s) => s.Subnet)
      .map((s) => ({ subnet: s.Subnet!, gateway: s.Gateway || gatewayFromLink(s.Subnet!, bridge, links), ipRange: s.IPRange || null })),
    bridge,
    parent: isMacOrIp ? (options[OPT.parent] ?? null) : null,
    options,
    internal: n.Internal,
    attachable: n.Attachable,
    ...effectiveOptions(n.Driver, options),
    containers: containers.sort((a, b) => a.name.localeCompare(b.name)),
  };
}

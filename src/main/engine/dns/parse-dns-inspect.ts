// The DNS-relevant part of a `docker inspect` of a container: where its files are, how it is
// networked, what it was started with. Pure.
import { z } from 'zod';

const strings = z
  .array(z.string())
  .nullish()
  .transform((v) => v ?? []);

const inspectSchema = z.looseObject({
  Id: z.string(),
  Name: z.string(),
  ResolvConfPath: z.string().nullish(),
  HostsPath: z.string().nullish(),
  State: z.looseObject({ Running: z.boolean().optional(), Pid: z.number().optional(), StartedAt: z.string().optional() }),
  Config: z.looseObject({ Hostname: z.string().optional(), Domainname: z.string().optional() }),
  HostConfig: z.looseObject({
    NetworkMode: z.string().optional(),
    Dns: strings,
    DnsSearch: strings,
    DnsOptions: strings,
    ExtraHosts: strings,
    Links: strings,
  }),
  NetworkSettings: z.looseObject({
    Networks: z
      .record(z.string(), z.looseObject({ IPAddress: z.string().optional(), GlobalIPv6Address: z.string().optional() }))
      .nullish()
      .transform((v) => v ?? {}),
  }),
});

export interface DnsInspect {
  container: { id: string; name: string };
  resolvConfPath: string | null;
  hostsPath: string | null;
  running: boolean;
  pid: number;
  startedAt: string;
  hostname: string;
  networkMode: string;
  networks: string[];
  ownAddresses: string[];
  ipv6: boolean;
  custom: { dns: string[]; search: string[]; options: string[] };
  extraHosts: string[];
  links: string[];
}

export function parseDnsInspect(json: unknown): DnsInspect {
  const c = inspectSchema.parse(json);
  const networks = Object.entries(c.NetworkSettings.Networks);
  const running = c.State.Running === true;
  return {
    container: { id: c.Id, name: c.Name.replace(/^\//, '') },
    resolvConfPath: c.ResolvConfPath || null,
    hostsPath: c.HostsPath || null,
    running,
    pid: running ? (c.State.Pid ?? 0) : 0,
    startedAt: c.State.StartedAt ?? '',
    hostname: [c.Config.Hostname, c.Config.Domainname].filter(Boolean).join('.'),
    networkMode: c.HostConfig.NetworkMode ?? 'default',
    networks: networks.map(([name]) => name),
    ownAddresses: networks.flatMap(([, n]) => [n.IPAddress, n.GlobalIPv6Address].filter((a): a is string => Boolean(a))),
    ipv6: networks.some(([, n]) => Boolean(n.GlobalIPv6Address)),
    custom: { dns: c.HostConfig.Dns, search: c.HostConfig.DnsSearch, options: c.HostConfig.DnsOptions },
    extraHosts: c.HostConfig.ExtraHosts,
    links: c.HostConfig.Links,
  };
}

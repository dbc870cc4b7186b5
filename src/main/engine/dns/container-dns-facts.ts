// One container's facts for the DNS policy, from its inspect and what was read of its files and
// namespace. Pure: gather-dns-facts does the reading.
import { parseHostsFile } from './hosts-file';
import type { DnsInspect } from './parse-dns-inspect';
import type { ContainerDnsFacts } from './plan-dns-sync';

export interface ContainerReads {
  /** The container's resolv.conf and Docker's hash of it; null when unread. */
  resolvConf: ContainerDnsFacts['resolvConf'];
  /** The container's hosts file; null when unread. */
  hostsText: string | null;
  /** Bridgeport's redirects in its namespace now. */
  redirects: ContainerDnsFacts['currentRedirects'];
  /** Podman only: where aardvark-dns answers, and the upstreams set on its networks. */
  podman?: ContainerDnsFacts['podman'];
}

export function containerDnsFacts(c: DnsInspect, read: ContainerReads): ContainerDnsFacts {
  return {
    container: c.container,
    networkMode: c.networkMode,
    networks: c.networks,
    running: c.running,
    startedAt: c.startedAt,
    hostname: c.hostname,
    custom: c.custom,
    ipv6: c.ipv6,
    resolvConf: read.resolvConf,
    hosts: read.hostsText === null ? [] : parseHostsFile(read.hostsText, { hostname: c.hostname, ownAddresses: c.ownAddresses, extraHosts: c.extraHosts, links: c.links }),
    currentRedirects: read.redirects,
    ...(read.podman ? { podman: read.podman } : {}),
  };
}

// What the publish form offers: the containers a port can be published on (running, on a bridge
// network) and the host addresses to listen on. Pure: a function of the snapshot.
import type { Container, Link, Network, Snapshot } from '../../../../shared/model';

/** The value the host IP field uses for "every address of the host" (the request sends ''). */
export const ALL_ADDRESSES = '0.0.0.0';

export interface OfferedContainer {
  name: string;
  /** Its bridge networks, in the order the engine picks the default from (first one). */
  networks: string[];
}

export interface HostIpOption {
  value: string;
  label: string;
}

/** The container's networks that have a host bridge (bridge driver), in endpoint order. */
export function bridgeNetworksOf(container: Container, networks: readonly Network[]): string[] {
  return container.endpoints.map((e) => e.network).filter((name) => networks.some((n) => n.name === name && n.bridge !== null));
}

/** Running, with its own namespace, and on at least one bridge network. */
export function canPublishOn(container: Container, networks: readonly Network[]): boolean {
  if (container.state !== 'running' || container.pid === null) return false;
  if (container.networkMode !== 'bridge' && container.networkMode !== 'custom') return false;
  return bridgeNetworksOf(container, networks).length > 0;
}

export function offeredContainers(snapshot: Pick<Snapshot, 'containers' | 'networks'>): OfferedContainer[] {
  return snapshot.containers
    .filter((c) => canPublishOn(c, snapshot.networks))
    .map((c) => ({ name: c.name, networks: bridgeNetworksOf(c, snapshot.networks) }))
    .sort((a, b) => a.name.localeCompare(b.name));
}

// Addresses a LAN peer would use come first (NICs, then VLANs, tunnels, a VM's veth uplink …),
// bridges (reachable from containers and VMs) after.
const kindRank: Partial<Record<Link['kind'], number>> = { physical: 0, bridge: 2, loopback: 3 };
const rank = (link: Link) => kindRank[link.kind] ?? 1;

/** "All addresses", "127.0.0.1 (this host only)", then each IPv4 address of the host's links once. */
export function hostIpOptions(links: readonly Link[]): HostIpOption[] {
  const options: HostIpOption[] = [
    { value: ALL_ADDRESSES, label: 'All addresses' },
    { value: '127.0.0.1', label: '127.0.0.1 (this host only)' },
  ];
  const seen = new Set(options.map((o) => o.value));
  const ordered = links.map((link, index) => ({ link, index })).sort((a, b) => rank(a.link) - rank(b.link) || a.index - b.index);
  for (const { link } of ordered) {
    for (const cidr of link.addresses) {
      const ip = cidr.replace(/\/\d+$/, '');
      if (ip.includes(':') || ip.startsWith('127.') || seen.has(ip)) continue;
      seen.add(ip);
      options.push({ value: ip, label: `${ip} (${link.name})` });
    }
  }
  return options;
}

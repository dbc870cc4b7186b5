// What an IPv4 block would collide with: another Docker network, an address of the host, or a route
// of the host (a VPN's 172.16.0.0/12 is the classic breakage). Pure: a function of the readings.
import type { NetworkDetail } from '../../../shared/network-model';
import type { KernelLink } from '../host/kernel-link';
import type { Route } from '../path/parse-ip-route';
import { looseBlock, overlaps, type Block } from './ipv4-block';

export interface HostReadings {
  networks: readonly NetworkDetail[];
  routes: readonly Route[];
  links: readonly KernelLink[];
}

export interface OverlapOptions {
  /**
   * A macvlan/ipvlan network is meant to share its parent's LAN: addresses and routes on this link
   * are expected, not a collision.
   */
  ignoreLink?: string | null;
}

/** Route types that send traffic somewhere (or drop it on purpose); broadcast/local entries mirror addresses. */
const ROUTING_TYPES = new Set(['unicast', 'blackhole', 'unreachable', 'prohibit']);

/**
 * Below /8 a route is a catch-all (the default route, a VPN's 0.0.0.0/1 + 128.0.0.0/1): any more
 * specific route, such as a container network's, wins over it without breaking it.
 */
const CATCH_ALL_PREFIX = 8;

const VPN_DRIVERS = new Set(['tun', 'wireguard', 'ppp']);
const VPN_NAMES = /^(tun|tap|wg|ppp|vpn|utun|tailscale|zt|nordlynx|proton|cscotun|gpd)/i;

function looksLikeVpn(dev: string, links: readonly KernelLink[]): boolean {
  const driver = links.find((l) => l.name === dev)?.driver;
  return VPN_NAMES.test(dev) || (driver ? VPN_DRIVERS.has(driver) : false);
}

function describeRoute(route: Route, links: readonly KernelLink[]): string {
  const kind = route.type === 'unicast' ? 'the route' : `the ${route.type} route`;
  const via = route.gateway ? ` via ${route.gateway}${route.dev ? ` on ${route.dev}` : ''}` : route.dev ? ` via ${route.dev}` : '';
  const table = route.table === 'main' ? '' : ` (table ${route.table})`;
  const vpn = route.dev && looksLikeVpn(route.dev, links) ? ' (a VPN?)' : '';
  return `${kind} ${route.destination}${via}${table}${vpn}`;
}

/** The first thing the block collides with, in words ("Docker network intranet (172.28.0.0/16)"), or null. */
export function findOverlap(block: Block, readings: HostReadings, options: OverlapOptions = {}): string | null {
  for (const network of readings.networks) {
    for (const s of network.subnets) {
      const other = looseBlock(s.subnet);
      if (other && overlaps(block, other)) return `Docker network ${network.name} (${s.subnet})`;
    }
  }
  for (const link of readings.links) {
    if (link.kind === 'loopback' || link.name === options.ignoreLink) continue;
    for (const address of link.addresses) {
      const other = address.includes(':') ? null : looseBlock(address);
      if (other && overlaps(block, other)) return `the address ${address} on ${link.name}`;
    }
  }
  for (const route of readings.routes) {
    if (!ROUTING_TYPES.has(route.type) || route.table === 'local') continue;
    if (route.dev !== null && route.dev === options.ignoreLink) continue;
    const other = looseBlock(route.destination);
    if (!other || other.prefix < CATCH_ALL_PREFIX) continue;
    if (overlaps(block, other)) return describeRoute(route, readings.links);
  }
  return null;
}

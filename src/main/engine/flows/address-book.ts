// Who owns which address, read from a snapshot, so a conntrack entry's addresses can be named.
// Pure: no I/O.
import ipaddr from 'ipaddr.js';
import type { Link, Snapshot } from '../../../shared/model';
import { normalizeAddress } from '../../netcore/addresses/normalize-address';

export interface ContainerIdentity {
  id: string;
  name: string;
}

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

export interface AddressBook {
  /** Normalized address → the container that holds it. */
  containers: Map<string, ContainerIdentity>;
  /** Normalized addresses of the host's own links (loopback ranges are the host anyway). */
  host: Set<string>;
  /** Normalized address → the named namespace that holds it (only namespaces Bridgeport made). */
  namespaces: Map<string, string>;
  /** Subnets of the host's uplinks: an address in one of them is on the LAN, anything else unknown is outside. */
  lan: Cidr[];
}

export interface AddressBookOptions {
  /**
   * Names of the namespaces Bridgeport made (its made-record). The snapshot lists every `ip netns`
   * namespace but not who made it; others (a lab's LAN client, a VPN's) are left to the LAN/outside rules.
   */
  madeNamespaces?: ReadonlySet<string>;
}

/** Link names engines and CNI plugins give their own bridges and veths: never an uplink. */
const CONTAINER_SIDE_NAME = /^(docker\d*|br-|veth|podman|cni|virbr|flannel|cali|vxlan)/;

function parseCidr(text: string): Cidr | null {
  try {
    const [address, bits] = ipaddr.parseCIDR(text);
    return [address, bits];
  } catch {
    return null;
  }
}

/** Addresses worth naming: not loopback, not link-local (every link has one, they name no place). */
function usable(text: string): string | null {
  const key = normalizeAddress(text);
  if (key === null) return null;
  const range = ipaddr.parse(key).range();
  return range === 'loopback' || range === 'linkLocal' ? null : key;
}

/** A host link that leads to the LAN: not loopback, not a container network's bridge, port or veth. */
function isUplink(link: Link, networkBridges: Set<string>): boolean {
  if (link.kind === 'loopback' || link.master !== null) return false;
  if (networkBridges.has(link.name) || CONTAINER_SIDE_NAME.test(link.name)) return false;
  if (link.kind === 'veth' && link.peer?.containerId) return false;
  return true;
}

export function addressBookOf(snapshot: Snapshot, options: AddressBookOptions = {}): AddressBook {
  const book: AddressBook = { containers: new Map(), host: new Set(), namespaces: new Map(), lan: [] };
  for (const container of snapshot.containers) {
    const identity = { id: container.id, name: container.name };
    const addresses = [
      ...container.endpoints.map((e) => e.ip ?? ''),
      ...(container.links ?? []).flatMap((l) => l.addresses),
    ];
    for (const address of addresses) {
      const key = usable(address);
      // The host network mode shares the host's addresses: those stay the host's.
      if (key !== null && container.networkMode !== 'host' && !book.containers.has(key)) book.containers.set(key, identity);
    }
  }

  const networkBridges = new Set(snapshot.networks.flatMap((n) => (n.bridge ? [n.bridge] : [])));
  for (const link of snapshot.links) {
    const uplink = isUplink(link, networkBridges);
    for (const address of link.addresses) {
      const key = normalizeAddress(address);
      if (key !== null) book.host.add(key);
      if (uplink && usable(address) !== null) {
        const cidr = parseCidr(address);
        if (cidr) book.lan.push(cidr);
      }
    }
  }

  const made = options.madeNamespaces ?? new Set<string>();
  for (const ns of snapshot.namespaces) {
    if (ns.current || !made.has(ns.name)) continue;
    for (const address of ns.links.flatMap((l) => l.addresses)) {
      const key = usable(address);
      if (key !== null && !book.namespaces.has(key)) book.namespaces.set(key, ns.name);
    }
  }
  return book;
}

/** Whether the (normalized) address lies in one of the LAN subnets. */
export function inLan(book: AddressBook, key: string): boolean {
  const address = ipaddr.parse(key);
  return book.lan.some(([net, bits]) => net.kind() === address.kind() && address.match(net, bits));
}

// What the evaluator needs to know of the host namespace: its addresses and links. Pure.
import type { Link } from '../../../shared/model';
import { addressPart, inCidr, isIpv4, isLoopbackIpv4 } from '../../netcore/addresses/ipv4';
import type { Route } from './parse-ip-route';

export interface HostFacts {
  routes: readonly Route[];
  links: readonly Link[];
  /** A host-local address: one of the links', 127/8, or covered by a `local` route. */
  isLocal(address: string): boolean;
  linkNamed(name: string): Link | undefined;
  /** The link holding this exact address ('lo' for 127/8). */
  linkHolding(address: string): string | null;
  /** First IPv4 address of a link (as 'a.b.c.d/len'), the one the kernel prefers as source. */
  primaryAddress(linkName: string): string | null;
}

function ipv4AddressesOf(link: Link): string[] {
  return link.addresses.filter((a) => isIpv4(addressPart(a)));
}

export function hostFacts(links: readonly Link[], routes: readonly Route[]): HostFacts {
  const holder = new Map<string, string>();
  for (const link of links) for (const a of ipv4AddressesOf(link)) holder.set(addressPart(a), link.name);
  const localRoutes = routes.filter((r) => r.type === 'local');
  const byName = new Map(links.map((l) => [l.name, l]));
  return {
    routes,
    links,
    isLocal: (address) => isLoopbackIpv4(address) || holder.has(address) || localRoutes.some((r) => inCidr(r.destination, address)),
    linkNamed: (name) => byName.get(name),
    linkHolding: (address) =>
      holder.get(address) ?? localRoutes.find((r) => inCidr(r.destination, address))?.dev ?? (isLoopbackIpv4(address) ? 'lo' : null),
    primaryAddress: (name) => {
      const link = byName.get(name);
      return link ? (ipv4AddressesOf(link)[0] ?? null) : null;
    },
  };
}

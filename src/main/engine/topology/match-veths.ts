// Matches host veths to the interfaces at their other end. Pure: no I/O.
// A pair is (host veth H, inner link C) only when both sides agree: H points at C's ifindex in the
// namespace whose host-side nsid is N, C lives in that namespace N and points back at H's ifindex in
// the namespace that it sees as the host. Indexes alone repeat across namespaces and prove nothing.
import type { KernelLink } from '../host/kernel-link';

export interface ForeignNamespace {
  /** Who lives there: a container id or an `ip netns` name. */
  owner: { containerId: string } | { namespace: string };
  links: KernelLink[];
  /** nsid of that namespace from the host's view. */
  nsidFromHost: number | null;
  /** nsid of the host namespace from its view; null when unknown (then only the host side is checked). */
  hostNsidInside: number | null;
}

export interface VethMatch {
  hostLink: KernelLink;
  inner: KernelLink;
  owner: ForeignNamespace['owner'];
}

function pointsAt(link: KernelLink, ifindex: number, nsid: number | null): boolean {
  return link.kind === 'veth' && link.peerIfindex === ifindex && link.peerNetnsId === nsid && nsid !== null;
}

function innerConfirms(inner: KernelLink, host: KernelLink, ns: ForeignNamespace): boolean {
  if (inner.kind !== 'veth' || inner.peerIfindex !== host.ifindex || inner.peerNetnsId === null) return false;
  return ns.hostNsidInside === null || inner.peerNetnsId === ns.hostNsidInside;
}

/** Returns the matches keyed by host link name. */
export function matchVeths(hostLinks: readonly KernelLink[], namespaces: readonly ForeignNamespace[]): Map<string, VethMatch> {
  const matches = new Map<string, VethMatch>();
  for (const ns of namespaces) {
    for (const inner of ns.links) {
      if (inner.kind !== 'veth' || inner.peerIfindex === null) continue;
      const host = hostLinks.find((h) => h.ifindex === inner.peerIfindex);
      if (!host || !pointsAt(host, inner.ifindex, ns.nsidFromHost)) continue;
      if (!innerConfirms(inner, host, ns)) continue;
      matches.set(host.name, { hostLink: host, inner, owner: ns.owner });
    }
  }
  return matches;
}

// Which container (network, inside interface) each host-side veth belongs to, from the snapshot's
// exact veth matching. The host side's rx is what the container sent: for a container's interface
// the counters are swapped so they read from the container's point of view. Pure.
import type { Snapshot } from '../../../shared/model';

export interface InterfaceOwner {
  container: { id: string; name: string };
  network: string;
  containerInterface: string | null;
}

export function ownersOfHostVeths(snapshot: Snapshot): Map<string, InterfaceOwner> {
  const owners = new Map<string, InterfaceOwner>();
  for (const c of snapshot.containers) {
    for (const e of c.endpoints) {
      if (e.hostVeth) owners.set(e.hostVeth, { container: { id: c.id, name: c.name }, network: e.network, containerInterface: e.interface });
    }
  }
  return owners;
}

/** ifindex of every host link, to tell a re-created interface from the old one. */
export function ifindexes(snapshot: Snapshot): Map<string, number> {
  return new Map(snapshot.links.map((l) => [l.name, l.ifindex]));
}

// Where a link lives now (the host, a named namespace, a container) and what Bridgeport made,
// found in the snapshot, with the `in`/`to` the contract wants for it. The engine's record says
// where each end is; without it a link is looked for by name, and a veth end that was renamed
// when moved is found through its peer's view of it. Pure.
import type { MethodInput } from '../../../../shared/contract';
import type { Link, Snapshot } from '../../../../shared/model';
import type { MadeThing } from '../../../../shared/namespace-model';

export type Place = { kind: 'host' } | { kind: 'namespace'; name: string } | { kind: 'container'; name: string };
export type PlaceInput = MethodInput<'links.setState'>['in'];

export type LinkSource = Pick<Snapshot, 'links' | 'namespaces' | 'containers'>;

export interface LinkEnd {
  /** Its name now (inside a container it may have been renamed eth1 …). */
  name: string;
  place: Place;
  link: Link;
}

export interface MadeRow {
  thing: MadeThing;
  /** Where its interfaces are: a bridge has one, a veth pair two, a namespace none. */
  ends: LinkEnd[];
  /** Names of the thing's interfaces that could not be found anywhere. */
  missing: string[];
  /** A namespace: whether it still exists, and its links. */
  namespaceLinks: number | null;
}

export const HOST: Place = { kind: 'host' };

export function placeInput(place: Place): PlaceInput {
  if (place.kind === 'namespace') return { namespace: place.name };
  if (place.kind === 'container') return { container: place.name };
  return undefined;
}

export function placeLabel(place: Place): string {
  if (place.kind === 'namespace') return `namespace ${place.name}`;
  if (place.kind === 'container') return `container ${place.name}`;
  return 'host';
}

/** Named namespaces other than the one Bridgeport runs in. */
export function namedNamespaces(s: LinkSource): Snapshot['namespaces'] {
  return s.namespaces.filter((n) => !n.current);
}

/** Every place a link can be read in, host first. */
function places(s: LinkSource): Array<{ place: Place; links: Link[] }> {
  return [
    { place: HOST, links: s.links },
    ...namedNamespaces(s).map((n) => ({ place: { kind: 'namespace', name: n.name } as Place, links: n.links })),
    ...s.containers.filter((c) => c.links).map((c) => ({ place: { kind: 'container', name: c.name } as Place, links: c.links! })),
  ];
}

/** The engine's words for a place: 'host', 'netns NAME', 'container NAME'. */
export function parsePlace(text: string | undefined): Place | null {
  if (text === 'host') return HOST;
  const match = /^(netns|container) (.+)$/.exec(text ?? '');
  if (!match) return null;
  return match[1] === 'netns' ? { kind: 'namespace', name: match[2]! } : { kind: 'container', name: match[2]! };
}

const samePlace = (a: Place, b: Place) => a.kind === b.kind && (a.kind === 'host' || (b.kind !== 'host' && a.name === b.name));

/** The link called `name`: in `at` when the place is known, else wherever it is first found. */
export function locateLink(s: LinkSource, name: string, at: Place | null = null): LinkEnd | null {
  for (const { place, links } of places(s)) {
    if (at && !samePlace(place, at)) continue;
    const link = links.find((l) => l.name === name);
    if (link) return { name, place, link };
  }
  return null;
}

/** The other end of a veth, as `end`'s kernel sees it (its namespace or container, its name there). */
function peerOf(s: LinkSource, end: LinkEnd): LinkEnd | null {
  const peer = end.link.peer;
  if (!peer?.interface) return null;
  let place: Place | null = null;
  if (peer.containerId) {
    const container = s.containers.find((c) => c.id === peer.containerId);
    if (container) place = { kind: 'container', name: container.name };
  } else if (peer.namespace) place = { kind: 'namespace', name: peer.namespace };
  else if (peer.netnsId === null && end.place.kind === 'host') place = HOST;
  if (!place) return null;
  const where = places(s).find((p) => samePlace(p.place, place!));
  const link = where?.links.find((l) => l.name === peer.interface);
  return link ? { name: link.name, place, link } : null;
}

export function madeRows(made: readonly MadeThing[], s: LinkSource): MadeRow[] {
  return made.map((thing) => {
    if (thing.kind === 'netns') {
      const ns = namedNamespaces(s).find((n) => n.name === thing.name);
      return { thing, ends: [], missing: ns ? [] : [thing.name], namespaceLinks: ns ? ns.links.length : null };
    }
    const names = thing.kind === 'veth' && thing.peer ? [thing.name, thing.peer] : [thing.name];
    const at = [parsePlace(thing.place), parsePlace(thing.peerPlace)];
    const found = names.map((name, i) => locateLink(s, name, at[i] ?? null));
    if (thing.kind === 'veth' && found.length === 2) {
      if (!found[1] && found[0]) found[1] = peerOf(s, found[0]);
      if (!found[0] && found[1]) found[0] = peerOf(s, found[1]);
    }
    const ends = found.filter((e): e is LinkEnd => e !== null);
    return { thing, ends, missing: names.filter((_, i) => !found[i]), namespaceLinks: null };
  });
}

/** The end a made link is deleted through: one in the host when there is one (a pair goes whole). */
export function deletionEnd(row: MadeRow): LinkEnd | null {
  return row.ends.find((e) => e.place.kind === 'host') ?? row.ends[0] ?? null;
}

export interface MoveTargets {
  namespaces: string[];
  /** Running containers with a namespace of their own (none included: pipework's favourite). */
  containers: string[];
}

export function moveTargets(s: LinkSource): MoveTargets {
  return {
    namespaces: namedNamespaces(s)
      .map((n) => n.name)
      .sort((a, b) => a.localeCompare(b)),
    containers: s.containers
      .filter((c) => c.state === 'running' && c.pid !== null && c.networkMode !== 'host' && c.networkMode !== 'container')
      .map((c) => c.name)
      .sort((a, b) => a.localeCompare(b)),
  };
}

/** What can be moved: the veth ends Bridgeport made that are in the host now (bridges stay). */
export function movableLinks(rows: readonly MadeRow[]): string[] {
  return rows.filter((r) => r.thing.kind === 'veth').flatMap((r) => r.ends.filter((e) => e.place.kind === 'host').map((e) => e.name));
}

/** Keys (`placeKey`) of every interface Bridgeport made: only those can be set up/down or deleted here. */
export function madeLinkKeys(rows: readonly MadeRow[]): Set<string> {
  return new Set(rows.flatMap((r) => r.ends.map((e) => placeKey(e.place, e.name))));
}

export function placeKey(place: Place, name: string): string {
  return `${placeLabel(place)}/${name}`;
}

/** Host bridges a veth end can be put on (Docker's included: pipework does exactly that). */
export function hostBridges(s: Pick<Snapshot, 'links'>): string[] {
  return s.links.filter((l) => l.kind === 'bridge').map((l) => l.name);
}

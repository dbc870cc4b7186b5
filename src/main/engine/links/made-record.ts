// What Bridgeport made (namespaces, bridges, veth pairs) and where each veth end is now: the record
// that decides what may be deleted through Bridgeport. Pure: lookups, updates, and dropping what is
// provably gone, as functions of the record and facts read elsewhere. Names in the file are held to
// the same alphabet as requests: a hand-edited record cannot smuggle a path into a command.
import { z } from 'zod';
import { interfaceNameSchema, netnsNameSchema } from '../../../shared/atoms/names';
import type { MadeThing } from '../../../shared/namespace-model';

export const placeSchema = z.union([
  z.object({ host: z.literal(true) }).strict(),
  z.object({ namespace: netnsNameSchema }).strict(),
  /** pid: the container's process when the end went in; a restart makes a new namespace (and kills the veth). */
  z.object({ container: z.object({ id: z.string().regex(/^[0-9a-f]{64}$/), name: z.string().max(256) }).strict(), pid: z.number().int().min(2) }).strict(),
]);
export type Place = z.infer<typeof placeSchema>;

const endSchema = z.object({ name: interfaceNameSchema, place: placeSchema }).strict();
export type VethEnd = z.infer<typeof endSchema>;

export const recordedThingSchema = z.discriminatedUnion('kind', [
  /** id: device:inode of /run/netns/NAME, so a namespace of the same name made later is not taken for ours. */
  z.object({ kind: z.literal('netns'), name: netnsNameSchema, id: z.string(), createdAt: z.string() }).strict(),
  z.object({ kind: z.literal('bridge'), name: interfaceNameSchema, createdAt: z.string() }).strict(),
  z.object({ kind: z.literal('veth'), ends: z.tuple([endSchema, endSchema]), createdAt: z.string() }).strict(),
]);
export type RecordedThing = z.infer<typeof recordedThingSchema>;
export type RecordedVeth = Extract<RecordedThing, { kind: 'veth' }>;

export const HOST: Place = { host: true };

export function placeText(place: Place): string {
  if ('host' in place) return 'host';
  if ('namespace' in place) return `netns ${place.namespace}`;
  return `container ${place.container.name}`;
}

export function samePlace(a: Place, b: Place): boolean {
  if ('host' in a || 'host' in b) return 'host' in a && 'host' in b;
  if ('namespace' in a || 'namespace' in b) return 'namespace' in a && 'namespace' in b && a.namespace === b.namespace;
  return a.container.id === b.container.id;
}

/** As the contract shows it. */
export function toMadeThing(thing: RecordedThing): MadeThing {
  switch (thing.kind) {
    case 'netns':
      return { kind: 'netns', name: thing.name, peer: null, createdAt: thing.createdAt };
    case 'bridge':
      return { kind: 'bridge', name: thing.name, peer: null, createdAt: thing.createdAt, place: 'host' };
    case 'veth':
      return {
        kind: 'veth',
        name: thing.ends[0].name,
        peer: thing.ends[1].name,
        createdAt: thing.createdAt,
        place: placeText(thing.ends[0].place),
        peerPlace: placeText(thing.ends[1].place),
      };
  }
}

export type FoundLink = { thing: Extract<RecordedThing, { kind: 'bridge' }>; end: null } | { thing: RecordedVeth; end: 0 | 1 };

/** The made bridge or veth end called `name` in `place`, or null. */
export function findLink(things: readonly RecordedThing[], name: string, place: Place): FoundLink | null {
  for (const thing of things) {
    if (thing.kind === 'bridge' && thing.name === name && 'host' in place) return { thing, end: null };
    if (thing.kind === 'veth') {
      const end = thing.ends.findIndex((e) => e.name === name && samePlace(e.place, place));
      if (end === 0 || end === 1) return { thing, end };
    }
  }
  return null;
}

/** Where else made links called `name` are (for a refusal that says where to look). */
export function placesOf(things: readonly RecordedThing[], name: string): Place[] {
  const places: Place[] = [];
  for (const thing of things) {
    if (thing.kind === 'bridge' && thing.name === name) places.push(HOST);
    if (thing.kind === 'veth') for (const end of thing.ends) if (end.name === name) places.push(end.place);
  }
  return places;
}

export const findNetns = (things: readonly RecordedThing[], name: string) =>
  things.find((t): t is Extract<RecordedThing, { kind: 'netns' }> => t.kind === 'netns' && t.name === name) ?? null;

/** The record with one veth end moved (and maybe renamed). */
export function withMovedEnd(things: readonly RecordedThing[], veth: RecordedVeth, end: 0 | 1, moved: VethEnd): RecordedThing[] {
  return things.map((t) => {
    if (t !== veth) return t;
    const ends: [VethEnd, VethEnd] = end === 0 ? [moved, veth.ends[1]] : [veth.ends[0], moved];
    return { ...veth, ends };
  });
}

export const without = (things: readonly RecordedThing[], thing: RecordedThing): RecordedThing[] => things.filter((t) => t !== thing);

/** What was read of the system to tell what still exists. */
export interface MadeFacts {
  /** Links of the host namespace: whether each carries Bridgeport's tag and its kind (bridge, veth …). */
  hostLinks: ReadonlyMap<string, { tagged: boolean; kind: string | null }>;
  /** Named namespaces: name → identity (device:inode), null when it could not be read. */
  namespaces: ReadonlyMap<string, string | null>;
  /** Containers by id: the pid of the running ones, null for stopped ones. Absent: Docker could not be asked. */
  containers?: ReadonlyMap<string, number | null>;
  /** Tagged links seen inside a namespace or container (only when this process may look inside). */
  inside?: (place: Place) => ReadonlySet<string> | null;
}

function endAlive(end: VethEnd, facts: MadeFacts): boolean {
  const place = end.place;
  if ('host' in place) {
    const link = facts.hostLinks.get(end.name);
    return link !== undefined && link.tagged && link.kind === 'veth';
  }
  if ('namespace' in place) {
    if (!facts.namespaces.has(place.namespace)) return false;
  } else if (facts.containers !== undefined && facts.containers.get(place.container.id) !== place.pid) {
    return false;
  }
  const seen = facts.inside?.(place);
  return seen === null || seen === undefined || seen.has(end.name);
}

/** Whether a recorded thing is still there; when in doubt (nothing could be read) it is kept. */
export function stillThere(thing: RecordedThing, facts: MadeFacts): boolean {
  switch (thing.kind) {
    case 'netns': {
      const id = facts.namespaces.get(thing.name);
      return id !== undefined && (id === null || id === thing.id);
    }
    case 'bridge': {
      const link = facts.hostLinks.get(thing.name);
      return link !== undefined && link.tagged && link.kind === 'bridge';
    }
    case 'veth':
      // One end gone is the pair gone: the kernel deletes both together.
      return thing.ends.every((end) => endAlive(end, facts));
  }
}

export function prune(things: readonly RecordedThing[], facts: MadeFacts): { kept: RecordedThing[]; gone: RecordedThing[] } {
  const kept: RecordedThing[] = [];
  const gone: RecordedThing[] = [];
  for (const thing of things) (stillThere(thing, facts) ? kept : gone).push(thing);
  return { kept, gone };
}

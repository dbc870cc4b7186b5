// Turns one conntrack entry into a Flow: who sent it, who really answers, and what NAT did between.
// Pure: no I/O. The original tuple is what the sender sent; the reply tuple is what comes back, so
// reply.src is the real answerer (after DNAT) and reply.dst is where answers go (after SNAT, the host).
import ipaddr from 'ipaddr.js';
import type { ConntrackEntry, ConntrackTuple } from '../../netcore/conntrack/parse-conntrack';
import type { Flow, FlowEnd, FlowNat, FlowTuple } from '../../../shared/flow-model';
import { normalizeAddress } from '../../netcore/addresses/normalize-address';
import { inLan, type AddressBook } from './address-book';

/** Each book's answers so far: a busy host asks about the same addresses in every event (shared, never changed). */
const answered = new WeakMap<AddressBook, Map<string, FlowEnd>>();

/** Who holds this address, as far as the book knows. */
export function endOf(address: string, book: AddressBook): FlowEnd {
  let known = answered.get(book);
  if (!known) answered.set(book, (known = new Map()));
  const hit = known.get(address);
  if (hit) return hit;
  const end = lookUp(address, book);
  if (known.size < 65_536) known.set(address, end);
  return end;
}

function lookUp(address: string, book: AddressBook): FlowEnd {
  const key = normalizeAddress(address);
  if (key === null) return { kind: 'outside' };
  if (ipaddr.parse(key).range() === 'loopback') return { kind: 'host' };
  const container = book.containers.get(key);
  if (container) return { kind: 'container', container: { id: container.id, name: container.name } };
  if (book.host.has(key)) return { kind: 'host' };
  const namespace = book.namespaces.get(key);
  if (namespace !== undefined) return { kind: 'namespace', namespace };
  return inLan(book, key) ? { kind: 'lan' } : { kind: 'outside' };
}

function tupleOf(t: ConntrackTuple): FlowTuple {
  return { src: t.src, sport: t.sport ?? null, dst: t.dst, dport: t.dport ?? null };
}

function sameAddress(a: string, b: string): boolean {
  return (normalizeAddress(a) ?? a) === (normalizeAddress(b) ?? b);
}

/** Ports count only where both tuples have them (icmp has none). */
function portChanged(a: number | undefined, b: number | undefined): boolean {
  return a !== undefined && b !== undefined && a !== b;
}

function natOf(entry: ConntrackEntry): { dnat: boolean; snat: boolean } {
  const { original, reply } = entry;
  // Untranslated, the reply comes from where the original went and goes to where it came from.
  const dnat = !sameAddress(reply.src, original.dst) || portChanged(reply.sport, original.dport);
  const snat = !sameAddress(reply.dst, original.src) || portChanged(reply.dport, original.sport);
  return { dnat, snat };
}

function natKind(dnat: boolean, snat: boolean): FlowNat {
  if (dnat && snat) return 'both';
  if (dnat) return 'dnat';
  return snat ? 'snat' : null;
}

/** The TCP/SCTP/DCCP state, or one read from the flags for protocols without states. */
function stateOf(entry: ConntrackEntry): string {
  if (entry.state !== undefined) return entry.state;
  if (entry.flags.includes('UNREPLIED')) return 'UNREPLIED';
  if (entry.flags.includes('ASSURED')) return 'ASSURED';
  return 'REPLIED';
}

/** Sum of both directions' counters, or undefined when neither direction carries it. */
function summed(a: number | undefined, b: number | undefined): number | undefined {
  return a === undefined && b === undefined ? undefined : (a ?? 0) + (b ?? 0);
}

export function attributeFlow(entry: ConntrackEntry, book: AddressBook): Flow {
  const { dnat, snat } = natOf(entry);
  const flow: Flow = {
    protocol: entry.protocol,
    state: stateOf(entry),
    original: tupleOf(entry.original),
    reply: tupleOf(entry.reply),
    from: endOf(entry.original.src, book),
    to: endOf(entry.reply.src, book),
    nat: natKind(dnat, snat),
  };
  if (entry.id !== undefined) flow.id = entry.id;
  // A published port: sent to one of the host's addresses, answered by someone else.
  if (dnat && entry.original.dport !== undefined && endOf(entry.original.dst, book).kind === 'host') {
    flow.hostPort = entry.original.dport;
  }
  const packets = summed(entry.original.packets, entry.reply.packets);
  const bytes = summed(entry.original.bytes, entry.reply.bytes);
  if (packets !== undefined) flow.packets = packets;
  if (bytes !== undefined) flow.bytes = bytes;
  return flow;
}

/** Whether the flow concerns a container or a namespace (the rest is the host's own noise). */
export function isContainerFlow(flow: Flow): boolean {
  const ends = [flow.from.kind, flow.to.kind];
  return ends.includes('container') || ends.includes('namespace') || flow.hostPort !== undefined;
}

const namesAPlace = (end: FlowEnd): boolean => end.kind === 'container' || end.kind === 'namespace';

/**
 * isContainerFlow(attributeFlow(entry, book)) without building the flow: most of a busy host's
 * events are its own noise, and are dropped here before anything is made of them.
 */
export function concernsContainers(entry: ConntrackEntry, book: AddressBook): boolean {
  if (namesAPlace(endOf(entry.original.src, book)) || namesAPlace(endOf(entry.reply.src, book))) return true;
  return entry.original.dport !== undefined && natOf(entry).dnat && endOf(entry.original.dst, book).kind === 'host';
}

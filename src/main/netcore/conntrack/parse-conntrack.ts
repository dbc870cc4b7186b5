// Parses the text lines of `conntrack -L` and `conntrack -E` (conntrack-tools), with or without
// `-o extended,id,timestamp` and with accounting counters. Pure: no I/O.
//
// One line:  [1796541099.727255]  [NEW] ipv4 2 tcp 6 120 SYN_SENT src=… dst=… sport=… dport=…
//            [packets=… bytes=…] [UNREPLIED] src=… dst=… sport=… dport=… [packets=… bytes=…]
//            [ASSURED] mark=0 zone=… use=1 id=… [USERSPACE] portid=…
// ICMP tuples carry type= code= id= instead of ports, so an `id=` inside an ICMP tuple is the echo
// id and the conntrack id is the `id=` after it. DESTROY events print no timeout.
// A line this parser cannot read completely becomes { unparsed }: never a guessed entry.

export type ConntrackEvent = 'new' | 'update' | 'destroy';
export type ConntrackFamily = 'ipv4' | 'ipv6';

export interface ConntrackTuple {
  src: string;
  dst: string;
  sport?: number;
  dport?: number;
  /** ICMP / ICMPv6 only. */
  icmpType?: number;
  icmpCode?: number;
  icmpId?: number;
  /** Only with accounting on (net.netfilter.nf_conntrack_acct=1); -E prints them on DESTROY. */
  packets?: number;
  bytes?: number;
  /** Tuple fields this parser does not know (e.g. GRE keys), as printed. */
  other?: Record<string, string>;
}

export interface ConntrackEntry {
  event?: ConntrackEvent;
  /** Userspace receive time of the event (`-o timestamp`), seconds since the epoch. */
  timestamp?: number;
  family: ConntrackFamily;
  /** As printed: tcp, udp, icmp, icmpv6, sctp, gre, … or `unknown` (see protocolNumber). */
  protocol: string;
  protocolNumber: number;
  timeout?: number;
  /** TCP, SCTP and DCCP states, e.g. ESTABLISHED, TIME_WAIT. */
  state?: string;
  original: ConntrackTuple;
  reply: ConntrackTuple;
  /** Bracketed flags in order: UNREPLIED, ASSURED, OFFLOAD, USERSPACE, … */
  flags: string[];
  mark?: number;
  zone?: number;
  use?: number;
  id?: number;
  /** Netlink port of the process that caused the event (with [USERSPACE]). */
  portid?: number;
  /** Trailing key=value fields this parser does not know, as printed. */
  other?: Record<string, string>;
}

export interface UnparsedConntrackLine {
  unparsed: string;
}

export type ConntrackLine = ConntrackEntry | UnparsedConntrackLine;

export function isConntrackEntry(line: ConntrackLine): line is ConntrackEntry {
  return !('unparsed' in line);
}

const EVENTS: Record<string, ConntrackEvent> = { '[NEW]': 'new', '[UPDATE]': 'update', '[DESTROY]': 'destroy' };
const USERSPACE_TIMESTAMP = /^\[(\d+\.\d+)\]$/;
const FLAG = /^\[([A-Z_]+)\]$/;
const KEY_VALUE = /^([a-z][a-z0-9_-]*)=(\S*)$/;
const PROTOCOL_NAME = /^[a-z][a-z0-9-]*$/;
const STATE = /^[A-Z][A-Z0-9_]*$/;
const DIGITS = /^\d+$/;
const IP_TEXT = /^[0-9a-fA-F:.]+$/;
const ICMP_PROTOCOLS = new Set(['icmp', 'icmpv6']);
const TUPLE_NUMBERS = new Set(['sport', 'dport', 'packets', 'bytes']);
const TRAILER_NUMBERS = new Set(['mark', 'zone', 'use', 'id', 'portid']);

class Unreadable extends Error {}

/** `key=value` split in two, or null. */
function keyValue(token: string): [key: string, value: string] | null {
  const match = KEY_VALUE.exec(token);
  return match ? [match[1] ?? '', match[2] ?? ''] : null;
}

/** The name inside `[NAME]`, or null. */
function flagName(token: string): string | null {
  return FLAG.exec(token)?.[1] ?? null;
}

function integer(text: string): number {
  if (!DIGITS.test(text)) throw new Unreadable(text);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Unreadable(text);
  return value;
}

function familyOf(address: string): ConntrackFamily {
  if (!IP_TEXT.test(address)) throw new Unreadable(address);
  if (address.includes(':')) return 'ipv6';
  if (/^\d{1,3}(\.\d{1,3}){3}$/.test(address)) return 'ipv4';
  throw new Unreadable(address);
}

interface TupleDraft {
  src?: string;
  dst?: string;
  fields: Partial<Omit<ConntrackTuple, 'src' | 'dst' | 'other'>>;
  other: Record<string, string>;
}

/** Reads one tuple from tokens[at]; returns the index after it. */
function readTuple(tokens: string[], at: number, icmp: boolean, into: TupleDraft): number {
  let i = at;
  for (; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const kv = keyValue(token);
    if (!kv) break; // a [FLAG] ends the tuple
    const [key, value] = kv;
    if (key === 'src') {
      if (into.src !== undefined) break; // the next tuple starts
      into.src = value;
    } else if (key === 'dst' && into.dst === undefined) {
      into.dst = value;
    } else if (icmp && key === 'type' && into.fields.icmpType === undefined) {
      into.fields.icmpType = integer(value);
    } else if (icmp && key === 'code' && into.fields.icmpCode === undefined) {
      into.fields.icmpCode = integer(value);
    } else if (icmp && key === 'id' && into.fields.icmpId === undefined && into.fields.icmpCode !== undefined) {
      into.fields.icmpId = integer(value);
    } else if (TUPLE_NUMBERS.has(key)) {
      const name = key as 'sport' | 'dport' | 'packets' | 'bytes';
      if (into.fields[name] !== undefined) throw new Unreadable(token);
      into.fields[name] = integer(value);
    } else if (TRAILER_NUMBERS.has(key) || key === 'dst') {
      break; // mark=, use=, the conntrack id=, …: the tuple is over
    } else {
      if (key in into.other) throw new Unreadable(token);
      into.other[key] = value;
    }
  }
  return i;
}

function finishTuple(draft: TupleDraft, family: ConntrackFamily): ConntrackTuple {
  if (draft.src === undefined || draft.dst === undefined) throw new Unreadable('tuple without src/dst');
  if (familyOf(draft.src) !== family || familyOf(draft.dst) !== family) throw new Unreadable('address family');
  const tuple: ConntrackTuple = { src: draft.src, dst: draft.dst, ...draft.fields };
  if (Object.keys(draft.other).length > 0) tuple.other = draft.other;
  return tuple;
}

function parseTokens(tokens: string[]): ConntrackEntry {
  let i = 0;
  const at = (index: number): string => tokens[index] ?? '';
  const head: Partial<ConntrackEntry> = {};
  const stamp = USERSPACE_TIMESTAMP.exec(at(i))?.[1];
  if (stamp !== undefined) {
    head.timestamp = Number(stamp);
    i++;
  }
  const event = EVENTS[at(i)];
  if (event) {
    head.event = event;
    i++;
  }
  let printedFamily: ConntrackFamily | undefined;
  const first = at(i);
  if ((first === 'ipv4' || first === 'ipv6') && DIGITS.test(at(i + 1))) {
    printedFamily = first;
    i += 2;
  }
  const protocol = at(i);
  if (!PROTOCOL_NAME.test(protocol) || protocol === 'ipv4' || protocol === 'ipv6') throw new Unreadable(protocol);
  const protocolNumber = integer(at(i + 1));
  i += 2;
  if (DIGITS.test(at(i))) head.timeout = integer(at(i++));
  if (STATE.test(at(i))) head.state = at(i++);

  const icmp = ICMP_PROTOCOLS.has(protocol);
  const original: TupleDraft = { fields: {}, other: {} };
  const reply: TupleDraft = { fields: {}, other: {} };
  if (!at(i).startsWith('src=')) throw new Unreadable('no original tuple');
  i = readTuple(tokens, i, icmp, original);
  const flags: string[] = [];
  for (let flag = flagName(at(i)); flag !== null; flag = flagName(at(++i))) flags.push(flag);
  if (!at(i).startsWith('src=')) throw new Unreadable('no reply tuple');
  i = readTuple(tokens, i, icmp, reply);

  const trailer: Partial<Record<'mark' | 'zone' | 'use' | 'id' | 'portid', number>> = {};
  const other: Record<string, string> = {};
  for (; i < tokens.length; i++) {
    const token = at(i);
    const flag = flagName(token);
    if (flag !== null) {
      flags.push(flag);
      continue;
    }
    const kv = keyValue(token);
    if (!kv) throw new Unreadable(token); // e.g. `[start=Sun Dec …]` of ktimestamp
    const [key, value] = kv;
    if (key === 'src' || key === 'dst') throw new Unreadable('a third tuple');
    if (TRAILER_NUMBERS.has(key)) {
      const name = key as keyof typeof trailer;
      if (trailer[name] !== undefined) throw new Unreadable(token);
      trailer[name] = integer(value);
    } else {
      if (key in other) throw new Unreadable(token);
      other[key] = value;
    }
  }

  const family = printedFamily ?? familyOf(original.src ?? '');
  const entry: ConntrackEntry = {
    ...head,
    family,
    protocol,
    protocolNumber,
    original: finishTuple(original, family),
    reply: finishTuple(reply, family),
    flags,
    ...trailer,
  };
  if (Object.keys(other).length > 0) entry.other = other;
  return entry;
}

/** One line of output; null for a blank line. */
export function parseConntrackLine(line: string): ConntrackLine | null {
  const tokens = line.trim().split(/\s+/);
  if (tokens[0] === '') return null;
  try {
    return parseTokens(tokens);
  } catch (error) {
    if (error instanceof Unreadable) return { unparsed: line };
    throw error;
  }
}

/** Every line of a `conntrack -L` / `-E` output, in order, blank lines left out. */
export function parseConntrackOutput(text: string): ConntrackLine[] {
  const lines: ConntrackLine[] = [];
  for (const line of text.split('\n')) {
    const parsed = parseConntrackLine(line);
    if (parsed) lines.push(parsed);
  }
  return lines;
}

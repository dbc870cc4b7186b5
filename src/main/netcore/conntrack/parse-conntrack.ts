// Parses the text lines of `conntrack -L` and `conntrack -E` (conntrack-tools), with or without
// `-o extended,id,timestamp` (or any part of it) and with accounting counters. Pure: no I/O.
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
const PROTOCOL_NAME = /^[a-z][a-z0-9-]*$/;
const STATE = /^[A-Z][A-Z0-9_]*$/;
const ICMP_PROTOCOLS = new Set(['icmp', 'icmpv6']);
const TRAILER_NUMBERS = new Set(['mark', 'zone', 'use', 'id', 'portid']);

// The per-token checks below are character loops, not regular expressions: `conntrack -E` on a busy
// host prints thousands of lines a second, each some 25 tokens (see scripts/bench-flows.ts).
const isDigit = (c: number): boolean => c >= 48 && c <= 57;
const isLower = (c: number): boolean => c >= 97 && c <= 122;
const isUpper = (c: number): boolean => c >= 65 && c <= 90;
const isSpace = (c: number): boolean => c === 32 || (c >= 9 && c <= 13);

class Unreadable extends Error {}

/** The line split at runs of ASCII whitespace, without empty tokens. */
function tokensOf(line: string): string[] {
  const tokens: string[] = [];
  let start = -1;
  for (let i = 0; i < line.length; i++) {
    if (isSpace(line.charCodeAt(i))) {
      if (start >= 0) tokens.push(line.slice(start, i));
      start = -1;
    } else if (start < 0) start = i;
  }
  if (start >= 0) tokens.push(line.slice(start));
  return tokens;
}

/** Where `=` is in a `key=value` token whose key is [a-z][a-z0-9_-]*, or -1. */
function keyEnd(token: string): number {
  if (!isLower(token.charCodeAt(0))) return -1;
  for (let i = 1; i < token.length; i++) {
    const c = token.charCodeAt(i);
    if (c === 61) return i;
    if (!(isLower(c) || isDigit(c) || c === 95 || c === 45)) return -1;
  }
  return -1;
}

/** The name inside `[NAME]` (NAME of A-Z and _), or null. */
function flagName(token: string): string | null {
  const last = token.length - 1;
  if (last < 2 || token.charCodeAt(0) !== 91 || token.charCodeAt(last) !== 93) return null;
  for (let i = 1; i < last; i++) {
    const c = token.charCodeAt(i);
    if (!(isUpper(c) || c === 95)) return null;
  }
  return token.slice(1, last);
}

const isDigits = (text: string): boolean => {
  if (text.length === 0) return false;
  for (let i = 0; i < text.length; i++) if (!isDigit(text.charCodeAt(i))) return false;
  return true;
};

function integer(text: string): number {
  if (!isDigits(text)) throw new Unreadable(text);
  const value = Number(text);
  if (!Number.isSafeInteger(value)) throw new Unreadable(text);
  return value;
}

/** ipv6 for hex digits, dots and colons with a colon; ipv4 for a dotted quad of 1-3 digit parts. */
function familyOf(address: string): ConntrackFamily {
  let colon = false;
  let quad = true;
  let parts = 1;
  let run = 0;
  for (let i = 0; i < address.length; i++) {
    const c = address.charCodeAt(i);
    if (isDigit(c)) {
      if (++run > 3) quad = false;
    } else if (c === 46) {
      if (run === 0) quad = false;
      parts++;
      run = 0;
    } else if (c === 58) {
      colon = true;
    } else if ((c >= 97 && c <= 102) || (c >= 65 && c <= 70)) {
      quad = false;
    } else throw new Unreadable(address);
  }
  if (address.length === 0) throw new Unreadable(address);
  if (colon) return 'ipv6';
  if (quad && run > 0 && parts === 4) return 'ipv4';
  throw new Unreadable(address);
}

type TupleNumber = 'sport' | 'dport' | 'packets' | 'bytes' | 'icmpType' | 'icmpCode' | 'icmpId';

interface TupleDraft {
  src?: string;
  dst?: string;
  numbers: Partial<Record<TupleNumber, number>>;
  other: Record<string, string> | null;
}

/** Reads one tuple from tokens[at]; returns the index after it. */
function readTuple(tokens: string[], at: number, icmp: boolean, into: TupleDraft): number {
  let i = at;
  const numbers = into.numbers;
  for (; i < tokens.length; i++) {
    const token = tokens[i] ?? '';
    const eq = keyEnd(token);
    if (eq < 0) break; // a [FLAG] ends the tuple
    const key = token.slice(0, eq);
    const value = token.slice(eq + 1);
    if (key === 'src') {
      if (into.src !== undefined) break; // the next tuple starts
      into.src = value;
    } else if (key === 'dst' && into.dst === undefined) {
      into.dst = value;
    } else if (icmp && key === 'type' && numbers.icmpType === undefined) {
      numbers.icmpType = integer(value);
    } else if (icmp && key === 'code' && numbers.icmpCode === undefined) {
      numbers.icmpCode = integer(value);
    } else if (icmp && key === 'id' && numbers.icmpId === undefined && numbers.icmpCode !== undefined) {
      numbers.icmpId = integer(value);
    } else if (key === 'sport' || key === 'dport' || key === 'packets' || key === 'bytes') {
      if (numbers[key] !== undefined) throw new Unreadable(token);
      numbers[key] = integer(value);
    } else if (TRAILER_NUMBERS.has(key) || key === 'dst') {
      break; // mark=, use=, the conntrack id=, …: the tuple is over
    } else {
      into.other ??= {};
      if (key in into.other) throw new Unreadable(token);
      into.other[key] = value;
    }
  }
  return i;
}

function finishTuple(draft: TupleDraft, family: ConntrackFamily): ConntrackTuple {
  if (draft.src === undefined || draft.dst === undefined) throw new Unreadable('tuple without src/dst');
  if (familyOf(draft.src) !== family || familyOf(draft.dst) !== family) throw new Unreadable('address family');
  const tuple: ConntrackTuple = { src: draft.src, dst: draft.dst, ...draft.numbers };
  if (draft.other) tuple.other = draft.other;
  return tuple;
}

function parseTokens(tokens: string[]): ConntrackEntry {
  let i = 0;
  const at = (index: number): string => tokens[index] ?? '';
  let timestamp: number | undefined;
  const first = at(0);
  if (first.charCodeAt(0) === 91 && isDigit(first.charCodeAt(1))) {
    const stamp = USERSPACE_TIMESTAMP.exec(first)?.[1];
    if (stamp !== undefined) {
      timestamp = Number(stamp);
      i++;
    }
  }
  const event: ConntrackEvent | undefined = EVENTS[at(i)];
  if (event) i++;
  let printedFamily: ConntrackFamily | undefined;
  const familyToken = at(i);
  if ((familyToken === 'ipv4' || familyToken === 'ipv6') && isDigits(at(i + 1))) {
    printedFamily = familyToken;
    i += 2;
  }
  const protocol = at(i);
  if (!PROTOCOL_NAME.test(protocol) || protocol === 'ipv4' || protocol === 'ipv6') throw new Unreadable(protocol);
  const protocolNumber = integer(at(i + 1));
  i += 2;
  const timeout = isDigits(at(i)) ? integer(at(i++)) : undefined;
  const state = STATE.test(at(i)) ? at(i++) : undefined;

  const icmp = ICMP_PROTOCOLS.has(protocol);
  const original: TupleDraft = { numbers: {}, other: null };
  const reply: TupleDraft = { numbers: {}, other: null };
  if (!at(i).startsWith('src=')) throw new Unreadable('no original tuple');
  i = readTuple(tokens, i, icmp, original);
  const flags: string[] = [];
  for (let flag = flagName(at(i)); flag !== null; flag = flagName(at(++i))) flags.push(flag);
  if (!at(i).startsWith('src=')) throw new Unreadable('no reply tuple');
  i = readTuple(tokens, i, icmp, reply);

  const trailer: Partial<Record<'mark' | 'zone' | 'use' | 'id' | 'portid', number>> = {};
  let other: Record<string, string> | null = null;
  for (; i < tokens.length; i++) {
    const token = at(i);
    const flag = flagName(token);
    if (flag !== null) {
      flags.push(flag);
      continue;
    }
    const eq = keyEnd(token);
    if (eq < 0) throw new Unreadable(token); // e.g. `[start=Sun Dec …]` of ktimestamp
    const key = token.slice(0, eq);
    const value = token.slice(eq + 1);
    if (key === 'src' || key === 'dst') throw new Unreadable('a third tuple');
    if (TRAILER_NUMBERS.has(key)) {
      const name = key as keyof typeof trailer;
      if (trailer[name] !== undefined) throw new Unreadable(token);
      trailer[name] = integer(value);
    } else {
      other ??= {};
      if (key in other) throw new Unreadable(token);
      other[key] = value;
    }
  }

  const family = printedFamily ?? familyOf(original.src ?? '');
  const entry: ConntrackEntry = {
    family,
    protocol,
    protocolNumber,
    original: finishTuple(original, family),
    reply: finishTuple(reply, family),
    flags,
    ...trailer,
  };
  if (event !== undefined) entry.event = event;
  if (timestamp !== undefined) entry.timestamp = timestamp;
  if (timeout !== undefined) entry.timeout = timeout;
  if (state !== undefined) entry.state = state;
  if (other) entry.other = other;
  return entry;
}

/** One line of output; null for a blank line. */
export function parseConntrackLine(line: string): ConntrackLine | null {
  const tokens = tokensOf(line);
  if (tokens.length === 0) return null;
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

// Which conntrack text lines may concern containers, told from the text alone before anything is
// parsed. A busy host's own connections (a browser, a sync client, a load test) are most of its
// events and say nothing about containers; parsing and handing them on was most of what following
// flows cost. A line is kept when the original sender or the real answerer (the reply's source) is
// an address of interest, when the connection was DNAT'ed (the answer comes from elsewhere than
// where it was sent: a published port), or when its tuples cannot be found (the parser then says
// what it could not read). A superset of what the engine attributes to containers; it decides the
// rest. Pure: no I/O.
import { normalizeAddress } from '../addresses/normalize-address';

export interface LineInterest {
  /** Normalized addresses (IPv6 in full, IPv4-mapped IPv6 as IPv4). */
  readonly addresses: ReadonlySet<string>;
}

export function lineInterest(addresses: Iterable<string>): LineInterest {
  const set = new Set<string>();
  for (const address of addresses) {
    const key = normalizeAddress(address);
    if (key !== null) set.add(key);
  }
  return { addresses: set };
}

function interesting(address: string, interest: LineInterest): boolean {
  // conntrack prints IPv4 in its normalized form already; only IPv6 (and mapped IPv4) needs the work.
  return interest.addresses.has(address.includes(':') ? (normalizeAddress(address) ?? address) : address);
}

/** The value of ` key=` between `from` and `to` (a tuple's stretch of the line), or null. */
function field(line: string, key: string, from: number, to: number): string | null {
  const at = line.indexOf(key, from);
  if (at < 0 || at >= to) return null;
  const start = at + key.length;
  const end = line.indexOf(' ', start);
  return line.slice(start, end < 0 || end > to ? to : end);
}

export function mayConcern(line: string, interest: LineInterest): boolean {
  const original = line.indexOf(' src=');
  if (original < 0) return true;
  const reply = line.indexOf(' src=', original + 5);
  if (reply < 0) return true;
  const originalSrc = field(line, ' src=', original, reply);
  const originalDst = field(line, ' dst=', original, reply);
  const replySrc = field(line, ' src=', reply, line.length);
  if (originalSrc === null || originalDst === null || replySrc === null) return true;
  if (interesting(originalSrc, interest) || interesting(replySrc, interest)) return true;
  // DNAT: the answer comes from another address, or from another port, than the one sent to.
  if (replySrc !== originalDst) return true;
  const originalDport = field(line, ' dport=', original, reply);
  const replySport = field(line, ' sport=', reply, line.length);
  return originalDport !== null && replySport !== null && originalDport !== replySport;
}

// Where a DNS redirect inside a container may send queries. Pure.
import { parseIpv4 } from '../addresses/ipv4';

/** Null when `to` may be an upstream DNS server; else why not (a sentence ending in "refused"). */
export function redirectTargetProblem(to: string): string | null {
  const ip = parseIpv4(to);
  if (ip === null) return `redirect target ${to} is not an IPv4 address; refused`;
  const first = Math.floor(ip / 2 ** 24);
  // Inside a container 127/8 is the container's own loopback, 0/8 "this host": never an upstream.
  if (first === 127) return `redirect target ${to} is a loopback address; refused`;
  if (first === 0) return `redirect target ${to} is in 0.0.0.0/8, not a server's address; refused`;
  if (first >= 224) return `redirect target ${to} is a multicast or reserved address; refused`;
  return null;
}

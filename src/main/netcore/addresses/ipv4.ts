// IPv4 helpers for the packet path, on ipaddr.js: parsing and CIDR matching come from the library;
// what is left here is the numeric form the evaluator compares and the packet path's own needs. Pure.
import ipaddr from 'ipaddr.js';

export interface Cidr {
  network: number;
  prefix: number;
}

const toNumber = (address: ipaddr.IPv4) => address.toByteArray().reduce((n, o) => n * 256 + o, 0);

/** a.b.c.d as an unsigned 32-bit number, or null when it is not a dotted IPv4 address. */
export function parseIpv4(text: string): number | null {
  const trimmed = text.trim();
  return ipaddr.IPv4.isValidFourPartDecimal(trimmed) ? toNumber(ipaddr.IPv4.parse(trimmed)) : null;
}

export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export function isIpv4(text: string): boolean {
  return parseIpv4(text) !== null;
}

/** 'a.b.c.d/len' or a bare 'a.b.c.d' (a /32); the host bits are cleared. */
export function parseCidr(text: string): Cidr | null {
  const trimmed = text.trim();
  const withPrefix = trimmed.includes('/') ? trimmed : `${trimmed}/32`;
  if (!ipaddr.IPv4.isValidCIDR(withPrefix) || !ipaddr.IPv4.isValidFourPartDecimal(withPrefix.split('/')[0]!)) return null;
  const [, prefix] = ipaddr.IPv4.parseCIDR(withPrefix);
  return { network: toNumber(ipaddr.IPv4.networkAddressFromCIDR(withPrefix)), prefix };
}

export function cidrContains(cidr: Cidr, ip: number): boolean {
  const mask = cidr.prefix === 0 ? 0 : (0xffffffff << (32 - cidr.prefix)) >>> 0;
  return ((ip & mask) >>> 0) === cidr.network;
}

/** Whether the dotted address lies in the CIDR text; false when either does not parse. */
export function inCidr(cidrText: string, address: string): boolean {
  const cidr = parseCidr(cidrText);
  const ip = parseIpv4(address);
  return cidr !== null && ip !== null && cidrContains(cidr, ip);
}

/** The address part of 'a.b.c.d/len'. */
export function addressPart(withPrefix: string): string {
  return withPrefix.split('/')[0] ?? withPrefix;
}

function rangeOf(address: string): string | null {
  return ipaddr.IPv4.isValidFourPartDecimal(address) ? ipaddr.IPv4.parse(address).range() : null;
}

export function isLoopbackIpv4(address: string): boolean {
  return rangeOf(address) === 'loopback';
}

export function isMulticastIpv4(address: string): boolean {
  return rangeOf(address) === 'multicast';
}

/** Another address in the subnet of 'a.b.c.d/len' than the given host one (network + 1, else + 2). */
export function neighbourIn(hostWithPrefix: string): string | null {
  const cidr = parseCidr(hostWithPrefix);
  const host = parseIpv4(addressPart(hostWithPrefix));
  if (cidr === null || host === null) return null;
  if (cidr.prefix >= 31) return formatIpv4(host ^ 1);
  const first = cidr.network + 1;
  return formatIpv4(first === host ? first + 1 : first);
}

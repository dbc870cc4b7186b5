// Tiny IPv4 helpers for the packet path (parse, CIDR containment, format). Pure.
// Stand-in until ipaddr.js is a direct dependency: replace these with ipaddr.js then.

export interface Cidr {
  network: number;
  prefix: number;
}

const OCTETS = /^(\d{1,3})\.(\d{1,3})\.(\d{1,3})\.(\d{1,3})$/;

/** a.b.c.d as an unsigned 32-bit number, or null when it is not a dotted IPv4 address. */
export function parseIpv4(text: string): number | null {
  const m = OCTETS.exec(text.trim());
  if (!m) return null;
  const octets = m.slice(1, 5).map(Number);
  if (octets.some((o) => o > 255)) return null;
  return octets.reduce((n, o) => n * 256 + o, 0);
}

export function formatIpv4(n: number): string {
  return [24, 16, 8, 0].map((shift) => Math.floor(n / 2 ** shift) % 256).join('.');
}

export function isIpv4(text: string): boolean {
  return parseIpv4(text) !== null;
}

function maskOf(prefix: number): number {
  return prefix === 0 ? 0 : (0xffffffff << (32 - prefix)) >>> 0;
}

/** 'a.b.c.d/len' or a bare 'a.b.c.d' (a /32); the host bits are cleared. */
export function parseCidr(text: string): Cidr | null {
  const [address, length] = text.trim().split('/');
  const ip = parseIpv4(address ?? '');
  const prefix = length === undefined ? 32 : Number(length);
  if (ip === null || !Number.isInteger(prefix) || prefix < 0 || prefix > 32 || length === '') return null;
  return { network: (ip & maskOf(prefix)) >>> 0, prefix };
}

export function cidrContains(cidr: Cidr, ip: number): boolean {
  return ((ip & maskOf(cidr.prefix)) >>> 0) === cidr.network;
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

export function isLoopbackIpv4(address: string): boolean {
  return inCidr('127.0.0.0/8', address);
}

export function isMulticastIpv4(address: string): boolean {
  return inCidr('224.0.0.0/4', address);
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

// Addresses a user gives a link (10.0.0.1/24, a gateway) and whether two networks overlap, with a
// reason in one sentence when one is not acceptable. On ipaddr.js. Pure.
import ipaddr from 'ipaddr.js';

export class LinkValueError extends Error {
  override name = 'LinkValueError';
  /** Nothing was changed (see src/shared/errors.ts). */
  readonly kind = 'refused' as const;
}

export interface InterfaceAddress {
  /** As the user wrote it (canonical for IPv4). */
  text: string;
  address: string;
  prefix: number;
  family: 4 | 6;
  /** The network it lies in, 'a.b.c.d/n' (or the IPv6 form). */
  network: string;
}

// Dotted decimal without leading zeros (ipaddr.js would read 010 as octal in some forms).
const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);
const IPV6 = /^[0-9a-fA-F:]{2,39}$/;
const REFUSED_RANGES: Record<string, string> = {
  unspecified: 'the unspecified address',
  broadcast: 'a broadcast address',
  multicast: 'a multicast address',
  loopback: 'a loopback address',
  ipv4Mapped: 'an IPv4-mapped address',
  rfc6145: 'an IPv4-translated address',
};

type Parsed = { ip: ipaddr.IPv4 | ipaddr.IPv6; family: 4 | 6 };

/** A plain IPv4 or IPv6 address, or null. */
function parseIp(text: string): Parsed | null {
  if (IPV4.test(text)) return { ip: ipaddr.IPv4.parse(text), family: 4 };
  if (IPV6.test(text) && ipaddr.IPv6.isValid(text)) return { ip: ipaddr.IPv6.parse(text), family: 6 };
  return null;
}

const show = (text: string) => JSON.stringify(text.length > 64 ? `${text.slice(0, 64)}…` : text);

function networkOf(parsed: Parsed, prefix: number): string {
  const text = `${parsed.ip.toString()}/${prefix}`;
  return parsed.family === 4 ? `${ipaddr.IPv4.networkAddressFromCIDR(text).toString()}/${prefix}` : `${ipaddr.IPv6.networkAddressFromCIDR(text).toString()}/${prefix}`;
}

/** An address for a link, with its prefix length: 10.0.0.1/24 or fd00::1/64. Throws LinkValueError. */
export function parseInterfaceAddress(text: string): InterfaceAddress {
  const match = /^([^/]*)\/(\d{1,3})$/.exec(text);
  if (!match) throw new LinkValueError(`${show(text)} is not an address with a prefix length, like 10.0.0.1/24`);
  const parsed = parseIp(match[1]!);
  if (!parsed) throw new LinkValueError(`${show(match[1]!)} is not an IPv4 or IPv6 address`);
  const prefix = Number(match[2]);
  const max = parsed.family === 4 ? 32 : 128;
  if (prefix < 1 || prefix > max) throw new LinkValueError(`the prefix length of ${show(text)} must be 1-${max}`);
  const range = parsed.ip.range();
  const refused = Object.hasOwn(REFUSED_RANGES, range) ? REFUSED_RANGES[range] : undefined;
  if (refused) throw new LinkValueError(`${parsed.ip.toString()} is ${refused}, not one a link can have`);
  if (parsed.family === 4 && prefix <= 30) {
    const cidr = `${parsed.ip.toString()}/${prefix}`;
    if (ipaddr.IPv4.networkAddressFromCIDR(cidr).toString() === parsed.ip.toString()) {
      throw new LinkValueError(`${parsed.ip.toString()} is the network address of ${networkOf(parsed, prefix)}: give a host address, like ${nextAddress(parsed.ip as ipaddr.IPv4)}/${prefix}`);
    }
    if (ipaddr.IPv4.broadcastAddressFromCIDR(cidr).toString() === parsed.ip.toString()) {
      throw new LinkValueError(`${parsed.ip.toString()} is the broadcast address of ${networkOf(parsed, prefix)}: give a host address`);
    }
  }
  const canonical = parsed.ip.toString();
  return { text: `${canonical}/${prefix}`, address: canonical, prefix, family: parsed.family, network: networkOf(parsed, prefix) };
}

function nextAddress(ip: ipaddr.IPv4): string {
  const bytes = ip.toByteArray();
  bytes[3] = (bytes[3]! + 1) % 256;
  return bytes.join('.');
}

/** A gateway for a link with `address`: same family, inside its network, not the address itself. Returns it canonical. */
export function parseGateway(text: string, address: InterfaceAddress): string {
  const parsed = parseIp(text);
  if (!parsed) throw new LinkValueError(`gateway ${show(text)} is not an IPv4 or IPv6 address`);
  if (parsed.family !== address.family) throw new LinkValueError(`gateway ${parsed.ip.toString()} is IPv${parsed.family} but the address ${address.text} is IPv${address.family}`);
  const [network, prefix] = parsed.family === 4 ? ipaddr.IPv4.parseCIDR(address.network) : ipaddr.IPv6.parseCIDR(address.network);
  if (!(parsed.ip as ipaddr.IPv4).match(network as ipaddr.IPv4, prefix)) {
    throw new LinkValueError(`gateway ${parsed.ip.toString()} is outside ${address.network}, the network of ${address.text}`);
  }
  if (parsed.ip.toString() === address.address) throw new LinkValueError(`gateway ${parsed.ip.toString()} is the link's own address`);
  if (parsed.family === 4 && prefix <= 30) {
    if (ipaddr.IPv4.networkAddressFromCIDR(address.network).toString() === parsed.ip.toString() || ipaddr.IPv4.broadcastAddressFromCIDR(address.network).toString() === parsed.ip.toString()) {
      throw new LinkValueError(`gateway ${parsed.ip.toString()} is the network or broadcast address of ${address.network}`);
    }
  }
  return parsed.ip.toString();
}

/** Whether two IPv4 networks ('a.b.c.d/n') share any address; false when either is not one. */
export function ipv4NetworksOverlap(a: string, b: string): boolean {
  if (!ipaddr.IPv4.isValidCIDR(a) || !ipaddr.IPv4.isValidCIDR(b)) return false;
  const [na, pa] = ipaddr.IPv4.parseCIDR(a);
  const [nb, pb] = ipaddr.IPv4.parseCIDR(b);
  const shorter = Math.min(pa, pb);
  return na.match(nb, shorter);
}

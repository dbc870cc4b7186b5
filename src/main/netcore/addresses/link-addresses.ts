// Addresses a user gives a link (10.0.0.1/24, a gateway) and whether two networks overlap, with a
// reason in one sentence when one is not acceptable. On ipaddr.js. Pure.
import ipaddr from 'ipaddr.js';
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message, type MessageParam } from '../../../shared/message';

export class LinkValueError extends Error {
  override name = 'LinkValueError';
  /** Nothing was changed (see src/shared/errors.ts). */
  readonly kind = 'refused' as const;
  /** The sentence as a message (engine-errors); `message` is its English. */
  readonly said: Message;
  constructor(key: string, params: Record<string, MessageParam> = {}) {
    const said = message(`engine-errors:address.${key}`, params);
    super(inEnglish(said));
    this.said = said;
  }
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
/** ipaddr.js ranges a link's address may not be in (engine-errors:address.range.<name> says which). */
const REFUSED_RANGES = new Set(['unspecified', 'broadcast', 'multicast', 'loopback', 'ipv4Mapped', 'rfc6145']);

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
  if (!match) throw new LinkValueError('noPrefix', { text: show(text) });
  const parsed = parseIp(match[1]!);
  if (!parsed) throw new LinkValueError('notAnAddress', { text: show(match[1]!) });
  const prefix = Number(match[2]);
  const max = parsed.family === 4 ? 32 : 128;
  if (prefix < 1 || prefix > max) throw new LinkValueError('prefixLength', { text: show(text), max });
  const range = parsed.ip.range();
  if (REFUSED_RANGES.has(range)) throw new LinkValueError('refusedRange', { address: parsed.ip.toString(), range: message(`engine-errors:address.range.${range}`) });
  if (parsed.family === 4 && prefix <= 30) {
    const cidr = `${parsed.ip.toString()}/${prefix}`;
    if (ipaddr.IPv4.networkAddressFromCIDR(cidr).toString() === parsed.ip.toString()) {
      throw new LinkValueError('networkAddress', { address: parsed.ip.toString(), network: networkOf(parsed, prefix), example: `${nextAddress(parsed.ip as ipaddr.IPv4)}/${prefix}` });
    }
    if (ipaddr.IPv4.broadcastAddressFromCIDR(cidr).toString() === parsed.ip.toString()) {
      throw new LinkValueError('broadcast', { address: parsed.ip.toString(), network: networkOf(parsed, prefix) });
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
  if (!parsed) throw new LinkValueError('gatewayNotAnAddress', { text: show(text) });
  if (parsed.family !== address.family) throw new LinkValueError('gatewayFamily', { gateway: parsed.ip.toString(), family: parsed.family, address: address.text, addressFamily: address.family });
  const [network, prefix] = parsed.family === 4 ? ipaddr.IPv4.parseCIDR(address.network) : ipaddr.IPv6.parseCIDR(address.network);
  if (!(parsed.ip as ipaddr.IPv4).match(network as ipaddr.IPv4, prefix)) {
    throw new LinkValueError('gatewayOutside', { gateway: parsed.ip.toString(), network: address.network, address: address.text });
  }
  if (parsed.ip.toString() === address.address) throw new LinkValueError('gatewayOwn', { gateway: parsed.ip.toString() });
  if (parsed.family === 4 && prefix <= 30) {
    if (ipaddr.IPv4.networkAddressFromCIDR(address.network).toString() === parsed.ip.toString() || ipaddr.IPv4.broadcastAddressFromCIDR(address.network).toString() === parsed.ip.toString()) {
      throw new LinkValueError('gatewayNetworkOrBroadcast', { gateway: parsed.ip.toString(), network: address.network });
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

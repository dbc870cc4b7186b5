// The shape of IPv4 addresses and CIDRs as typed in a form: shape only (whether a subnet is free,
// a gateway inside it … is the engine's to say). Pure.
import { INTERFACE_NAME_MAX, SAFE_NAME } from '../../../shared/atoms/names';

const OCTET = '(25[0-5]|2[0-4]\\d|1\\d\\d|[1-9]?\\d)';
const IPV4 = new RegExp(`^${OCTET}(\\.${OCTET}){3}$`);

/** 172.31.0.1 */
export function isIpv4(text: string): boolean {
  return IPV4.test(text.trim());
}

/** 172.31.0.0/24: an address, a slash and a prefix length 0–32. */
export function isIpv4Cidr(text: string): boolean {
  const match = /^([^/]+)\/(\d{1,2})$/.exec(text.trim());
  return match !== null && isIpv4(match[1]!) && Number(match[2]) <= 32;
}

/** An MTU typed in a field: '' is "leave it", else an integer 68–65535 or a sentence. */
export function parseMtu(text: string): number | undefined | string {
  const trimmed = text.trim();
  if (!trimmed) return undefined;
  if (!/^\d{1,6}$/.test(trimmed)) return `“${trimmed}” is not an MTU: write a number like 1500`;
  const mtu = Number(trimmed);
  if (mtu < 68 || mtu > 65535) return 'MTU goes from 68 to 65535';
  return mtu;
}

/** Linux interface names: at most 15 characters of letters, digits, _ . and -. */
export function linkNameProblem(text: string, what = 'an interface name'): string | null {
  if (!text) return `Give ${what}`;
  if (text.length > INTERFACE_NAME_MAX) return `${capitalize(what)} is at most ${INTERFACE_NAME_MAX} characters (this one has ${text.length})`;
  if (!SAFE_NAME.test(text)) return `${capitalize(what)} has only letters, digits, _ . and - (and starts with a letter or digit)`;
  return null;
}

function capitalize(text: string): string {
  return text.charAt(0).toUpperCase() + text.slice(1);
}

// The shape of IPv4 addresses and CIDRs as typed in a form: shape only (whether a subnet is free,
// a gateway inside it … is the engine's to say). Pure.

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

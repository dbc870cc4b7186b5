// One spelling per address, to compare and look addresses up: IPv6 in full, IPv4-mapped IPv6 as
// IPv4, a prefix length or zone dropped. conntrack prints the same few addresses in every event, so
// answers are remembered (bounded, then forgotten). Pure apart from that cache.
import ipaddr from 'ipaddr.js';

const normalized = new Map<string, string | null>();
const NORMALIZED_KEPT = 65_536;

/** The address as a map key, or null when it is not one. */
export function normalizeAddress(text: string): string | null {
  const known = normalized.get(text);
  if (known !== undefined) return known;
  const bare = text.split('/')[0]?.split('%')[0] ?? '';
  const value = ipaddr.isValid(bare) ? ipaddr.process(bare).toNormalizedString() : null;
  if (normalized.size >= NORMALIZED_KEPT) normalized.clear();
  normalized.set(text, value);
  return value;
}

// Which nftables tables belong to the xtables-nft tools (iptables-nft, ip6tables-nft, arptables-nft,
// ebtables-nft), and how an nft table is named in Bridgeport's model. Pure.
import type { Family } from '../rules/parsed-rule';

// The tables the xtables-nft tools create. They carry `xt` compat expressions that `nft -j` cannot
// describe (an untranslated DNAT shows only its name), so they are read with *-save instead.
const XTABLES_FAMILIES = new Set(['ip', 'ip6', 'arp', 'bridge']);
const XTABLES_NAMES = new Set(['filter', 'nat', 'raw', 'mangle', 'security']);

/**
 * True for a table the xtables-nft tools manage, going by family and name (there is no other
 * mark): the engine reads those with iptables-save and only the other, native tables with nft.
 * A native table that happens to be called e.g. `ip filter` is claimed by iptables too.
 */
export function isIptablesNftTable(family: string, name: string): boolean {
  if (!XTABLES_FAMILIES.has(family)) return false;
  // ebtables-nft also has a `broute` table.
  return XTABLES_NAMES.has(name) || (family === 'bridge' && name === 'broute');
}

/**
 * The model has only ipv4 and ipv6: `ip6` tables are ipv6; `ip` tables and every other family
 * (inet, which holds both; netdev, bridge, arp) are filed under ipv4, and their table name says
 * which family they really are.
 */
export function modelFamilyOf(nftFamily: string): Family {
  return nftFamily === 'ip6' ? 'ipv6' : 'ipv4';
}

/**
 * A native table is named as nft names it, family first: `ip docker-bridges`, `inet filter`,
 * `ip6 nat`. Always prefixed, so it never reads as one of iptables' own tables (`nat`, `filter`)
 * and an inet table keeps its family although the model files it under ipv4.
 */
export function modelTableOf(nftFamily: string, name: string): string {
  return `${nftFamily} ${name}`;
}

// Where each native base chain hooks into netfilter, which ParsedChain cannot say: a packet walk
// needs it to place `ip docker-bridges nat-PREROUTING` (hook prerouting, priority -100) beside
// iptables' nat PREROUTING. Pure.
import type { Family } from '../rules/parsed-rule';
import { modelFamilyOf, modelTableOf } from './iptables-nft-tables';
import { kindOf, type ParseNftOptions } from './nft-json-value';
import { nftChainSchema, readNftDocument } from './nft-ruleset-schema';

export interface NftBaseChain {
  family: Family;
  /** Named as parseNftJson names it: `ip docker-bridges`. */
  table: string;
  name: string;
  /** filter, nat or route. */
  type: string;
  /** prerouting, input, forward, output, postrouting, ingress, egress. */
  hook: string;
  /** Lower runs first at the same hook; iptables-nft uses raw -300, mangle -150, nat -100/100, filter 0. */
  priority: number;
  /** The device of a netdev (or inet ingress) chain, if any. */
  devices: string[];
}

/** The base chains of `nft -j list ruleset`, in the order listed; throws as parseNftJson does. */
export function nftBaseChains(jsonText: string, options: ParseNftOptions = {}): NftBaseChain[] {
  const wanted = options.onlyTables ?? (() => true);
  const chains: NftBaseChain[] = [];
  for (const entry of readNftDocument(jsonText)) {
    const k = kindOf(entry);
    if (k?.kind !== 'chain') continue;
    const parsed = nftChainSchema.safeParse(k.body);
    if (!parsed.success) continue;
    const { family, table, name, type, hook, prio, dev } = parsed.data;
    if (hook === undefined || !wanted(family, table)) continue;
    chains.push({
      family: modelFamilyOf(family),
      table: modelTableOf(family, table),
      name,
      type: type ?? 'filter',
      hook,
      priority: prio ?? 0,
      devices: [dev ?? []].flat(),
    });
  }
  return chains;
}

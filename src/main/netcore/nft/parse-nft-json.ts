// Parses `nft -j list ruleset` (or `nft -j list table …`) into the same chains and rules that
// iptables-save gives, so native nftables tables (Docker 29's `ip docker-bridges`, firewalld's
// `inet firewalld`, a hand-written `inet filter`) are attributed and explained alike. Pure: no I/O.
//
// Naming: a table is `<nft family> <name>` (`ip docker-bridges`, `inet filter`); `ip6` tables are
// ipv6, every other family is filed under ipv4 (see iptables-nft-tables.ts).
import type { NftSetSource, ParsedChain, ParsedRule, ParsedRuleset } from '../rules/parsed-rule';
import { isIptablesNftTable, modelFamilyOf, modelTableOf } from './iptables-nft-tables';
import { kindOf, type ParseNftOptions } from './nft-json-value';
import {
  nftChainSchema,
  nftRuleSchema,
  nftSetSchema,
  readNftDocument,
  type NftChain,
  type NftRule,
  type NftSet,
} from './nft-ruleset-schema';
import { readNftRule, setReferences } from './read-nft-rule';
import { renderExpr } from './render-nft-expr';

export { isIptablesNftTable };
export { nftBaseChains, type NftBaseChain } from './nft-base-chains';

export type { ParseNftOptions };

// Enough of a set to recognise it in a rule's explanation; the rest is counted.
const MAX_ELEMENTS_SHOWN = 8;

function setContentsText(set: NftSet): string {
  const types = [set.type ?? []].flat();
  const hint = { quote: types.includes('ifname'), hex: types.includes('mark') };
  const shown = set.elem
    .slice(0, MAX_ELEMENTS_SHOWN)
    .map((e) => (Array.isArray(e) && e.length === 2 ? `${renderExpr(e[0], hint)} : ${renderExpr(e[1])}` : renderExpr(e, hint)));
  if (set.elem.length > MAX_ELEMENTS_SHOWN) shown.push(`… ${set.elem.length - MAX_ELEMENTS_SHOWN} more`);
  return shown.length === 0 ? '{ }' : `{ ${shown.join(', ')} }`;
}

const tableKey = (family: string, table: string, name: string) => JSON.stringify([family, table, name]);

function toChain(chain: NftChain): ParsedChain {
  return {
    family: modelFamilyOf(chain.family),
    table: modelTableOf(chain.family, chain.table),
    name: chain.name,
    // Base chains have a policy (accept/drop); regular chains, like iptables' user chains, have none.
    policy: chain.hook !== undefined && chain.policy !== undefined ? chain.policy.toUpperCase() : null,
    // nft keeps no per-chain counters.
    packets: 0,
    bytes: 0,
    ...(chain.hook !== undefined ? { base: { type: chain.type ?? 'filter', hook: chain.hook, priority: chain.prio ?? 0 } } : {}),
  };
}

function setSource(set: NftSet): NftSetSource {
  const map = [set.map ?? []].flat();
  return { type: [set.type ?? []].flat(), map: map.length > 0 ? map.join(' . ') : null, flags: [set.flags ?? []].flat(), elem: set.elem };
}

/** The named sets and maps a rule refers to, so the rule can be evaluated on its own. */
function referencedSets(statements: readonly unknown[], lookup: (name: string) => NftSetSource | undefined): Record<string, NftSetSource> {
  const sets: Record<string, NftSetSource> = {};
  for (const name of setReferences(statements)) {
    const set = lookup(name);
    if (set) sets[name] = set;
  }
  return sets;
}

/** Parses the JSON text printed by `nft -j list ruleset`; throws only when it is not such JSON. */
export function parseNftJson(jsonText: string, options: ParseNftOptions = {}): ParsedRuleset {
  const wanted = options.onlyTables ?? (() => true);
  const chains: ParsedChain[] = [];
  const nftRules: NftRule[] = [];
  const setContents = new Map<string, string>();
  const setSources = new Map<string, NftSetSource>();
  // Unknown objects (metainfo, counter, quota, ct helper, flowtable …) and malformed ones are skipped.
  for (const entry of readNftDocument(jsonText)) {
    const k = kindOf(entry);
    if (k?.kind === 'chain') {
      const chain = nftChainSchema.safeParse(k.body);
      if (chain.success && wanted(chain.data.family, chain.data.table)) chains.push(toChain(chain.data));
    } else if (k?.kind === 'rule') {
      const rule = nftRuleSchema.safeParse(k.body);
      if (rule.success && wanted(rule.data.family, rule.data.table)) nftRules.push(rule.data);
    } else if (k?.kind === 'set' || k?.kind === 'map') {
      const set = nftSetSchema.safeParse(k.body);
      if (set.success) {
        setContents.set(tableKey(set.data.family, set.data.table, set.data.name), setContentsText(set.data));
        setSources.set(tableKey(set.data.family, set.data.table, set.data.name), setSource(set.data));
      }
    }
  }

  const positions = new Map<string, number>();
  const rules = nftRules.map((nft): ParsedRule => {
    const key = tableKey(nft.family, nft.table, nft.chain);
    const position = (positions.get(key) ?? 0) + 1;
    positions.set(key, position);
    const reading = readNftRule(nft.expr, nft.comment ?? null, (name) => setContents.get(tableKey(nft.family, nft.table, name)) ?? null);
    return {
      family: modelFamilyOf(nft.family),
      table: modelTableOf(nft.family, nft.table),
      chain: nft.chain,
      position,
      ...reading,
      // Without named sets nothing can be referenced: skip walking every expression (10 ms at 10,000 rules).
      nft: { statements: nft.expr, sets: setSources.size === 0 ? {} : referencedSets(nft.expr, (name) => setSources.get(tableKey(nft.family, nft.table, name))) },
    };
  });
  return { chains, rules };
}

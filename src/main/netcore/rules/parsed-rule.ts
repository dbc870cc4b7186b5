// A rule and a chain as read from a rule set, before Bridgeport attributes and explains them.
import type { RuleMatch } from '../../../shared/firewall-model';

export type Family = 'ipv4' | 'ipv6';

export interface ParsedChain {
  family: Family;
  table: string;
  name: string;
  policy: string | null;
  packets: number;
  bytes: number;
  /** Native nftables base chains only: where and when the chain hooks in (type, hook, priority). */
  base?: NftBaseHook;
}

export interface NftBaseHook {
  /** filter, nat or route. */
  type: string;
  /** prerouting, input, forward, output, postrouting (or ingress/egress). */
  hook: string;
  priority: number;
}

/** A named set or map of an nft table, as `nft -j` lists it. */
export interface NftSetSource {
  type: string[];
  /** The data type of a map (`verdict`, `ipv4_addr` …); null for a set. */
  map: string | null;
  flags: string[];
  elem: readonly unknown[];
}

/** A native nft rule as nft printed it, for evaluators that need more than RuleMatch holds. */
export interface NftRuleSource {
  statements: readonly unknown[];
  /** The named sets and maps of the rule's table that it refers to (`@name`). */
  sets: Readonly<Record<string, NftSetSource>>;
}

export interface ParsedRule {
  family: Family;
  table: string;
  chain: string;
  position: number;
  spec: string;
  target: string;
  targetArgs: string;
  /** For DNAT/SNAT/REDIRECT: the --to-destination / --to-source / --to-ports value. */
  toDestination: string | null;
  match: RuleMatch;
  packets: number;
  bytes: number;
  /** Native nftables rules only: the rule's own statements. */
  nft?: NftRuleSource;
}

export interface ParsedRuleset {
  chains: ParsedChain[];
  rules: ParsedRule[];
}

export function emptyMatch(): RuleMatch {
  return {
    protocol: null,
    protocolNegated: false,
    source: null,
    sourceNegated: false,
    destination: null,
    destinationNegated: false,
    inInterface: null,
    inInterfaceNegated: false,
    outInterface: null,
    outInterfaceNegated: false,
    dport: null,
    dportNegated: false,
    sport: null,
    sportNegated: false,
    dstType: null,
    srcType: null,
    ctstate: null,
    ctstateNegated: false,
    mark: null,
    markNegated: false,
    comment: null,
    unparsed: [],
  };
}

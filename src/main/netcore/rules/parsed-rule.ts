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

// What Bridgeport wants in a native nftables table it owns whole, as data: the nftables twin of
// owned-chain-set. Chains and rules are nft's JSON (`nft -j`), so what is wanted and what nft prints
// back compare directly. Pure.

/** An expression or statement of nft's JSON, as nft reads and prints it. */
export type NftExpr = Record<string, unknown>;

export interface NftChainSpec {
  name: string;
  /** Base chains only: type, hook and priority (policy is always accept). */
  base?: { type: 'filter' | 'nat'; hook: 'prerouting' | 'output' | 'postrouting' | 'forward'; prio: number };
}

export interface NftRuleSpec {
  chain: string;
  expr: NftExpr[];
  comment?: string;
}

/** No chains: the table must not exist at all. */
export interface DesiredNftTable {
  chains: NftChainSpec[];
  rules: NftRuleSpec[];
}

// What Bridgeport wants in the chains it owns, as data: every rule set (published ports, the
// doctor's fixes, DNS redirects) is one of these, and one planner brings any rule set to it.
// Rules are written as iptables-save prints them (`-A CHAIN …`); a second renderer (native
// nftables) can read the same data. Pure.

export type TableName = 'filter' | 'nat' | 'raw';

/**
 * Where a missing jump goes in the chain that jumps:
 * - `first`: ahead of everything (`-I FROM 1`);
 * - `last`: after everything (`-A FROM`);
 * - `before-final-return`: after the user's rules but before a trailing `-j RETURN` (DOCKER-USER
 *   ends with one on Docker before 27), else last.
 */
export type JumpPlacement = 'first' | 'last' | 'before-final-return';

export interface OwnedJump {
  /** The built-in or engine chain that jumps into one of ours. */
  from: string;
  /** The jump as iptables-save prints it (`-A FROM … -j OURS`). */
  spec: string;
  at: JumpPlacement;
}

export interface OwnedTable {
  table: TableName;
  /** Every chain of this table Bridgeport owns for this concern: present but unwanted ones are removed. */
  owned: readonly string[];
  /** The owned chains that should exist (empty: take them all away). */
  chains: readonly string[];
  /** The rules of those chains, in order (`-A CHAIN …`). */
  rules: readonly string[];
  /** The jumps into them; each exactly once. */
  jumps: readonly OwnedJump[];
}

/** The tables in the order the batch states them (e.g. ACCEPT before DNAT when adding). */
export interface OwnedChainSet {
  tables: readonly OwnedTable[];
}

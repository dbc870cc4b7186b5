// Plans the one iptables-restore --noflush batch that brings Bridgeport's chains from what the rule
// set holds to what the mappings want. Pure: current rules in, batch text out (null: nothing to do).
// Declaring a chain in a --noflush batch creates it or empties it, so each changed table is
// rewritten whole; built-in and Docker chains are only touched by -I/-D of our jump rules.
// The batch is meant for `iptables-restore --noflush --counters`.
import type { ParsedRuleset } from '../firewall/parsed-rule';
import { OWN_CHAINS, type DesiredRules, type JumpRule, type TableName } from './bridgeport-rules';

export interface BatchPlan {
  /** The iptables-restore --noflush input, or null when the rule set already is as wanted. */
  batch: string | null;
  /** Host ports of UDP DNAT rules the batch adds: their stale conntrack entries must go. */
  addedUdpPorts: number[];
}

// iptables-nft quotes every comment, iptables-legacy only those with spaces.
const normalize = (spec: string) => spec.replaceAll('"', '');

const isOwn = (table: string, chain: string) => (OWN_CHAINS[table as TableName] ?? []).includes(chain);

interface TableState {
  chains: string[];
  /** Counters of our rules, by text: a rewritten chain keeps the counts of the rules it keeps. */
  counters: Map<string, string>;
  /** Rules of our chains, by chain, in order. */
  rules: Map<string, string[]>;
  /** Rules elsewhere that jump into our chains (as printed). */
  jumps: Array<{ from: string; spec: string }>;
  /** Every rule of each chain that may receive a jump, to find where a jump goes. */
  parents: Map<string, string[]>;
}

function tableState(current: ParsedRuleset, table: TableName): TableState {
  const chains = current.chains.filter((c) => c.family === 'ipv4' && c.table === table && isOwn(table, c.name)).map((c) => c.name);
  const rules = new Map<string, string[]>();
  const counters = new Map<string, string>();
  const jumps: TableState['jumps'] = [];
  const parents = new Map<string, string[]>();
  const ordered = current.rules.filter((r) => r.family === 'ipv4' && r.table === table).sort((a, b) => a.position - b.position);
  for (const rule of ordered) {
    if (isOwn(table, rule.chain)) {
      rules.set(rule.chain, [...(rules.get(rule.chain) ?? []), normalize(rule.spec)]);
      if (!counters.has(normalize(rule.spec))) counters.set(normalize(rule.spec), `[${rule.packets}:${rule.bytes}] `);
    }
    else {
      parents.set(rule.chain, [...(parents.get(rule.chain) ?? []), normalize(rule.spec)]);
      if (isOwn(table, rule.target)) jumps.push({ from: rule.chain, spec: rule.spec });
    }
  }
  return { chains, rules, counters, jumps, parents };
}

const rulesOfChain = (rules: string[], chain: string) => rules.filter((r) => r.startsWith(`-A ${chain} `)).map(normalize);

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/** Jumps that must go: any not wanted, and every repeat of a wanted one. */
function surplusJumps(state: TableState, wanted: JumpRule[]): Array<{ from: string; spec: string }> {
  const seen = new Set<string>();
  return state.jumps.filter((j) => {
    const key = normalize(j.spec);
    const keep = wanted.some((w) => normalize(w.spec) === key) && !seen.has(key);
    seen.add(key);
    return !keep;
  });
}

/** DOCKER-USER ends with `-j RETURN` on Docker before 27: our jump goes just before it, after the user's rules. */
function insertJump(jump: JumpRule, parentRules: readonly string[]): string {
  const body = jump.spec.slice(`-A ${jump.from} `.length);
  if (jump.from !== 'DOCKER-USER') return `-I ${jump.from} 1 ${body}`;
  const last = parentRules.at(-1);
  if (last === '-A DOCKER-USER -j RETURN') return `-I DOCKER-USER ${parentRules.length} ${body}`;
  return `-A DOCKER-USER ${body}`;
}

function tableBatch(table: TableName, desired: DesiredRules, state: TableState): string[] | null {
  const want = desired.tables[table];
  const wantedJumps = desired.jumps.filter((j) => j.table === table);
  const surplus = surplusJumps(state, wantedJumps);
  const present = new Set(state.jumps.map((j) => normalize(j.spec)));
  const missing = wantedJumps.filter((j) => !present.has(normalize(j.spec)));
  const rulesMatch = OWN_CHAINS[table].every((chain) => sameList(state.rules.get(chain) ?? [], rulesOfChain(want.rules, chain)));
  const chainsMatch = sameList([...state.chains].sort(), [...want.chains].sort());
  if (rulesMatch && chainsMatch && surplus.length === 0 && missing.length === 0) return null;

  const lines = [`*${table}`];
  const chains = [...new Set([...want.chains, ...state.chains])];
  lines.push(...chains.map((c) => `:${c} - [0:0]`));
  lines.push(...surplus.map((j) => `-D ${j.spec.slice(3)}`));
  for (const jump of missing) {
    const removed = new Set(surplus.filter((s) => s.from === jump.from).map((s) => normalize(s.spec)));
    const parentRules = (state.parents.get(jump.from) ?? []).filter((r) => !removed.has(r));
    lines.push(insertJump(jump, parentRules));
  }
  // Applied with --counters: kept rules keep their counts, new ones start at zero.
  lines.push(...want.rules.map((r) => `${state.counters.get(normalize(r)) ?? ''}${r}`));
  lines.push(...state.chains.filter((c) => !want.chains.includes(c)).map((c) => `-X ${c}`));
  lines.push('COMMIT');
  return lines;
}

function udpDnatPorts(rules: readonly string[]): number[] {
  return rules
    .filter((r) => r.startsWith('-A BRIDGEPORT-DNAT ') && r.includes(' -p udp '))
    .map((r) => Number(/--dport (\d+)/.exec(r)?.[1]))
    .filter((p) => Number.isInteger(p));
}

export function planBatch(desired: DesiredRules, current: ParsedRuleset): BatchPlan {
  const removing = desired.jumps.length === 0;
  // Adding: ACCEPT before DNAT, so no moment drops what is already rewritten; removing: DNAT first.
  const order: TableName[] = removing ? ['nat', 'raw', 'filter'] : ['filter', 'raw', 'nat'];
  const parts = order.flatMap((table) => tableBatch(table, desired, tableState(current, table)) ?? []);
  const existing = new Set(tableState(current, 'nat').rules.get('BRIDGEPORT-DNAT') ?? []);
  const added = desired.tables.nat.rules.filter((r) => !existing.has(normalize(r)));
  return { batch: parts.length === 0 ? null : `${parts.join('\n')}\n`, addedUdpPorts: udpDnatPorts(added) };
}

// The one planner for Bridgeport's own chains: the wanted chains, rules and jumps in, the current
// rule set in, one `iptables-restore --noflush --counters` batch out (null: nothing to do). Pure.
// Declaring a chain in a --noflush batch creates or empties it, so a changed table states its owned
// chains whole; other chains are only touched by -I/-A/-D of our jumps. Kept rules keep counters.
import type { ParsedRule, ParsedRuleset } from '../rules/parsed-rule';
import type { OwnedChainSet, OwnedJump, OwnedTable } from './owned-chain-set';
import { ruleKey, sameRules } from './rule-key';

interface TableState {
  /** Owned chains that exist now. */
  chains: string[];
  /** Rules of each owned chain, in order. */
  rules: Map<string, ParsedRule[]>;
  /** Rules elsewhere that jump into an owned chain. */
  jumps: ParsedRule[];
  /** Every rule of every other chain, in order (where a jump goes depends on them). */
  parents: Map<string, ParsedRule[]>;
}

const append = <T>(map: Map<string, T[]>, key: string, value: T) => map.set(key, [...(map.get(key) ?? []), value]);

function readTable(current: ParsedRuleset, want: OwnedTable): TableState {
  const owned = new Set(want.owned);
  const chains = current.chains.filter((c) => c.family === 'ipv4' && c.table === want.table && owned.has(c.name)).map((c) => c.name);
  const state: TableState = { chains, rules: new Map(), jumps: [], parents: new Map() };
  const ordered = current.rules.filter((r) => r.family === 'ipv4' && r.table === want.table).sort((a, b) => a.position - b.position);
  for (const rule of ordered) {
    if (owned.has(rule.chain)) append(state.rules, rule.chain, rule);
    else {
      append(state.parents, rule.chain, rule);
      if (owned.has(rule.target)) state.jumps.push(rule);
    }
  }
  return state;
}

const rulesOf = (rules: readonly string[], chain: string) => rules.filter((r) => r.startsWith(`-A ${chain} `));

/** Jumps that must go: any not wanted, and every repeat of a wanted one. */
function surplusJumps(state: TableState, wanted: readonly OwnedJump[]): ParsedRule[] {
  const wantedKeys = new Set(wanted.map((j) => ruleKey(j.spec)));
  const seen = new Set<string>();
  return state.jumps.filter((jump) => {
    const key = ruleKey(jump.spec);
    const keep = wantedKeys.has(key) && !seen.has(key);
    seen.add(key);
    return !keep;
  });
}

function renderJump(jump: OwnedJump, parentRules: readonly ParsedRule[]): string {
  const body = jump.spec.slice(`-A ${jump.from} `.length);
  if (jump.at === 'first') return `-I ${jump.from} 1 ${body}`;
  const last = parentRules.at(-1);
  if (jump.at === 'before-final-return' && last && ruleKey(last.spec) === ruleKey(`-A ${jump.from} -j RETURN`)) {
    return `-I ${jump.from} ${parentRules.length} ${body}`;
  }
  return jump.spec;
}

function tableBatch(want: OwnedTable, state: TableState): string[] | null {
  const surplus = surplusJumps(state, want.jumps);
  const present = new Set(state.jumps.map((j) => ruleKey(j.spec)));
  const missing = want.jumps.filter((j) => !present.has(ruleKey(j.spec)));
  const rulesMatch = want.owned.every((chain) => sameRules((state.rules.get(chain) ?? []).map((r) => r.spec), rulesOf(want.rules, chain)));
  const chainsMatch = [...state.chains].sort().join(' ') === [...want.chains].sort().join(' ');
  if (rulesMatch && chainsMatch && surplus.length === 0 && missing.length === 0) return null;

  const counters = new Map<string, string>();
  for (const rule of [...state.rules.values()].flat()) {
    const key = ruleKey(rule.spec);
    if (!counters.has(key)) counters.set(key, `[${rule.packets}:${rule.bytes}] `);
  }
  const removed = new Set(surplus);
  return [
    `*${want.table}`,
    ...[...new Set([...want.chains, ...state.chains])].map((chain) => `:${chain} - [0:0]`),
    ...surplus.map((jump) => `-D ${jump.spec.slice(3)}`),
    // Applied with --counters: kept rules keep their counts, new ones start at zero.
    ...want.rules.map((rule) => `${counters.get(ruleKey(rule)) ?? ''}${rule}`),
    ...missing.map((jump) => renderJump(jump, (state.parents.get(jump.from) ?? []).filter((r) => !removed.has(r)))),
    ...state.chains.filter((chain) => !want.chains.includes(chain)).map((chain) => `-X ${chain}`),
    'COMMIT',
  ];
}

export function planOwnedChains(want: OwnedChainSet, current: ParsedRuleset): string | null {
  const parts = want.tables.flatMap((table) => tableBatch(table, readTable(current, table)) ?? []);
  return parts.length === 0 ? null : `${parts.join('\n')}\n`;
}

// Drops from two consecutive firewall readings (issue 17): the DROP/REJECT rules and the DROP
// policies of built-in chains whose counters moved in between, and by how much. Pure.
//
// Only what counts can be seen: iptables (nft or legacy) counts every rule and every built-in
// chain's policy; native nftables counts a rule only when it has a `counter` statement, and never a
// base chain's policy. Those are named in `uncountedDrops`, never reported as "no drops".
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message } from '../../../shared/message';
import type { FirewallChain, FirewallRule, NatReport } from '../../../shared/firewall-model';

export type DropTarget = 'DROP' | 'REJECT' | 'policy';

/** The counters of every drop-capable rule and policy in one reading, by key. */
export type DropCounters = Map<string, { packets: number; bytes: number }>;

export interface MovedDrop {
  key: string;
  /** The rule, or null for a chain's policy. */
  rule: FirewallRule | null;
  family: FirewallRule['family'];
  table: string;
  chain: string;
  spec: string;
  target: DropTarget;
  packets: number;
  bytes: number;
}

/** Native nftables tables are named "<family> <name>" (see iptables-nft-tables.ts); iptables' are not. */
const isNativeNft = (table: string) => table.includes(' ');

/** A native nft rule counts only with an anonymous `counter` statement (a named one is read elsewhere). */
const hasOwnCounter = (rule: FirewallRule) => /(^| )counter( |$)/.test(rule.spec) && !/(^| )counter name /.test(rule.spec);

function dropTargetOf(target: string): 'DROP' | 'REJECT' | null {
  const t = target.toUpperCase();
  return t === 'DROP' || t === 'REJECT' ? t : null;
}

const isBuiltInDropPolicy = (chain: FirewallChain) => chain.policy?.toUpperCase() === 'DROP';

const policyKey = (c: Pick<FirewallChain, 'family' | 'table' | 'name'>) => `policy:${c.family}:${c.table}:${c.name}`;

function countedRules(report: NatReport): Array<{ rule: FirewallRule; target: 'DROP' | 'REJECT' }> {
  const out: Array<{ rule: FirewallRule; target: 'DROP' | 'REJECT' }> = [];
  for (const rule of report.rules) {
    const target = dropTargetOf(rule.target);
    if (target && (!isNativeNft(rule.table) || hasOwnCounter(rule))) out.push({ rule, target });
  }
  return out;
}

const countedPolicies = (report: NatReport) => report.chains.filter((c) => isBuiltInDropPolicy(c) && !isNativeNft(c.table));

/** The counters to remember for the next reading. */
export function dropCountersOf(report: NatReport): DropCounters {
  const counters: DropCounters = new Map();
  for (const { rule } of countedRules(report)) counters.set(rule.id, { packets: rule.packets, bytes: rule.bytes });
  for (const chain of countedPolicies(report)) counters.set(policyKey(chain), { packets: chain.packets, bytes: chain.bytes });
  return counters;
}

/**
 * How much each counter grew. A counter that went down was reset (the rule was replaced, or
 * `iptables -Z`): all it holds now is new. A rule absent from the previous reading is new: all its
 * counts fell in between. Without a previous reading there is no baseline and nothing is reported.
 */
function grown(now: { packets: number; bytes: number }, before: { packets: number; bytes: number } | undefined) {
  if (!before || now.packets < before.packets) return { packets: now.packets, bytes: now.bytes };
  return { packets: now.packets - before.packets, bytes: Math.max(0, now.bytes - before.bytes) };
}

export function movedDrops(previous: DropCounters | null, report: NatReport): MovedDrop[] {
  if (previous === null) return [];
  const moved: MovedDrop[] = [];
  for (const { rule, target } of countedRules(report)) {
    const delta = grown(rule, previous.get(rule.id));
    if (delta.packets > 0) moved.push({ key: rule.id, rule, family: rule.family, table: rule.table, chain: rule.chain, spec: rule.spec, target, ...delta });
  }
  for (const chain of countedPolicies(report)) {
    const key = policyKey(chain);
    const delta = grown(chain, previous.get(key));
    if (delta.packets > 0) moved.push({ key, rule: null, family: chain.family, table: chain.table, chain: chain.name, spec: 'policy DROP', target: 'policy', ...delta });
  }
  return moved;
}

/** Sentences for the drops this reading cannot count (native nftables without counters), in English. */
export const uncountedDrops = (report: NatReport): string[] => uncountedDropMessages(report).map(inEnglish);

/** The same as messages (catalogue engine-flows). */
export function uncountedDropMessages(report: NatReport): Message[] {
  const notes: Message[] = [];
  const rulesByTable = new Map<string, number>();
  for (const rule of report.rules) {
    if (dropTargetOf(rule.target) && isNativeNft(rule.table) && !hasOwnCounter(rule)) rulesByTable.set(rule.table, (rulesByTable.get(rule.table) ?? 0) + 1);
  }
  for (const [table, count] of rulesByTable) {
    notes.push(message('engine-flows:uncounted.rules', { count, table }));
  }
  for (const chain of report.chains) {
    if (isBuiltInDropPolicy(chain) && isNativeNft(chain.table)) {
      notes.push(message('engine-flows:uncounted.policy', { chain: chain.name, table: chain.table }));
    }
  }
  return notes;
}

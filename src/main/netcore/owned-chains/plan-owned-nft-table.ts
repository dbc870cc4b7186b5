// The planner for Bridgeport's own nftables table: the wanted chains and rules in, `nft -j list
// table` of it now in (null: absent), one `nft -j -f` transaction out (null: nothing to do). The
// transaction deletes and recreates the table's content at once, so no moment holds half of it;
// without wanted chains it deletes the table. Rules compare by nft's JSON, as nft prints it back. Pure.
import type { DesiredNftTable, NftExpr, NftRuleSpec } from './owned-nft-table';
import { nftChainSchema, nftRuleSchema, readNftDocument } from '../nft/nft-ruleset-schema';
import { kindOf } from '../nft/nft-json-value';

export interface NftTableRef {
  family: string;
  name: string;
}

interface TableView {
  chains: string[];
  rules: string[];
}

/** JSON with sorted keys, so the same object prints the same whatever order nft gave its keys. */
function canonical(value: unknown): string {
  if (Array.isArray(value)) return `[${value.map(canonical).join(',')}]`;
  if (value !== null && typeof value === 'object') {
    const entries = Object.entries(value as Record<string, unknown>).sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0));
    return `{${entries.map(([k, v]) => `${JSON.stringify(k)}:${canonical(v)}`).join(',')}}`;
  }
  return JSON.stringify(value);
}

const isMetaMark = (v: unknown) => canonical(v) === canonical({ meta: { key: 'mark' } });

/** A mark statement's value as (keep, xor): mark = (mark & keep) ^ xor; nft prints `& a | b` shortened when it can. */
function markEffect(value: unknown): { keep: number; xor: number } | null {
  if (typeof value === 'number') return { keep: 0, xor: value >>> 0 };
  if (isMetaMark(value)) return { keep: 0xffffffff, xor: 0 };
  if (value === null || typeof value !== 'object') return null;
  const [op, args] = Object.entries(value as Record<string, unknown>)[0] ?? [];
  if (!Array.isArray(args) || args.length !== 2 || typeof args[1] !== 'number') return null;
  const inner = markEffect(args[0]);
  const n = args[1] >>> 0;
  if (!inner) return null;
  if (op === '&') return { keep: (inner.keep & n) >>> 0, xor: (inner.xor & n) >>> 0 };
  if (op === '|') return { keep: (inner.keep & ~n) >>> 0, xor: (inner.xor | n) >>> 0 };
  if (op === '^') return { keep: inner.keep, xor: (inner.xor ^ n) >>> 0 };
  return null;
}

/** One expression as compared: mark statements by what they do, everything else by its JSON. */
function exprKey(expr: NftExpr): string {
  const mangle = (expr as { mangle?: { key?: unknown; value?: unknown } }).mangle;
  if (mangle && isMetaMark(mangle.key)) {
    const effect = markEffect(mangle.value);
    if (effect) return `mark:${effect.keep}:${effect.xor}`;
  }
  return canonical(expr);
}

const ruleKey = (chain: string, expr: readonly NftExpr[], comment: string | undefined) => `${chain}\u0000${expr.map(exprKey).join('\u0000')}\u0000${comment ?? ''}`;

function chainKey(c: { name: string; type?: string; hook?: string; prio?: number; policy?: string }): string {
  return c.hook === undefined ? c.name : `${c.name} ${c.type ?? 'filter'} ${c.hook} ${c.prio ?? 0} ${c.policy ?? 'accept'}`;
}

/** Our table as `nft -j list table FAMILY NAME` printed it. */
export function readNftTableView(jsonText: string, table: NftTableRef): TableView {
  const view: TableView = { chains: [], rules: [] };
  for (const entry of readNftDocument(jsonText)) {
    const k = kindOf(entry);
    if (k?.kind === 'chain') {
      const chain = nftChainSchema.safeParse(k.body);
      if (chain.success && chain.data.family === table.family && chain.data.table === table.name) view.chains.push(chainKey(chain.data));
    } else if (k?.kind === 'rule') {
      const rule = nftRuleSchema.safeParse(k.body);
      if (rule.success && rule.data.family === table.family && rule.data.table === table.name) {
        view.rules.push(ruleKey(rule.data.chain, rule.data.expr as NftExpr[], rule.data.comment));
      }
    }
  }
  return view;
}

function desiredView(desired: DesiredNftTable): TableView {
  return {
    chains: desired.chains.map((c) => chainKey({ name: c.name, ...(c.base ?? {}) })),
    rules: desired.rules.map((r) => ruleKey(r.chain, r.expr, r.comment)),
  };
}

const sameView = (a: TableView, b: TableView) => [...a.chains].sort().join('\n') === [...b.chains].sort().join('\n') && a.rules.join('\n') === b.rules.join('\n');

/** Whether the table as read is what is wanted (null text: the table does not exist). */
export function nftTableMatches(desired: DesiredNftTable, current: string | null, table: NftTableRef): boolean {
  if (current === null) return desired.chains.length === 0;
  return desired.chains.length > 0 && sameView(readNftTableView(current, table), desiredView(desired));
}

function addRule(table: NftTableRef, rule: NftRuleSpec): unknown {
  return { add: { rule: { family: table.family, table: table.name, chain: rule.chain, expr: rule.expr, ...(rule.comment ? { comment: rule.comment } : {}) } } };
}

/** The `nft -j -f -` input that makes the table what is wanted, or null when it already is. */
export function planNftTable(desired: DesiredNftTable, current: string | null, table: NftTableRef): string | null {
  if (nftTableMatches(desired, current, table)) return null;
  const ref = { family: table.family, name: table.name };
  // `add` first: deleting a table that does not exist would fail the whole transaction.
  const commands: unknown[] = [{ add: { table: ref } }, { delete: { table: ref } }];
  if (desired.chains.length > 0) {
    commands.push({ add: { table: ref } });
    for (const c of desired.chains) {
      commands.push({ add: { chain: { family: table.family, table: table.name, name: c.name, ...(c.base ? { ...c.base, policy: 'accept' } : {}) } } });
    }
    for (const rule of desired.rules) commands.push(addRule(table, rule));
  }
  return `${JSON.stringify({ nftables: commands })}\n`;
}

/** Host ports of UDP DNAT rules that are wanted and not there now: their stale conntrack entries must go. */
export function addedNftUdpPorts(desired: DesiredNftTable, current: string | null, table: NftTableRef, dnatChain: string): number[] {
  const existing = new Set(current === null ? [] : readNftTableView(current, table).rules);
  const ports: number[] = [];
  for (const rule of desired.rules.filter((r) => r.chain === dnatChain)) {
    if (existing.has(ruleKey(rule.chain, rule.expr, rule.comment))) continue;
    const udp = rule.expr.find((e) => canonical((e as { match?: { left?: unknown } }).match?.left) === canonical({ payload: { protocol: 'udp', field: 'dport' } }));
    const port = (udp as { match?: { right?: unknown } } | undefined)?.match?.right;
    if (typeof port === 'number') ports.push(port);
  }
  return ports;
}

// The Flows view's logic: the live list of flows (a report, then start/end events applied in
// order), which way each flow goes, the filters, and every text a table row shows. Pure: time
// comes in as `now` (milliseconds).
import type { Flow, FlowEnd, FlowEvent, FlowTuple } from '../../../../shared/flow-model';
import type { TFunction } from 'i18next';
import { formatBytes } from '../../../../shared/units';

/** How long an ended flow stays, faded, before it leaves the table. */
export const ENDED_VISIBLE_MS = 3000;
/** Rows the table renders at most; the rest is counted, not drawn. */
export const MAX_ROWS = 2000;

export interface LiveFlow {
  flow: Flow;
  /** When its end event came, or null while it is open. */
  endedAt: number | null;
}

/** Flows by key, in the order they were first seen. */
export type FlowList = ReadonlyMap<string, LiveFlow>;

/** conntrack's id; without one (older kernels) the original tuple, as the engine keys them. */
export function flowKey(flow: Flow): string {
  if (flow.id !== undefined) return `id:${flow.id}`;
  const o = flow.original;
  return `${flow.protocol} ${o.src} ${o.sport ?? ''} ${o.dst} ${o.dport ?? ''}`;
}

/** TCP states after both sides closed: conntrack still lists the connection, but it is over. */
const CLOSED_STATES = new Set(['TIME_WAIT', 'CLOSE']);

/** The flows of a report; given `now`, the ones already closed are shown ending as of then (they fade and go). */
export function listOfFlows(flows: readonly Flow[], now: number | null = null): FlowList {
  const endedAt = (flow: Flow) => (now !== null && flow.protocol === 'tcp' && CLOSED_STATES.has(flow.state ?? '') ? now : null);
  return new Map(flows.map((flow) => [flowKey(flow), { flow, endedAt: endedAt(flow) }] as const));
}

/**
 * Events in order onto the list: a start adds the flow or updates it (and revives it if it was
 * ending); an end marks it ended at `now`. An end for a flow never seen is ignored: there is
 * nothing on screen to fade.
 */
export function applyFlowEvents(list: FlowList, events: readonly FlowEvent[], now: number): FlowList {
  if (events.length === 0) return list;
  const next = new Map(list);
  for (const { kind, flow } of events) {
    const key = flowKey(flow);
    if (kind === 'start') next.set(key, { flow, endedAt: null });
    else if (kind === 'update') next.set(key, { flow, endedAt: next.get(key)?.endedAt ?? null });
    else if (next.has(key)) next.set(key, { flow, endedAt: next.get(key)?.endedAt ?? now });
  }
  return next;
}

/** The list without flows that ended at least ENDED_VISIBLE_MS ago (the same list when none did). */
export function dropEnded(list: FlowList, now: number): FlowList {
  const gone = [...list].filter(([, f]) => f.endedAt !== null && now - f.endedAt >= ENDED_VISIBLE_MS);
  if (gone.length === 0) return list;
  const next = new Map(list);
  for (const [key] of gone) next.delete(key);
  return next;
}

export const hasEnded = (list: FlowList): boolean => [...list.values()].some((f) => f.endedAt !== null);

export type FlowDirection = 'in' | 'between' | 'out' | 'host';

/** The directions, in the order the filter offers them (words: `flows:direction.<direction>`). */
export const flowDirections: readonly FlowDirection[] = ['in', 'between', 'out', 'host'];

/** A translation function (react-i18next's `t`), passed in so this file stays pure. */
export type Say = TFunction<string>;

const isOutside = (end: FlowEnd) => end.kind === 'lan' || end.kind === 'outside';

/**
 * Which way a flow goes: the host at either end makes it a host flow; otherwise from the LAN or the
 * outside is in, to them is out, and the rest is between containers (or Bridgeport's namespaces).
 */
export function flowDirection(flow: Flow): FlowDirection {
  if (flow.from.kind === 'host' || flow.to.kind === 'host') return 'host';
  if (isOutside(flow.from)) return 'in';
  if (isOutside(flow.to)) return 'out';
  return 'between';
}

/** Who is at one end, in the window's words; `data` is a name to show as it is (not translated). */
export function endLabel(end: FlowEnd, t: Say): { text: string; data: boolean } {
  if (end.kind === 'container' && end.container?.name) return { text: end.container.name, data: true };
  if (end.kind === 'namespace' && end.namespace) return { text: t('flows:end.namespaceNamed', { name: end.namespace }), data: false };
  return { text: t(`flows:end.${end.kind}`), data: false };
}

/** Who is at one end, in English (the row's data attributes and tests): LAN, host, a name, outside. */
export function endName(end: FlowEnd): string {
  switch (end.kind) {
    case 'lan':
      return 'LAN';
    case 'host':
      return 'host';
    case 'outside':
      return 'outside';
    case 'container':
      return end.container?.name ?? 'container';
    case 'namespace':
      return end.namespace ? `namespace ${end.namespace}` : 'namespace';
  }
}

/** address:port, IPv6 in brackets; the address alone for protocols without ports. */
export function endpoint(address: string, port: number | null): string {
  if (port === null) return address;
  return address.includes(':') ? `[${address}]:${port}` : `${address}:${port}`;
}

const natLabels = { dnat: 'DNAT', snat: 'SNAT', both: 'DNAT + SNAT' } as const;

export interface FlowRow {
  key: string;
  protocol: string;
  state: string;
  direction: FlowDirection;
  fromName: string;
  /** As the sender sent it. */
  fromAddress: string;
  toName: string;
  /** Who really answers: after DNAT the container, not the host address it was sent to. */
  toAddress: string;
  /** The host port of a published port, or '' when it came in on none. */
  hostPort: string;
  /** The host address:port it was sent to when that is not who answers (DNAT), else ''. */
  sentTo: string;
  nat: string;
  /** '' without conntrack accounting. */
  packets: string;
  bytes: string;
  ended: boolean;
  flow: Flow;
}

/** Who answers: the reply's source, as the original's destination turned out after DNAT. */
const answerer = (reply: FlowTuple) => endpoint(reply.src, reply.sport);

export function flowRow(key: string, live: LiveFlow): FlowRow {
  const { flow } = live;
  const sent = endpoint(flow.original.dst, flow.original.dport);
  const answered = answerer(flow.reply);
  return {
    key,
    protocol: flow.protocol,
    state: flow.state,
    direction: flowDirection(flow),
    fromName: endName(flow.from),
    fromAddress: endpoint(flow.original.src, flow.original.sport),
    toName: endName(flow.to),
    toAddress: answered,
    hostPort: flow.hostPort === undefined ? '' : String(flow.hostPort),
    sentTo: sent === answered ? '' : sent,
    nat: flow.nat ? natLabels[flow.nat] : '',
    packets: flow.packets === undefined ? '' : flow.packets.toLocaleString('en-US'),
    bytes: flow.bytes === undefined ? '' : formatBytes(flow.bytes),
    ended: live.endedAt !== null,
    flow,
  };
}

export interface FlowFilter {
  /** A container, namespace, address or port, as typed; '' for all. */
  text: string;
  protocol: string | null;
  state: string | null;
  direction: FlowDirection | null;
}

export const noFilter: FlowFilter = { text: '', protocol: null, state: null, direction: null };

/** What the text box matches: names at both ends, addresses and ports as sent and as answered. */
function searchable(flow: Flow): string[] {
  const names = [flow.from, flow.to].flatMap((end) => [end.container?.name, end.namespace]);
  const tuples = [flow.original, flow.reply].flatMap((t) => [t.src, t.dst, t.sport, t.dport]);
  return [...names, ...tuples, flow.hostPort].filter((v) => v !== undefined && v !== null).map((v) => String(v).toLowerCase());
}

function matchesText(flow: Flow, text: string): boolean {
  const words = text.trim().toLowerCase().split(/\s+/).filter(Boolean);
  if (words.length === 0) return true;
  const values = searchable(flow);
  // A number is a port or an exact address part: 80 must not match 8080; a name matches in part.
  return words.every((word) => values.some((v) => (/^\d+$/.test(word) ? v === word : v.includes(word))));
}

export function matchesFilter(row: FlowRow, filter: FlowFilter): boolean {
  return (
    (filter.protocol === null || row.protocol === filter.protocol) &&
    (filter.state === null || row.state === filter.state) &&
    (filter.direction === null || row.direction === filter.direction) &&
    matchesText(row.flow, filter.text)
  );
}

export interface FlowTable {
  rows: FlowRow[];
  /** Rows that matched the filter. */
  matched: number;
  /** Matched rows not drawn because of MAX_ROWS. */
  hidden: number;
}

/** The rows to draw, newest first, at most `limit`. */
export function flowTable(list: FlowList, filter: FlowFilter, limit = MAX_ROWS): FlowTable {
  const matched = [...list].map(([key, live]) => flowRow(key, live)).filter((row) => matchesFilter(row, filter)).reverse();
  return { rows: matched.slice(0, limit), matched: matched.length, hidden: Math.max(0, matched.length - limit) };
}

/** The protocols and states present, sorted, for the selects (keeping the chosen one even when it went). */
export function filterChoices(list: FlowList, filter: FlowFilter): { protocols: string[]; states: string[] } {
  const flows = [...list.values()].map((f) => f.flow);
  const sorted = (values: Array<string | null>) => [...new Set(values.filter((v): v is string => v !== null))].sort();
  return {
    protocols: sorted([...flows.map((f) => f.protocol), filter.protocol]),
    states: sorted([...flows.map((f) => f.state), filter.state]),
  };
}

/** The line under the table when it does not draw everything. */
export function hiddenLine(table: FlowTable, t: Say): string | null {
  if (table.hidden === 0) return null;
  return t('flows:hidden', { shown: table.rows.length, matched: table.matched });
}

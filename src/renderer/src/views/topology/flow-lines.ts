// The live flows drawn on the topology: one line per talking pair of nodes, aggregated. Pure: the
// graph as shown (after folding), the snapshot and the live flow list in, the lines out.
import ipaddr from 'ipaddr.js';
import type { Flow, FlowEnd } from '../../../../shared/flow-model';
import type { Link, Snapshot } from '../../../../shared/model';
import { formatBytes } from '../../../../shared/units';
import { nodeId, type Graph } from '../../../../shared/topology/graph';
import type { FlowList } from '../flows/flow-rows';
import type { Say } from '../../i18n/say';

export interface FlowLine {
  /** Stable per pair: `flow:<source>→<target>`. */
  id: string;
  source: string;
  target: string;
  /** Flows between the pair (open and ending). */
  flows: number;
  /** Summed bytes of the flows that carry a count (conntrack accounting on), or null when none does. */
  bytes: number | null;
  /** Host ports the pair's published-port flows came in on, ascending. */
  hostPorts: number[];
  /** Only when every flow of the pair ended. */
  ended: boolean;
  /** The newest end among its flows (milliseconds), or null while none ended. */
  endedAt: number | null;
}

export interface FlowLines {
  lines: FlowLine[];
  /** Flows with an end Bridgeport could not place on a node shown (or both ends on one node). */
  notDrawn: number;
}

type Cidr = [ipaddr.IPv4 | ipaddr.IPv6, number];

/** The address in a canonical text (IPv4-mapped IPv6 as IPv4), or null when it is not one. */
function canonical(text: string): string | null {
  const bare = text.split('/')[0]?.split('%')[0] ?? '';
  return ipaddr.isValid(bare) ? ipaddr.process(bare).toNormalizedString() : null;
}

function cidrOf(text: string): Cidr | null {
  try {
    return ipaddr.parseCIDR(text);
  } catch {
    return null;
  }
}

/** Where a flow's host-side end can be drawn: the host links shown, by the addresses they hold. */
interface HostLinks {
  byAddress: Map<string, string>;
  subnets: { cidr: Cidr; node: string }[];
}

function hostLinksOf(snapshot: Snapshot, shownIds: ReadonlySet<string>): HostLinks {
  const byAddress = new Map<string, string>();
  const subnets: HostLinks['subnets'] = [];
  const shownLinks = snapshot.links.filter((l: Link) => shownIds.has(nodeId.link(l.name)));
  for (const link of shownLinks) {
    for (const text of link.addresses) {
      const address = canonical(text);
      if (address && !byAddress.has(address)) byAddress.set(address, nodeId.link(link.name));
      const cidr = cidrOf(text);
      // Link-local subnets are on every link: they say nothing about which one.
      if (cidr && cidr[0].range() !== 'linkLocal') subnets.push({ cidr, node: nodeId.link(link.name) });
    }
  }
  return { byAddress, subnets };
}

function linkHolding(links: HostLinks, address: string): string | null {
  const key = canonical(address);
  return key === null ? null : (links.byAddress.get(key) ?? null);
}

function linkWithSubnetOf(links: HostLinks, address: string): string | null {
  const key = canonical(address);
  if (key === null) return null;
  const parsed = ipaddr.parse(key);
  const found = links.subnets.find(({ cidr }) => cidr[0].kind() === parsed.kind() && parsed.match(cidr));
  return found?.node ?? null;
}

const natIncludes = (flow: Flow, kind: 'dnat' | 'snat') => flow.nat === kind || flow.nat === 'both';

/**
 * The node one end of a flow is drawn at. `side` says which: the sender (from, original.src) or the
 * answerer (to, reply.src: the real one after DNAT). The LAN, the outside and the host have no node
 * of their own: they are drawn at the host link holding the host address involved.
 */
function nodeOfEnd(flow: Flow, end: FlowEnd, side: 'from' | 'to', ctx: Context): string | null {
  if (end.kind === 'container') {
    if (!end.container) return null;
    const id = nodeId.container(end.container.id);
    return ctx.shown.has(id) ? id : (ctx.groupOf.get(id) ?? null);
  }
  if (end.kind === 'namespace') {
    const id = end.namespace ? nodeId.namespace(end.namespace) : null;
    return id && ctx.shown.has(id) ? id : null;
  }
  const own = side === 'from' ? flow.original.src : flow.reply.src;
  if (end.kind === 'host') return linkHolding(ctx.links, own) ?? linkWithSubnetOf(ctx.links, own);
  // A LAN client connected to a published port: the address it connected to (before DNAT).
  if (side === 'from' && natIncludes(flow, 'dnat')) return linkHolding(ctx.links, flow.original.dst);
  // A container reached out and Docker masqueraded it: the address it was rewritten to.
  if (side === 'to' && natIncludes(flow, 'snat')) return linkHolding(ctx.links, flow.reply.dst);
  return linkWithSubnetOf(ctx.links, own);
}

interface Context {
  shown: ReadonlySet<string>;
  /** Container node id → its group node, for containers folded away. */
  groupOf: ReadonlyMap<string, string>;
  links: HostLinks;
}

/**
 * Thickness of a line: 1.5 + log2(1 + flows) px, by concurrent flows. Not by rate: conntrack gives
 * byte counters only at a flow's end unless accounting is on, and a flow carries no start time to
 * divide by, so flows at once is the measure every host has.
 */
export function flowLineWidth(flows: number): number {
  return 1.5 + Math.log2(1 + flows);
}

/** "3 flows · via 8080", with the bytes when known: "1 flow · via 8080 · 1.0 KiB"; words from the topology catalogue. */
export function flowLineLabel(line: FlowLine, say: Say): string {
  const parts = [say('flowLine.flows', { count: line.flows })];
  if (line.hostPorts.length > 0) parts.push(say('flowLine.via', { ports: line.hostPorts.join(', ') }));
  if (line.bytes !== null) parts.push(formatBytes(line.bytes));
  return parts.join(' · ');
}

export function flowLines(graph: Graph, snapshot: Snapshot, list: FlowList): FlowLines {
  const shown = new Set(graph.nodes.map((n) => n.id));
  const groupOf = new Map<string, string>();
  for (const node of graph.nodes) if (node.type === 'group') for (const member of node.members) groupOf.set(nodeId.container(member.id), node.id);
  const ctx: Context = { shown, groupOf, links: hostLinksOf(snapshot, shown) };

  const lines = new Map<string, FlowLine & { open: number }>();
  let notDrawn = 0;
  for (const { flow, endedAt } of list.values()) {
    const source = nodeOfEnd(flow, flow.from, 'from', ctx);
    const target = nodeOfEnd(flow, flow.to, 'to', ctx);
    if (source === null || target === null || source === target) {
      notDrawn++;
      continue;
    }
    // One line per pair whichever way its flows go.
    const [a, b] = source < target ? [source, target] : [target, source];
    const id = `flow:${a}→${b}`;
    const line = lines.get(id) ?? { id, source, target, flows: 0, bytes: null, hostPorts: [], ended: false, endedAt: null, open: 0 };
    line.flows++;
    if (endedAt === null) line.open++;
    else line.endedAt = Math.max(line.endedAt ?? endedAt, endedAt);
    if (flow.bytes !== undefined) line.bytes = (line.bytes ?? 0) + flow.bytes;
    if (flow.hostPort !== undefined && !line.hostPorts.includes(flow.hostPort)) line.hostPorts.push(flow.hostPort);
    lines.set(id, line);
  }
  return {
    lines: [...lines.values()].map(({ open, ...line }) => ({ ...line, ended: open === 0, hostPorts: line.hostPorts.sort((x, y) => x - y) })),
    notDrawn,
  };
}

// Drop events (from the traffic samples) as marks on the topology: each event on the node or cable
// it names, or on what stands for it when folded (a container in its network's group, a veth in a
// folded cable); what has no place drawn goes to the host. Kept in a store outside React Flow's
// node and edge data, like the link rates, so a tick re-renders only the marked nodes
// (use-drop-marks.ts). Pure.
import type { Graph } from '../../../../shared/topology/graph';
import type { Message } from '../../../../shared/message';
import type { DropEvent, DropsReport } from '../../../../shared/traffic-model';
import type { Say } from '../../i18n/say';

export interface DropMark {
  /** Packets dropped over the listed events (each since its first drop). */
  packets: number;
  events: DropEvent[];
}

export interface DropMarks {
  byId: Map<string, DropMark>;
  /** Drops on the host itself, or where no node is drawn. */
  host: DropMark | null;
  /** null: nothing read yet (or this sample did not read the firewall); false: the firewall cannot be read. */
  readable: boolean | null;
  notes: string[];
  /** The notes as messages, one per note, when the engine sent them. */
  notesMessages?: Message[];
}

export const NO_DROP_MARKS: DropMarks = { byId: new Map(), host: null, readable: null, notes: [] };

const prefixed = (id: string, prefix: string) => (id.startsWith(prefix) ? id.slice(prefix.length) : null);

/** The shown graph's id for a topology id from the engine, or null when nothing shown stands for it. */
function shownIdOf(id: string, graph: Graph, ids: ReadonlySet<string>): string | null {
  if (ids.has(id)) return id;
  const container = prefixed(id, 'container:');
  if (container !== null) {
    const group = graph.nodes.find((n) => n.type === 'group' && n.members.some((m) => m.id === container));
    if (group) return group.id;
  }
  const veth = prefixed(id, 'veth:');
  if (veth !== null) {
    const folded = graph.edges.find((e) => e.carries.includes(veth));
    if (folded) return folded.id;
  }
  return null;
}

function add(marks: Map<string, DropMark>, id: string, event: DropEvent): void {
  const mark = marks.get(id) ?? { packets: 0, events: [] };
  if (!mark.events.includes(event)) {
    mark.events.push(event);
    mark.packets += event.totalPackets;
  }
  marks.set(id, mark);
}

export function dropMarksOf(drops: DropsReport | null, graph: Graph): DropMarks {
  if (!drops) return NO_DROP_MARKS;
  const ids = new Set([...graph.nodes.map((n) => n.id), ...graph.edges.map((e) => e.id)]);
  const byId = new Map<string, DropMark>();
  const host = new Map<string, DropMark>();
  for (const event of drops.events) {
    const shown = event.places.map((p) => shownIdOf(p, graph, ids)).filter((id): id is string => id !== null);
    if (shown.length === 0) add(host, 'host', event);
    for (const id of new Set(shown)) add(byId, id, event);
  }
  return { byId, host: host.get('host') ?? null, readable: drops.readable, notes: drops.notes, ...(drops.notesMessages ? { notesMessages: drops.notesMessages } : {}) };
}

/** One sentence per event for a tooltip or an accessible name, said with the topology catalogue's words; rule text stays as the firewall wrote it. */
export function dropLines(mark: DropMark, say: Say): string[] {
  return mark.events.map((e) =>
    e.target === 'policy'
      ? say('drops.byPolicy', { count: e.totalPackets, chain: e.chain, table: e.table })
      : say('drops.byRule', { count: e.totalPackets, table: e.table, chain: e.chain, spec: e.spec }),
  );
}

export class DropMarksStore {
  private drops: DropsReport | null = null;
  private droppedAtMs = 0;
  private graph: Graph = { nodes: [], edges: [] };
  private marks: DropMarks = NO_DROP_MARKS;
  private readonly listeners = new Set<() => void>();

  update(drops: DropsReport | null): void {
    // A sample that did not read the firewall says nothing new about drops: what is shown stays
    // for as long as the engine would have listed it.
    if (drops === null && this.drops !== null && Date.now() - this.droppedAtMs < this.drops.windowMs) return;
    if (drops) this.droppedAtMs = Date.now();
    this.drops = drops;
    this.recompute();
  }

  setGraph(graph: Graph): void {
    this.graph = graph;
    this.recompute();
  }

  read = (): DropMarks => this.marks;

  subscribe = (listener: () => void): (() => void) => {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  };

  private recompute(): void {
    this.marks = dropMarksOf(this.drops, this.graph);
    for (const listener of this.listeners) listener();
  }
}

// Folding containers into one node per network, so a host with hundreds of containers stays a
// readable picture. Pure: which networks are folded is decided by `foldedNetworks`, the folding
// itself by `groupGraph`, both without touching the UI.
import type { Snapshot } from '../model';
import { nodeId, type Graph, type GraphEdge, type GraphNode } from './graph';

/** Above this many containers a network is folded in 'auto' mode. */
export const AUTO_FOLD_AT = 30;

/** auto: fold only the crowded networks; network: fold every network; off: draw every container. */
export type GroupingMode = 'auto' | 'network' | 'off';

export interface GroupingChoice {
  mode: GroupingMode;
  /** The user's per-network choice (true: folded), which wins over the mode. */
  overrides: ReadonlyMap<string, boolean>;
  /** 'auto' folds a network with more containers than this (Settings); AUTO_FOLD_AT when absent. */
  threshold?: number;
}

/** How many containers each network has, by network id (a container counts once per network). */
export function containersPerNetwork(snapshot: Snapshot): Map<string, number> {
  const counts = new Map<string, number>();
  for (const container of snapshot.containers) {
    for (const networkId of new Set(container.endpoints.map((e) => e.networkId))) counts.set(networkId, (counts.get(networkId) ?? 0) + 1);
  }
  return counts;
}

/** The networks whose containers are folded, by network id. */
export function foldedNetworks(snapshot: Snapshot, choice: GroupingChoice, counts = containersPerNetwork(snapshot)): Set<string> {
  const folded = new Set<string>();
  for (const network of snapshot.networks) {
    const members = counts.get(network.id) ?? 0;
    const byMode = choice.mode === 'network' || (choice.mode === 'auto' && members > (choice.threshold ?? AUTO_FOLD_AT));
    if (members > 0 && (choice.overrides.get(network.id) ?? byMode)) folded.add(network.id);
  }
  return folded;
}

/**
 * The graph with every container whose networks are all folded replaced by its network's group
 * node (the first of its networks by name). Containers in `reveal` (search hits, a highlighted
 * path) stay drawn. Edges to folded containers go to the group instead, merged per end pair, and
 * keep the veths they carry so the group's cable can show their summed traffic.
 */
export function groupGraph(graph: Graph, snapshot: Snapshot, folded: ReadonlySet<string>, reveal: ReadonlySet<string> = new Set()): Graph {
  if (folded.size === 0) return graph;
  const networks = new Map(snapshot.networks.map((n) => [n.id, n]));
  const groupOf = new Map<string, string>();
  const groups = new Map<string, Extract<GraphNode, { type: 'group' }>>();
  for (const container of snapshot.containers) {
    const id = nodeId.container(container.id);
    const on = container.endpoints.map((e) => networks.get(e.networkId)).filter((n) => n !== undefined);
    if (reveal.has(id) || on.length === 0 || !on.every((n) => folded.has(n.id))) continue;
    const home = on.sort((a, b) => a.name.localeCompare(b.name))[0]!;
    const group = nodeId.group(home.id);
    groupOf.set(id, group);
    const existing = groups.get(group);
    if (existing) existing.members.push(container);
    else groups.set(group, { id: group, type: 'group', label: home.name, network: home, members: [container] });
  }
  if (groupOf.size === 0) return graph;

  const nodes: GraphNode[] = graph.nodes.filter((n) => !groupOf.has(n.id));
  for (const group of groups.values()) nodes.push({ ...group, label: `${group.network.name}: ${group.members.length} containers` });

  const edges: GraphEdge[] = [];
  const merged = new Map<string, GraphEdge & { count: number }>();
  for (const edge of graph.edges) {
    const source = groupOf.get(edge.source) ?? edge.source;
    const target = groupOf.get(edge.target) ?? edge.target;
    if (source === edge.source && target === edge.target) {
      edges.push(edge);
      continue;
    }
    if (source === target) continue;
    const key = `${source}→${target}`;
    const seen = merged.get(key);
    if (seen) {
      seen.count++;
      seen.carries.push(...edge.carries);
      if (edge.kind === 'veth') seen.kind = 'veth';
    } else {
      const folding: GraphEdge & { count: number } = { id: `fold:${key}`, source, target, kind: edge.kind, label: '', carries: [...edge.carries], count: 1 };
      merged.set(key, folding);
    }
  }
  for (const { count, ...edge } of merged.values()) edges.push({ ...edge, label: count === 1 ? '1 cable' : `${count} cables` });
  return { nodes, edges };
}

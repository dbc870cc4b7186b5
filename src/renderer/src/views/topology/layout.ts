// The layout of the topology (NICs → bridges → containers, left to right, ELK's layered
// algorithm): the graph ELK is given and what is read back. Pure; layout-engine.ts runs ELK.
import type { ElkNode } from 'elkjs/lib/elk-api.js';
import type { Graph, GraphNode } from '../../../../shared/topology/graph';

export const NODE_WIDTH = 230;

export type Positions = Map<string, { x: number; y: number }>;

/** Height grows with the lines a node shows (see EntityNode). */
export function nodeHeight(node: GraphNode): number {
  const lines =
    node.type === 'container'
      ? 2 + node.container.endpoints.length
      : node.type === 'bridge'
        ? 2 + node.networks.length
        : node.type === 'namespace'
          ? 2 + node.namespace.links.length
          : node.type === 'group'
            ? 3
            : 2;
  return 28 + lines * 18;
}

/** ELK's options; `large` (hundreds of nodes) trades nothing visible for time. */
function layoutOptionsOf(large: boolean): Record<string, string> {
  return {
    'elk.algorithm': 'layered',
    'elk.direction': 'RIGHT',
    'elk.layered.spacing.nodeNodeBetweenLayers': '110',
    'elk.spacing.nodeNode': '28',
    'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    // React Flow draws its own curves: ELK's orthogonal routing would be computed for nothing.
    'elk.edgeRouting': 'POLYLINE',
    // Fewer crossing-minimisation sweeps on hundreds of nodes: a third less time, same picture
    // for a star of containers around a few bridges.
    'elk.layered.thoroughness': large ? '1' : '7',
    // On hundreds of nodes: layers by longest path (NIC → bridge → container is already the answer,
    // network simplex spends most of the layout proving it) and no greedy-switch pass after the
    // sweeps; the picture is the same for this shape of graph.
    ...(large ? { 'elk.layered.layering.strategy': 'LONGEST_PATH', 'elk.layered.crossingMinimization.greedySwitch.type': 'OFF' } : {}),
  };
}

const LARGE = 200;

export function elkGraphOf(graph: Graph): ElkNode {
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  return {
    id: 'root',
    layoutOptions: layoutOptionsOf(graph.nodes.length > LARGE),
    children: graph.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: nodeHeight(n) })),
    edges: graph.edges
      .filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target))
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  };
}

export function positionsOf(laidOut: ElkNode): Positions {
  return new Map((laidOut.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}

/** Only what moves nodes: ids, heights and edge ends. A new IP or state keeps the layout. */
export function layoutKey(graph: Graph): string {
  return JSON.stringify([graph.nodes.map((n) => [n.id, nodeHeight(n)]), graph.edges.map((e) => [e.source, e.target])]);
}

/** The box around every laid-out node, to open the view already framed on it. */
export function boundsOf(graph: Graph, positions: Positions): { x: number; y: number; width: number; height: number } {
  let minX = Infinity;
  let minY = Infinity;
  let maxX = -Infinity;
  let maxY = -Infinity;
  for (const node of graph.nodes) {
    const p = positions.get(node.id);
    if (!p) continue;
    minX = Math.min(minX, p.x);
    minY = Math.min(minY, p.y);
    maxX = Math.max(maxX, p.x + NODE_WIDTH);
    maxY = Math.max(maxY, p.y + nodeHeight(node));
  }
  if (minX === Infinity) return { x: 0, y: 0, width: 0, height: 0 };
  return { x: minX, y: minY, width: maxX - minX, height: maxY - minY };
}

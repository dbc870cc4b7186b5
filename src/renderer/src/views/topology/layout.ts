// Lays the graph out left to right (NICs → bridges → containers) with ELK's layered algorithm.
import ELK from 'elkjs/lib/elk.bundled.js';
import type { Graph, GraphNode } from '../../../../shared/topology/graph';

const elk = new ELK();

export const NODE_WIDTH = 230;

/** Height grows with the lines a node shows (see EntityNode). */
export function nodeHeight(node: GraphNode): number {
  const lines =
    node.type === 'container'
      ? 2 + node.container.endpoints.length
      : node.type === 'bridge'
        ? 2 + node.networks.length
        : node.type === 'namespace'
          ? 2 + node.namespace.links.length
          : 2;
  return 28 + lines * 18;
}

export async function layoutGraph(graph: Graph): Promise<Map<string, { x: number; y: number }>> {
  const nodeIds = new Set(graph.nodes.map((n) => n.id));
  const result = await elk.layout({
    id: 'root',
    layoutOptions: {
      'elk.algorithm': 'layered',
      'elk.direction': 'RIGHT',
      'elk.layered.spacing.nodeNodeBetweenLayers': '110',
      'elk.spacing.nodeNode': '28',
      'elk.layered.nodePlacement.strategy': 'BRANDES_KOEPF',
    },
    children: graph.nodes.map((n) => ({ id: n.id, width: NODE_WIDTH, height: nodeHeight(n) })),
    edges: graph.edges
      .filter((e) => nodeIds.has(e.source) && nodeIds.has(e.target))
      .map((e) => ({ id: e.id, sources: [e.source], targets: [e.target] })),
  });
  return new Map((result.children ?? []).map((c) => [c.id, { x: c.x ?? 0, y: c.y ?? 0 }]));
}

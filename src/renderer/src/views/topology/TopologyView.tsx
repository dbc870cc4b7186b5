// The live topology graph. Re-laid out when the snapshot's structure changes.
import { Background, Controls, ReactFlow, useReactFlow, type Edge } from '@xyflow/react';
import { useEffect, useMemo, useState } from 'react';
import type { Snapshot } from '../../../../shared/model';
import { buildGraph, type GraphEdge, type GraphNode } from '../../../../shared/topology/graph';
import { EntityNode, type EntityFlowNode } from './EntityNode';
import { layoutGraph } from './layout';

export type Selection = { kind: 'node'; node: GraphNode } | { kind: 'edge'; edge: GraphEdge } | null;

const nodeTypes = { entity: EntityNode };

const edgeStyle: Record<GraphEdge['kind'], React.CSSProperties> = {
  veth: { stroke: 'var(--mantine-color-grape-6)', strokeWidth: 2.5 },
  port: { stroke: 'var(--mantine-color-blue-5)', strokeWidth: 1.5 },
  attach: { stroke: 'var(--mantine-color-gray-5)', strokeWidth: 1.5, strokeDasharray: '5 4' },
};

/** Re-frames the view when things appear or disappear, so a new container is not off-screen. */
function FitWhenCountChanges({ count }: { count: number }) {
  const flow = useReactFlow();
  useEffect(() => {
    const timer = setTimeout(() => void flow.fitView({ duration: 200 }), 50);
    return () => clearTimeout(timer);
  }, [count, flow]);
  return null;
}

const highlightedEdge: React.CSSProperties = { stroke: 'var(--mantine-color-orange-6)', strokeWidth: 4 };

export function TopologyView({
  snapshot,
  onSelect,
  highlight,
}: {
  snapshot: Snapshot;
  onSelect: (s: Selection) => void;
  /** Node and edge ids to light up (a packet path). */
  highlight?: ReadonlySet<string>;
}) {
  const graph = useMemo(() => buildGraph(snapshot), [snapshot]);
  const [positions, setPositions] = useState<Map<string, { x: number; y: number }> | null>(null);

  useEffect(() => {
    let current = true;
    void layoutGraph(graph).then((p) => current && setPositions(p));
    return () => {
      current = false;
    };
  }, [graph]);

  const nodes: EntityFlowNode[] = useMemo(
    () =>
      graph.nodes.map((n) => ({
        id: n.id,
        type: 'entity' as const,
        position: positions?.get(n.id) ?? { x: 0, y: 0 },
        data: { graphNode: n, highlighted: highlight?.has(n.id) ?? false },
      })),
    [graph, positions, highlight],
  );
  const edges: Edge[] = useMemo(
    () =>
      graph.edges.map((e) => ({
        id: e.id,
        source: e.source,
        target: e.target,
        label: e.label || undefined,
        style: highlight?.has(e.id) ? highlightedEdge : edgeStyle[e.kind],
        animated: highlight?.has(e.id) ?? false,
        labelBgPadding: [4, 2] as [number, number],
        data: { graphEdge: e },
      })),
    [graph, highlight],
  );

  if (!positions) return null;
  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      fitView
      minZoom={0.1}
      nodesConnectable={false}
      onNodeClick={(_e, node) => onSelect({ kind: 'node', node: (node as EntityFlowNode).data.graphNode })}
      onEdgeClick={(_e, edge) => onSelect({ kind: 'edge', edge: (edge.data as { graphEdge: GraphEdge }).graphEdge })}
      onPaneClick={() => onSelect(null)}
      proOptions={{ hideAttribution: true }}
    >
      <FitWhenCountChanges count={nodes.length} />
      <Background />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}

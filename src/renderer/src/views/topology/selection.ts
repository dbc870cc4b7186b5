// What is selected in the topology (a node or a cable), shared by the graph, the table and the details.
import type { GraphEdge, GraphNode } from '../../../../shared/topology/graph';

export type Selection = { kind: 'node'; node: GraphNode } | { kind: 'edge'; edge: GraphEdge } | null;

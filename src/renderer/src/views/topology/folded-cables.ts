// A folded cable's label is "3 cables" (group-graph.ts, in English); every other cable label is
// data (names, addresses). The count, to say it in the window's language. Pure.
import type { GraphEdge } from '../../../../shared/topology/graph';

export function foldedCables(edge: Pick<GraphEdge, 'id' | 'label'>): { count: number } | null {
  const match = edge.id.startsWith('fold:') ? /^(\d+) cables?$/.exec(edge.label) : null;
  return match ? { count: Number(match[1]) } : null;
}

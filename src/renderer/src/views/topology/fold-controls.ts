// Which fold buttons each node carries: a bridge or network node folds or unfolds the containers
// of its networks; a group unfolds its own. Pure.
import type { GraphNode } from '../../../../shared/topology/graph';
import type { FoldControl } from './EntityNode';

/** Below this many containers a network is not worth folding. */
export const FOLDABLE_FROM = 4;

/** `counts`: containers per network id (containersPerNetwork), computed once per snapshot. */
export function foldControlsOf(node: GraphNode, counts: ReadonlyMap<string, number>, folded: ReadonlySet<string>): FoldControl[] | undefined {
  const networks = node.type === 'bridge' ? node.networks : node.type === 'network' || node.type === 'group' ? [node.network] : [];
  const controls: FoldControl[] = [];
  for (const network of networks) {
    const count = counts.get(network.id) ?? 0;
    const isFolded = folded.has(network.id);
    // A bridge whose network is folded shows nothing: its group node carries the unfold button.
    if (node.type === 'group' ? isFolded : !isFolded && count >= FOLDABLE_FROM) {
      controls.push({ networkId: network.id, networkName: network.name, folded: isFolded, count });
    }
  }
  return controls.length ? controls : undefined;
}

// Mounted only while the topology's Flows switch is on, so the flows subscription lives only then:
// it follows the live flow list and hands the lines to draw up to the view (nothing of its own to render).
import { useEffect } from 'react';
import type { Snapshot } from '../../../../shared/model';
import type { Graph } from '../../../../shared/topology/graph';
import { useLiveFlows } from '../flows/use-live-flows';
import { flowLines, type FlowLines } from './flow-lines';

export const NO_FLOW_LINES: FlowLines = { lines: [], notDrawn: 0 };

export function LiveFlowLines({ graph, snapshot, onLines }: { graph: Graph; snapshot: Snapshot; onLines: (lines: FlowLines) => void }) {
  const { list } = useLiveFlows();
  useEffect(() => {
    onLines(flowLines(graph, snapshot, list));
  }, [graph, snapshot, list, onLines]);
  // Switched off: the lines go with the subscription.
  useEffect(() => () => onLines(NO_FLOW_LINES), [onLines]);
  return null;
}

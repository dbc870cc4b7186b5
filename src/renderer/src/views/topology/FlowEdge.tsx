// A live flow line on the topology: a dashed line moving while its flows are open, faded once
// they all ended (until the flow list lets them go). Straight, so it does not read as a cable.
import { EdgeLabelRenderer, getStraightPath, useStore, type Edge, type EdgeProps } from '@xyflow/react';
import { memo } from 'react';
import { useTranslation } from 'react-i18next';
import { sayWith } from '../../i18n/say';
import { flowLineLabel, flowLineWidth, type FlowLine } from './flow-lines';

export type FlowEdgeData = { line: FlowLine };
export type FlowLineEdge = Edge<FlowEdgeData, 'flow'>;

const COLOR = 'var(--mantine-color-teal-5)';
/** The label only where it can be read, as for cables. */
const READABLE_ZOOM = 0.55;

function FlowEdgeView({ sourceX, sourceY, targetX, targetY, data }: EdgeProps<FlowLineEdge>) {
  const line = data!.line;
  const readable = useStore((s) => s.transform[2] >= READABLE_ZOOM);
  const [path, labelX, labelY] = getStraightPath({ sourceX, sourceY, targetX, targetY });
  const { t } = useTranslation('topology');
  const label = flowLineLabel(line, sayWith(t));
  return (
    <g data-testid="flow-line" data-source={line.source} data-target={line.target} data-ended={line.ended ? 'true' : 'false'} data-flows={line.flows}>
      <title>{label}</title>
      <path
        d={path}
        fill="none"
        className="react-flow__edge-path"
        style={{ stroke: COLOR, strokeWidth: flowLineWidth(line.flows), strokeDasharray: '6 4', opacity: line.ended ? 0.35 : 0.9, transition: 'opacity 300ms' }}
      />
      {readable && (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan"
            data-testid="flow-line-label"
            style={{
              position: 'absolute',
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
              fontSize: 10,
              padding: '0 4px',
              borderRadius: 4,
              background: 'var(--mantine-color-body)',
              color: 'var(--mantine-color-teal-7)',
              opacity: line.ended ? 0.35 : 1,
              whiteSpace: 'nowrap',
              pointerEvents: 'none',
            }}
          >
            {label}
          </div>
        </EdgeLabelRenderer>
      )}
    </g>
  );
}

export const FlowEdge = memo(FlowEdgeView);

// A cable of the topology: its static label up close, and live traffic as thickness and a
// label read from the link-rates store (not from the edge's data, which stays still).
import { BaseEdge, EdgeLabelRenderer, getBezierPath, useStore, type Edge, type EdgeProps } from '@xyflow/react';
import { createContext, memo, useContext } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphEdge } from '../../../../shared/topology/graph';
import { DropBadge } from './DropBadge';
import { DropMarksContext, useDropMark } from './use-drop-marks';
import { useRatesOf, type LinkRates } from './link-rates';
import { cableLabel, cableWidth } from './traffic-style';
import { foldedCables } from './folded-cables';

export type CableEdgeData = { graphEdge: GraphEdge; highlighted: boolean };
export type CableFlowEdge = Edge<CableEdgeData, 'cable'>;

export const LinkRatesContext = createContext<LinkRates | null>(null);

/** Static labels only where they can be read; drawing hundreds of them unread costs frames. */
const READABLE_ZOOM = 0.55;

const colors: Record<GraphEdge['kind'], string> = {
  veth: 'var(--mantine-color-grape-6)',
  port: 'var(--mantine-color-blue-5)',
  attach: 'var(--mantine-color-gray-5)',
};

function CableEdgeView({ id, sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition, data }: EdgeProps<CableFlowEdge>) {
  const { t } = useTranslation('topology');
  const store = useContext(LinkRatesContext);
  const edge = data!.graphEdge;
  const { rx, tx } = useRatesOf(store, edge.carries);
  const drop = useDropMark(useContext(DropMarksContext), edge.id);
  const readable = useStore((s) => s.transform[2] >= READABLE_ZOOM);
  const [path, labelX, labelY] = getBezierPath({ sourceX, sourceY, targetX, targetY, sourcePosition, targetPosition });
  const busy = cableLabel(rx, tx);
  const folded = foldedCables(edge);
  const style: React.CSSProperties = data!.highlighted
    ? { stroke: 'var(--mantine-color-orange-6)', strokeWidth: Math.max(4, cableWidth(rx + tx)) }
    : {
        stroke: drop ? 'var(--mantine-color-red-6)' : colors[edge.kind],
        strokeWidth: edge.kind === 'veth' ? cableWidth(rx + tx) + 0.5 : 1.5,
        strokeDasharray: edge.kind === 'attach' ? '5 4' : undefined,
      };
  return (
    <>
      <BaseEdge id={id} path={path} style={style} />
      {(busy || drop || (readable && edge.label)) && (
        <EdgeLabelRenderer>
          <div
            className="nodrag nopan"
            data-testid={`edge-label-${edge.id}`}
            data-rx={rx}
            data-tx={tx}
            style={{
              position: 'absolute',
              transform: `translate(-50%, -50%) translate(${labelX}px, ${labelY}px)`,
              fontSize: 11,
              lineHeight: 1.25,
              padding: '1px 4px',
              borderRadius: 4,
              background: 'var(--mantine-color-body)',
              textAlign: 'center',
              whiteSpace: 'nowrap',
              pointerEvents: 'none',
            }}
          >
            {readable && edge.label && (
              <div style={{ color: 'var(--mantine-color-dimmed)' }} translate={folded ? undefined : 'no'}>
                {folded ? t('cable.folded', { count: folded.count }) : edge.label}
              </div>
            )}
            {busy && (
              <div translate="no" data-testid={`edge-traffic-${edge.id}`} style={{ fontWeight: 600, color: 'var(--mantine-color-grape-7)' }}>
                {busy}
              </div>
            )}
            {drop && <DropBadge mark={drop} testId={`drop-badge-${edge.id}`} />}
          </div>
        </EdgeLabelRenderer>
      )}
    </>
  );
}

export const CableEdge = memo(CableEdgeView);

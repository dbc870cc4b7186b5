// The live topology: a graph laid out off the main thread, or a table, with search and folding of
// crowded networks. Traffic moves on the cables through the link-rates store, never through the
// graph's data, so a tick does not re-lay out or re-render nodes.
import { Alert, Button, Group, Text, useComputedColorScheme } from '@mantine/core';
import { useElementSize, useLocalStorage } from '@mantine/hooks';
import { Background, Controls, ReactFlow, useReactFlow, type Edge, type Viewport } from '@xyflow/react';
import { useCallback, useEffect, useMemo, useRef, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { Snapshot } from '../../../../shared/model';
import { buildGraph } from '../../../../shared/topology/graph';
import { engineMarkerOf } from '../../components/engine-labels';
import { containersPerNetwork, foldedNetworks, groupGraph, type GroupingMode } from '../../../../shared/topology/group-graph';
import { searchGraph } from '../../../../shared/topology/search-graph';
import { CableEdge, type CableFlowEdge } from './CableEdge';
import { useDropMarksStore } from './use-drop-marks';
import { HostDrops } from './HostDrops';
import { LiveStores } from './LiveStores';
import { DETAIL_ZOOM, EntityNode, type EntityFlowNode } from './EntityNode';
import type { FlowLines } from './flow-lines';
import { FlowEdge, type FlowLineEdge } from './FlowEdge';
import { LiveFlowLines, NO_FLOW_LINES } from './LiveFlowLines';
import { foldControlsOf } from './fold-controls';
import { boundsOf, layoutKey, NODE_WIDTH, nodeHeight, type Positions } from './layout';
import { openingViewport } from './opening-viewport';
import { layoutGraph } from './layout-engine';
import { useLinkRatesStore } from './link-rates';
import { TopologyTable } from './TopologyTable';
import { TopologyToolbar, type Display } from './TopologyToolbar';
import { useSettings } from '../../settings/use-settings';
import type { Selection } from './selection';


const nodeTypes = { entity: EntityNode };
const edgeTypes = { cable: CableEdge, flow: FlowEdge };

/** Past this many nodes only what is on screen is mounted. */
const VIRTUALIZE_FROM = 150;
const MIN_ZOOM = 0.02;

/**
 * Re-frames the view when a new layout lands (things appeared or went) or the search hits change.
 * Not on the first layout: the view opens already framed on it.
 */
function FitView({ layout, focus }: { layout: string; focus: readonly string[] }) {
  const flow = useReactFlow();
  const focusKey = focus.join(' ');
  const first = useRef(true);
  useEffect(() => {
    if (first.current) {
      first.current = false;
      if (!focusKey) return;
    }
    const timer = setTimeout(() => {
      const nodes = focusKey ? focusKey.split(' ').map((id) => ({ id })) : undefined;
      void flow.fitView({ duration: 200, nodes, maxZoom: nodes ? 1 : undefined });
    }, 50);
    return () => clearTimeout(timer);
  }, [layout, focusKey, flow]);
  return null;
}

/** React Flow's own accessible names and descriptions, in the window's language. */
function useGraphAriaLabels() {
  const { t } = useTranslation('topology');
  return useMemo(
    () => ({
      'node.a11yDescription.default': t('a11y.nodeSelect'),
      'node.a11yDescription.keyboardDisabled': t('a11y.nodeMove'),
      'node.a11yDescription.ariaLiveMessage': ({ direction, x, y }: { direction: string; x: number; y: number }) =>
        t('a11y.nodeMoved', { direction: t(`a11y.direction.${direction}`, { defaultValue: direction }), x, y }),
      'edge.a11yDescription.default': t('a11y.edgeSelect'),
      'controls.ariaLabel': t('a11y.controls'),
      'controls.zoomIn.ariaLabel': t('a11y.zoomIn'),
      'controls.zoomOut.ariaLabel': t('a11y.zoomOut'),
      'controls.fitView.ariaLabel': t('a11y.fitView'),
      'controls.interactive.ariaLabel': t('a11y.interactive'),
      'minimap.ariaLabel': t('a11y.minimap'),
      'handle.ariaLabel': t('a11y.handle'),
    }),
    [t],
  );
}

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
  const { t } = useTranslation('topology');
  // The grouping chosen is kept across restarts; the per-network folds belong to this look only.
  const [mode, setMode] = useLocalStorage<GroupingMode>({ key: 'bridgeport.topology.grouping', defaultValue: 'auto', getInitialValueInEffect: false });
  const [overrides, setOverrides] = useState<ReadonlyMap<string, boolean>>(new Map());
  const [query, setQuery] = useState('');
  const [display, setDisplay] = useState<Display>('graph');
  const rates = useLinkRatesStore();
  const drops = useDropMarksStore();
  const [showFlows, setShowFlows] = useLocalStorage<boolean>({ key: 'bridgeport.topology.flowLines', defaultValue: true, getInitialValueInEffect: false });
  const [flows, setFlows] = useState<FlowLines>(NO_FLOW_LINES);

  const graph = useMemo(() => buildGraph(snapshot), [snapshot]);
  const hits = useMemo(() => searchGraph(graph, query), [graph, query]);
  const counts = useMemo(() => containersPerNetwork(snapshot), [snapshot]);
  const threshold = useSettings().settings?.groupThreshold;
  const folded = useMemo(() => foldedNetworks(snapshot, { mode, overrides, threshold }, counts), [snapshot, mode, overrides, threshold, counts]);
  // React Flow draws its controls, minimap and background in its own colours: the window's scheme.
  const colorScheme = useComputedColorScheme('light');
  const ariaLabels = useGraphAriaLabels();
  const shown = useMemo(() => groupGraph(graph, snapshot, folded, new Set([...hits, ...(highlight ?? [])])), [graph, snapshot, folded, hits, highlight]);
  const key = useMemo(() => layoutKey(shown), [shown]);
  useEffect(() => drops.setGraph(shown), [drops, shown]);
  const [laidOut, setLaidOut] = useState<{ key: string; positions: Positions } | null>(null);

  // Why the graph could not be laid out (the layout worker failed); the table shows the same.
  const [layoutError, setLayoutError] = useState<string | null>(null);

  useEffect(() => {
    let current = true;
    void layoutGraph(shown).then(
      (positions) => {
        if (!current) return;
        setLayoutError(null);
        setLaidOut({ key, positions });
      },
      (error: Error) => current && setLayoutError(error.message),
    );
    return () => {
      current = false;
    };
    // The layout follows the structure (key), not every new snapshot object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [key]);

  const fold = useCallback((networkId: string, isFolded: boolean) => setOverrides((o) => new Map(o).set(networkId, isFolded)), []);
  const changeMode = useCallback(
    (next: GroupingMode) => {
      setMode(next);
      setOverrides(new Map());
    },
    [setMode],
  );

  const searching = query.trim() !== '';
  const nodes: EntityFlowNode[] = useMemo(
    () =>
      shown.nodes.map((n) => {
        // Until the new layout arrives, nodes it will place stay hidden rather than piled at 0,0.
        const position = laidOut?.positions.get(n.id);
        return {
          id: n.id,
          type: 'entity' as const,
          position: position ?? { x: 0, y: 0 },
          hidden: !position,
          // Known sizes let React Flow draw before measuring each node.
          initialWidth: NODE_WIDTH,
          initialHeight: nodeHeight(n),
          data: {
            graphNode: n,
            engineMarker: n.type === 'container' ? engineMarkerOf(snapshot, n.container) : undefined,
            highlighted: highlight?.has(n.id) ?? false,
            matched: searching ? hits.has(n.id) : undefined,
            folds: foldControlsOf(n, counts, folded),
            onFold: fold,
          },
        };
      }),
    [shown, laidOut, highlight, searching, hits, counts, folded, fold, snapshot],
  );
  const edges: CableFlowEdge[] = useMemo(
    () =>
      shown.edges.map((e) => ({
        id: e.id,
        type: 'cable' as const,
        source: e.source,
        target: e.target,
        animated: highlight?.has(e.id) ?? false,
        data: { graphEdge: e, highlighted: highlight?.has(e.id) ?? false },
      })),
    [shown, highlight],
  );
  const flowEdges: FlowLineEdge[] = useMemo(
    () =>
      flows.lines.map((line) => ({
        id: line.id,
        type: 'flow' as const,
        source: line.source,
        target: line.target,
        selectable: false,
        focusable: false,
        animated: !line.ended,
        zIndex: 1,
        data: { line },
      })),
    [flows],
  );
  // The first frame is already framed on the layout: no full-size render followed by a zoom out.
  const { ref: canvas, width, height } = useElementSize();
  const [opening, setOpening] = useState<Viewport | null>(null);
  // Set once, during render (React's pattern for state derived from the first layout and size).
  if (!opening && laidOut && width > 0 && height > 0) setOpening(openingViewport(boundsOf(shown, laidOut.positions), width, height, MIN_ZOOM, DETAIL_ZOOM));
  const focus = useMemo(() => (searching ? shown.nodes.filter((n) => hits.has(n.id)).map((n) => n.id) : []), [searching, shown, hits]);

  return (
    <div style={{ height: '100%', display: 'flex', flexDirection: 'column' }}>
      <TopologyToolbar
        query={query}
        onQuery={setQuery}
        hits={focus.length}
        mode={mode}
        onMode={changeMode}
        folded={folded.size}
        display={display}
        onDisplay={setDisplay}
        flowLines={showFlows}
        onFlowLines={setShowFlows}
        flowsNotDrawn={showFlows ? flows.notDrawn : 0}
      />
      {showFlows && <LiveFlowLines graph={shown} snapshot={snapshot} onLines={setFlows} />}
      <HostDrops store={drops} />
      <div ref={canvas} style={{ flex: 1, minHeight: 0 }} data-testid="topology-canvas" data-layout-ready={laidOut?.key === key ? 'true' : 'false'} data-nodes={shown.nodes.length}>
        {layoutError && display === 'graph' && (
          <Alert color="orange" variant="light" m="sm" title={t('layoutFailed.title')} data-testid="layout-failed">
            <Group justify="space-between" wrap="nowrap">
              <Text size="sm">
                {t('layoutFailed.body')} <span translate="no">({layoutError})</span>
              </Text>
              <Button size="xs" variant="light" onClick={() => setDisplay('table')} data-testid="layout-failed-table">
                {t('layoutFailed.showTable')}
              </Button>
            </Group>
          </Alert>
        )}
        <LiveStores rates={rates} drops={drops}>
          {display === 'table' ? (
            <TopologyTable snapshot={snapshot} hits={searching ? hits : null} onSelect={onSelect} />
          ) : (
            laidOut &&
            opening && (
              <ReactFlow
                nodes={nodes}
                edges={[...edges, ...flowEdges] as Edge[]}
                nodeTypes={nodeTypes}
                edgeTypes={edgeTypes}
                defaultViewport={opening}
                minZoom={MIN_ZOOM}
                nodesConnectable={false}
                onlyRenderVisibleElements={shown.nodes.length >= VIRTUALIZE_FROM}
                onNodeClick={(_e, node) => onSelect({ kind: 'node', node: (node as EntityFlowNode).data.graphNode })}
                onEdgeClick={(_e, edge) => edge.type === 'cable' && onSelect({ kind: 'edge', edge: (edge as CableFlowEdge).data!.graphEdge })}
                onPaneClick={() => onSelect(null)}
                proOptions={{ hideAttribution: true }}
                colorMode={colorScheme}
                ariaLabelConfig={ariaLabels}
              >
                <FitView layout={laidOut.key} focus={focus} />
                <Background />
                <Controls showInteractive={false} />
              </ReactFlow>
            )
          )}
        </LiveStores>
      </div>
    </div>
  );
}

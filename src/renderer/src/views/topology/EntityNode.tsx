// One node of the topology: a NIC, bridge, lone veth, container, Docker network, namespace, or a
// network's folded containers. Zoomed far out it draws only its name, which keeps hundreds of
// nodes cheap to pan.
import { Badge, Button, Group, Text } from '@mantine/core';
import { Handle, Position, useStore, type Node, type NodeProps } from '@xyflow/react';
import { memo, useContext, type ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { GraphNode } from '../../../../shared/topology/graph';
import { DropBadge } from './DropBadge';
import { DropMarksContext, useDropMark } from './use-drop-marks';
import { NODE_WIDTH, nodeHeight } from './layout';
import { useContainerState } from './ContainerState';
import { EngineText } from '../../i18n/EngineText';

/** A fold or unfold control on a node: the network it acts on and the words of its button. */
export interface FoldControl {
  networkId: string;
  networkName: string;
  folded: boolean;
  count: number;
}

export type EntityNodeData = {
  graphNode: GraphNode;
  highlighted?: boolean;
  /** A search is active: true for a hit, false for the rest (drawn faint). */
  matched?: boolean;
  folds?: FoldControl[];
  onFold?: (networkId: string, folded: boolean) => void;
  /** The engine of a container, where more than one engine runs ("podman", "docker"). */
  engineMarker?: string | undefined;
};
export type EntityFlowNode = Node<EntityNodeData, 'entity'>;

const colors: Record<GraphNode['type'], string> = {
  nic: 'gray',
  bridge: 'blue',
  veth: 'grape',
  container: 'teal',
  network: 'indigo',
  namespace: 'orange',
  group: 'cyan',
};

/** Below this zoom the lines under the name cannot be read anyway. */
export const DETAIL_ZOOM = 0.4;

/** Data inside a line: the same in every language. */
const D = ({ children }: { children: ReactNode }) => <span translate="no">{children}</span>;

function useLines(node: GraphNode): ReactNode[] {
  const { t } = useTranslation('topology');
  const stateWord = useContainerState();
  const upDown = (up: boolean) => (up ? t('node.up') : t('node.down'));
  const addresses = (list: string[]) => (list.length ? <D>{list.join(', ')}</D> : t('node.noAddress'));
  switch (node.type) {
    case 'nic':
    case 'veth':
      return [
        <>
          <D>{node.link.kind}</D> · {upDown(node.link.up)}
        </>,
        addresses(node.link.addresses),
      ];
    case 'bridge':
      return [
        <>
          {upDown(node.link.up)} · {addresses(node.link.addresses)}
        </>,
        ...node.networks.map((n) => t('node.bridgeNetwork', { name: n.name, subnets: n.subnets.map((s) => s.subnet).join(' ') })),
      ];
    case 'container': {
      const c = node.container;
      return [
        <>
          <D>{c.image}</D> · {stateWord(c.state) ?? <D>{c.state}</D>}
        </>,
        ...c.endpoints.map((e) => (
          <>
            <D>{e.network}</D>: {e.ip ? <D>{e.ip}</D> : c.networkMode === 'host' ? t('node.hostNetwork') : '—'}
          </>
        )),
      ];
    }
    case 'network':
      return [t('node.driverNetwork', { driver: node.network.driver }), node.network.subnets.length ? <D>{node.network.subnets.map((s) => s.subnet).join(', ')}</D> : t('node.noSubnet')];
    case 'namespace':
      return [
        node.namespace.error ? <EngineText text={node.namespace.error} message={node.namespace.errorMessage} /> : t('node.links', { count: node.namespace.links.length }),
        ...node.namespace.links.map((l) => <D>{`${l.name} ${l.addresses.join(', ')}`}</D>),
      ];
    case 'group': {
      const running = node.members.filter((c) => c.state === 'running').length;
      return [t('node.groupCounts', { running, other: node.members.length - running })];
    }
  }
}

/** "podman", "docker (rootless)" (engineMarkerOf): the engine's name is data, "(rootless)" is said. */
function EngineMarker({ marker }: { marker: string }) {
  const { t } = useTranslation('topology');
  const rootless = marker.endsWith(' (rootless)');
  return (
    <>
      <D>{rootless ? marker.slice(0, -' (rootless)'.length) : marker}</D>
      {rootless && ` ${t('common:header.engine.rootless')}`}
    </>
  );
}

function FoldButtons({ folds, onFold }: Pick<EntityNodeData, 'folds' | 'onFold'>) {
  const { t } = useTranslation('topology');
  if (!folds?.length || !onFold) return null;
  return (
    <Group gap={4} mt={2} className="nodrag">
      {folds.map((f) => (
        <Button
          key={f.networkId}
          size="compact-xs"
          variant="light"
          data-testid={`${f.folded ? 'unfold' : 'fold'}-${f.networkName}`}
          onClick={(event) => {
            event.stopPropagation();
            onFold(f.networkId, !f.folded);
          }}
        >
          {f.folded ? t('node.showContainers', { count: f.count }) : t('node.fold', { name: f.networkName, count: f.count })}
        </Button>
      ))}
    </Group>
  );
}

/** The node up close: name, badges, the lines under it and its fold buttons. */
function NodeDetail({ data, color }: { data: EntityNodeData; color: string }) {
  const node = data.graphNode;
  const drop = useDropMark(useContext(DropMarksContext), node.id);
  const { t } = useTranslation('topology');
  const lines = useLines(node);
  return (
    <>
      <Group justify="space-between" wrap="nowrap" gap={4}>
        <Text fw={700} size="sm" truncate>
          {node.type === 'group' ? (
            <>
              <D>{node.network.name}</D>: {t('node.groupTitle', { count: node.members.length })}
            </>
          ) : (
            <D>{node.label}</D>
          )}
        </Text>
        <Group gap={2} wrap="nowrap">
          {drop && <DropBadge mark={drop} testId={`drop-badge-${node.id}`} />}
          {data.engineMarker && (
            <Badge size="xs" color="gray" variant="outline" data-testid="engine-marker">
              <EngineMarker marker={data.engineMarker} />
            </Badge>
          )}
          <Badge size="xs" color={color} variant="light">
            {t(`kind.${node.type}`)}
          </Badge>
        </Group>
      </Group>
      {lines.map((line, i) => (
        <Text key={i} size="xs" c="dimmed" truncate>
          {line}
        </Text>
      ))}
      <FoldButtons folds={data.folds} onFold={data.onFold} />
    </>
  );
}

/** Far out: the name alone, large enough to read at this zoom (hundreds of these stay cheap to draw). */
function NodeName({ node }: { node: GraphNode }) {
  const drop = useDropMark(useContext(DropMarksContext), node.id);
  return (
    <div translate="no" style={{ fontSize: 28, fontWeight: 700, overflow: 'hidden', textOverflow: 'ellipsis', whiteSpace: 'nowrap', color: drop ? 'var(--mantine-color-red-7)' : undefined }}>
      {node.label}
    </div>
  );
}

function EntityNodeView({ data, selected }: NodeProps<EntityFlowNode>) {
  const node = data.graphNode;
  const detailed = useStore((s) => s.transform[2] >= DETAIL_ZOOM);
  const color = data.highlighted ? 'orange' : data.matched ? 'yellow' : colors[node.type];
  const strong = selected || data.highlighted || data.matched;
  return (
    <div
      data-testid={`node-${node.type}-${node.label}`}
      data-highlighted={data.highlighted ? 'true' : undefined}
      data-matched={data.matched === undefined ? undefined : String(data.matched)}
      style={{
        width: NODE_WIDTH,
        height: detailed ? undefined : nodeHeight(node),
        minHeight: nodeHeight(node),
        padding: '6px 10px',
        borderRadius: 8,
        background: 'var(--mantine-color-body)',
        border: `${data.highlighted || data.matched ? 3 : 2}px solid var(--mantine-color-${color}-${strong ? 7 : 4})`,
        boxShadow: selected ? '0 0 0 3px var(--mantine-color-' + color + '-2)' : undefined,
        opacity: data.matched === false ? 0.35 : 1,
      }}
    >
      <Handle type="target" position={Position.Left} />
      {detailed ? <NodeDetail data={data} color={color} /> : <NodeName node={node} />}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

export const EntityNode = memo(EntityNodeView);

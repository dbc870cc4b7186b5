// One node of the topology: a NIC, bridge, lone veth, container, Docker network or namespace.
import { Badge, Group, Text } from '@mantine/core';
import { Handle, Position, type NodeProps, type Node } from '@xyflow/react';
import type { GraphNode } from '../../../../shared/topology/graph';
import { NODE_WIDTH, nodeHeight } from './layout';

export type EntityNodeData = { graphNode: GraphNode; highlighted?: boolean };
export type EntityFlowNode = Node<EntityNodeData, 'entity'>;

const colors: Record<GraphNode['type'], string> = {
  nic: 'gray',
  bridge: 'blue',
  veth: 'grape',
  container: 'teal',
  network: 'indigo',
  namespace: 'orange',
};

function lines(node: GraphNode): string[] {
  switch (node.type) {
    case 'nic':
    case 'veth':
      return [`${node.link.kind} · ${node.link.up ? 'up' : 'down'}`, node.link.addresses.join(', ') || 'no address'];
    case 'bridge':
      return [
        `${node.link.up ? 'up' : 'down'} · ${node.link.addresses.join(', ') || 'no address'}`,
        ...node.networks.map((n) => `network ${n.name} ${n.subnets.map((s) => s.subnet).join(' ')}`),
      ];
    case 'container':
      return [
        `${node.container.image} · ${node.container.state}`,
        ...node.container.endpoints.map((e) => `${e.network}: ${e.ip ?? (node.container.networkMode === 'host' ? 'host network' : '—')}`),
      ];
    case 'network':
      return [`${node.network.driver} network`, node.network.subnets.map((s) => s.subnet).join(', ') || 'no subnet'];
    case 'namespace':
      return [
        node.namespace.error ? node.namespace.error : `${node.namespace.links.length} links`,
        ...node.namespace.links.map((l) => `${l.name} ${l.addresses.join(', ')}`),
      ];
  }
}

export function EntityNode({ data, selected }: NodeProps<EntityFlowNode>) {
  const node = data.graphNode;
  const color = data.highlighted ? 'orange' : colors[node.type];
  return (
    <div
      data-testid={`node-${node.type}-${node.label}`}
      data-highlighted={data.highlighted ? 'true' : undefined}
      style={{
        width: NODE_WIDTH,
        minHeight: nodeHeight(node),
        padding: '6px 10px',
        borderRadius: 8,
        background: 'var(--mantine-color-body)',
        border: `${data.highlighted ? 3 : 2}px solid var(--mantine-color-${color}-${selected || data.highlighted ? 7 : 4})`,
        boxShadow: selected ? '0 0 0 3px var(--mantine-color-' + color + '-2)' : undefined,
      }}
    >
      <Handle type="target" position={Position.Left} />
      <Group justify="space-between" wrap="nowrap" gap={4}>
        <Text fw={700} size="sm" truncate>
          {node.label}
        </Text>
        <Badge size="xs" color={color} variant="light">
          {node.type}
        </Badge>
      </Group>
      {lines(node).map((line, i) => (
        <Text key={i} size="xs" c="dimmed" truncate>
          {line}
        </Text>
      ))}
      <Handle type="source" position={Position.Right} />
    </div>
  );
}

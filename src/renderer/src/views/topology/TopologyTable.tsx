// The topology as rows, one per container: where each is plugged in and what flows through it
// now. For hosts where even a folded graph is too much to scan.
import { Badge, ScrollArea, Table, Text } from '@mantine/core';
import { memo, useContext, useMemo } from 'react';
import type { Container, Snapshot } from '../../../../shared/model';
import { nodeId } from '../../../../shared/topology/graph';
import { formatRate } from '../../../../shared/units';
import { LinkRatesContext } from './CableEdge';
import { useRatesOf } from './link-rates';
import type { Selection } from './selection';

const RateCells = memo(function RateCells({ veths }: { veths: readonly string[] }) {
  const { rx, tx } = useRatesOf(useContext(LinkRatesContext), veths);
  return (
    <>
      <Table.Td data-rx={rx}>{formatRate(rx)}</Table.Td>
      <Table.Td data-tx={tx}>{formatRate(tx)}</Table.Td>
    </>
  );
});

function Row({ c, onSelect }: { c: Container; onSelect: (s: Selection) => void }) {
  const veths = useMemo(() => c.endpoints.flatMap((e) => (e.hostVeth ? [e.hostVeth] : [])), [c]);
  return (
    <Table.Tr
      data-testid={`topology-row-${c.name}`}
      style={{ cursor: 'pointer' }}
      onClick={() => onSelect({ kind: 'node', node: { id: nodeId.container(c.id), type: 'container', label: c.name, container: c } })}
    >
      <Table.Td fw={600}>{c.name}</Table.Td>
      <Table.Td>
        <Badge size="xs" variant="light" color={c.state === 'running' ? 'teal' : 'gray'}>
          {c.state}
        </Badge>
      </Table.Td>
      <Table.Td>{c.image}</Table.Td>
      <Table.Td>
        {c.endpoints.length === 0 ? (
          <Text size="xs" c="dimmed">
            {c.networkMode}
          </Text>
        ) : (
          c.endpoints.map((e) => (
            <div key={e.networkId}>
              {e.network} {e.ip ?? '—'}
            </div>
          ))
        )}
      </Table.Td>
      <Table.Td>
        {c.endpoints.map((e) => (
          <div key={e.networkId}>{e.hostVeth ? `${e.hostVeth} ↔ ${e.interface ?? '?'}` : '—'}</div>
        ))}
      </Table.Td>
      <Table.Td>{c.ports.map((p) => `${p.hostPort}→${p.containerPort}/${p.protocol}`).join(', ') || '—'}</Table.Td>
      <RateCells veths={veths} />
    </Table.Tr>
  );
}

export function TopologyTable({ snapshot, hits, onSelect }: { snapshot: Snapshot; hits: ReadonlySet<string> | null; onSelect: (s: Selection) => void }) {
  const rows = useMemo(
    () => snapshot.containers.filter((c) => !hits || hits.has(nodeId.container(c.id))).sort((a, b) => a.name.localeCompare(b.name)),
    [snapshot, hits],
  );
  return (
    <ScrollArea h="100%" px="sm">
      <Table striped highlightOnHover stickyHeader verticalSpacing={4} fz="xs" data-testid="topology-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>Container</Table.Th>
            <Table.Th>State</Table.Th>
            <Table.Th>Image</Table.Th>
            <Table.Th>Networks</Table.Th>
            <Table.Th>Cables (host ↔ container)</Table.Th>
            <Table.Th>Published</Table.Th>
            <Table.Th>In</Table.Th>
            <Table.Th>Out</Table.Th>
          </Table.Tr>
        </Table.Thead>
        <Table.Tbody>
          {rows.map((c) => (
            <Row key={c.id} c={c} onSelect={onSelect} />
          ))}
        </Table.Tbody>
      </Table>
      {rows.length === 0 && (
        <Text size="sm" c="dimmed" p="sm">
          {hits ? 'No container matches the search.' : 'No containers.'}
        </Text>
      )}
    </ScrollArea>
  );
}

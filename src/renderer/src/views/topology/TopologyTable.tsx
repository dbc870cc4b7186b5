// The topology as rows, one per container: where each is plugged in and what flows through it
// now. For hosts where even a folded graph is too much to scan.
import { Badge, ScrollArea, Table, Text, UnstyledButton } from '@mantine/core';
import { memo, useContext, useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Container, Snapshot } from '../../../../shared/model';
import { nodeId } from '../../../../shared/topology/graph';
import { formatRate } from '../../../../shared/units';
import { LinkRatesContext } from './CableEdge';
import { useRatesOf } from './link-rates';
import type { Selection } from './selection';
import { ContainerState } from './ContainerState';

const RateCells = memo(function RateCells({ veths }: { veths: readonly string[] }) {
  const { rx, tx } = useRatesOf(useContext(LinkRatesContext), veths);
  return (
    <>
      <Table.Td data-rx={rx} translate="no">
        {formatRate(rx)}
      </Table.Td>
      <Table.Td data-tx={tx} translate="no">
        {formatRate(tx)}
      </Table.Td>
    </>
  );
});

function Row({ c, onSelect }: { c: Container; onSelect: (s: Selection) => void }) {
  const { t } = useTranslation('topology');
  const veths = useMemo(() => c.endpoints.flatMap((e) => (e.hostVeth ? [e.hostVeth] : [])), [c]);
  const select = () => onSelect({ kind: 'node', node: { id: nodeId.container(c.id), type: 'container', label: c.name, container: c } });
  return (
    <Table.Tr data-testid={`topology-row-${c.name}`} style={{ cursor: 'pointer' }} onClick={select}>
      <Table.Td fw={600}>
        {/* The keyboard's way to a node: the same details as clicking it in the graph. */}
        <UnstyledButton
          fw={600}
          translate="no"
          aria-label={t('table.showDetails', { name: c.name })}
          data-testid={`topology-row-button-${c.name}`}
          onClick={(e) => {
            e.stopPropagation();
            select();
          }}
        >
          {c.name}
        </UnstyledButton>
      </Table.Td>
      <Table.Td>
        <Badge size="xs" variant="light" color={c.state === 'running' ? 'teal' : 'gray'}>
          <ContainerState state={c.state} />
        </Badge>
      </Table.Td>
      <Table.Td translate="no">{c.image}</Table.Td>
      <Table.Td translate="no">
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
      <Table.Td translate="no">
        {c.endpoints.map((e) => (
          <div key={e.networkId}>{e.hostVeth ? `${e.hostVeth} ↔ ${e.interface ?? '?'}` : '—'}</div>
        ))}
      </Table.Td>
      <Table.Td translate="no">{c.ports.map((p) => `${p.hostPort}→${p.containerPort}/${p.protocol}`).join(', ') || '—'}</Table.Td>
      <RateCells veths={veths} />
    </Table.Tr>
  );
}

export function TopologyTable({ snapshot, hits, onSelect }: { snapshot: Snapshot; hits: ReadonlySet<string> | null; onSelect: (s: Selection) => void }) {
  const { t } = useTranslation('topology');
  const rows = useMemo(
    () => snapshot.containers.filter((c) => !hits || hits.has(nodeId.container(c.id))).sort((a, b) => a.name.localeCompare(b.name)),
    [snapshot, hits],
  );
  return (
    <ScrollArea h="100%" px="sm">
      <Table striped highlightOnHover stickyHeader verticalSpacing={4} fz="xs" data-testid="topology-table">
        <Table.Thead>
          <Table.Tr>
            <Table.Th>{t('table.container')}</Table.Th>
            <Table.Th>{t('table.state')}</Table.Th>
            <Table.Th>{t('table.image')}</Table.Th>
            <Table.Th>{t('table.networks')}</Table.Th>
            <Table.Th>{t('table.cables')}</Table.Th>
            <Table.Th>{t('table.published')}</Table.Th>
            <Table.Th>{t('table.in')}</Table.Th>
            <Table.Th>{t('table.out')}</Table.Th>
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
          {hits ? t('table.noMatch') : t('table.empty')}
        </Text>
      )}
    </ScrollArea>
  );
}

// One row per published port: where it listens, where it leads, its live counters and hints.
import { Anchor, Badge, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PublishedPort } from '../../../../shared/firewall-model';
import type { MappingStatus } from '../../../../shared/publish-model';
import { LiveCounter } from '../../components/LiveCounter';
import { ownerColors } from '../../components/owner-colors';
import { formatBytes, formatPackets } from '../../format/counters';
import { EngineText } from '../../i18n/EngineText';
import { containerAddress, hostAddress, portKey } from './port-identity';
import { mappingOfRow } from './unpublish';
import { UnpublishButton } from './UnpublishButton';

interface Props {
  ports: PublishedPort[];
  /** The same ports one update ago, to light up the counters that moved. */
  previous: Map<string, PublishedPort>;
  onShowRules: (port: PublishedPort) => void;
  /** Bridgeport's mappings, to say what unpublishing a row removes. */
  mappings: MappingStatus[];
}

const mono = { fontFamily: 'var(--mantine-font-family-monospace)' };

// The source is a name (docker, podman, bridgeport), shown capitalised and whole: a badge clips its
// label with an ellipsis when the column is squeezed ("DOC…"), so here it keeps its full width.
const sourceBadge = { root: { minWidth: 'max-content', overflow: 'visible' }, label: { overflow: 'visible', textOverflow: 'clip' } };

export function PortsTable({ ports, previous, onShowRules, mappings }: Props) {
  const { t } = useTranslation('ports');
  return (
    <Table striped highlightOnHover stickyHeader verticalSpacing={6} fz="sm" data-testid="ports-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('columns.host')}</Table.Th>
          <Table.Th>{t('columns.container')}</Table.Th>
          <Table.Th>{t('columns.containerAddress')}</Table.Th>
          <Table.Th>{t('columns.network')}</Table.Th>
          <Table.Th>{t('columns.source')}</Table.Th>
          <Table.Th ta="right">{t('columns.packets')}</Table.Th>
          <Table.Th ta="right">{t('columns.bytes')}</Table.Th>
          <Table.Th>{t('columns.notes')}</Table.Th>
          <Table.Th>{t('columns.rules')}</Table.Th>
          <Table.Th />
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {ports.map((p) => {
          const id = `${p.hostPort}-${p.protocol}`;
          const before = previous.get(portKey(p));
          return (
            <Table.Tr key={portKey(p)} data-testid={`port-row-${id}`}>
              <Table.Td style={mono} translate="no">
                {hostAddress(p)}
              </Table.Td>
              <Table.Td fw={600} translate="no">
                {p.container.name}
              </Table.Td>
              <Table.Td style={mono} translate="no">
                {containerAddress(p)}
              </Table.Td>
              <Table.Td translate="no">{p.network ?? '—'}</Table.Td>
              <Table.Td>
                <Badge size="sm" variant="light" tt="capitalize" color={ownerColors[p.source]} styles={sourceBadge} translate="no" data-testid={`port-source-${id}`}>
                  {p.source}
                </Badge>
              </Table.Td>
              <Table.Td ta="right" style={mono} data-testid={`port-packets-${id}`} data-value={p.packets}>
                <LiveCounter value={p.packets} previous={before?.packets} format={formatPackets} />
              </Table.Td>
              <Table.Td ta="right" style={mono}>
                <LiveCounter value={p.bytes} previous={before?.bytes} format={formatBytes} />
              </Table.Td>
              <Table.Td data-testid={`port-hints-${id}`}>
                {p.hints.map((hint, i) => (
                  <Text key={hint} size="xs" c="orange">
                    ⚠ <EngineText text={hint} message={p.hintsMessages?.[i]} />
                  </Text>
                ))}
              </Table.Td>
              <Table.Td>
                <Anchor component="button" size="xs" onClick={() => onShowRules(p)}>
                  {t('rules', { count: p.ruleIds.length })} →
                </Anchor>
              </Table.Td>
              <Table.Td>
                {p.source === 'bridgeport' ? (
                  <UnpublishButton port={p} mapping={mappingOfRow(p, mappings)} id={id} />
                ) : (
                  <Tooltip label={t('engineFixed', { engine: p.source === 'podman' ? 'Podman' : 'Docker' })} multiline w={300} withArrow>
                    <Text size="xs" c="dimmed" style={{ cursor: 'help' }} data-testid={`port-fixed-${id}`}>
                      —
                    </Text>
                  </Tooltip>
                )}
              </Table.Td>
            </Table.Tr>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

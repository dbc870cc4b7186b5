// The table of flows: one row per connection, dimmed while it is ending. Always there (with its
// test id), saying so when it has no rows.
import { Badge, Table, Text } from '@mantine/core';
import type { FlowEnd } from '../../../../shared/flow-model';
import { useTranslation } from 'react-i18next';
import { endLabel, type FlowRow } from './flow-rows';

function End({ end, address, testId }: { end: FlowEnd; address: string; testId: string }) {
  const { t } = useTranslation('flows');
  const name = endLabel(end, t);
  return (
    <Table.Td data-testid={testId}>
      <Text size="sm" translate={name.data ? 'no' : undefined}>
        {name.text}
      </Text>
      <Text size="xs" c="dimmed" ff="monospace" translate="no">
        {address}
      </Text>
    </Table.Td>
  );
}

export function FlowsTable({ rows, accounting }: { rows: FlowRow[]; accounting: boolean }) {
  const { t } = useTranslation('flows');
  const columns = accounting ? 8 : 6;
  return (
    <Table striped verticalSpacing={2} data-testid="flows-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('table.protocol')}</Table.Th>
          {/* The engine pushes a flow's start and end, not every state change in between. */}
          <Table.Th title={t('table.stateTitle')}>{t('table.state')}</Table.Th>
          <Table.Th>{t('table.from')}</Table.Th>
          <Table.Th>{t('table.to')}</Table.Th>
          <Table.Th>{t('table.viaHostPort')}</Table.Th>
          <Table.Th>{t('table.nat')}</Table.Th>
          {accounting && <Table.Th>{t('table.packets')}</Table.Th>}
          {accounting && <Table.Th>{t('table.bytes')}</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={columns}>
              <Text size="sm" c="dimmed" data-testid="flows-empty">
                {t('table.empty')}
              </Text>
            </Table.Td>
          </Table.Tr>
        )}
        {rows.map((row) => (
          <Table.Tr
            key={row.key}
            data-testid="flow-row"
            data-from={row.fromName}
            data-to={row.toName}
            data-host-port={row.hostPort}
            data-nat={row.nat}
            data-ended={row.ended ? 'true' : 'false'}
            // Dimmed, not transparent: an ended row stays readable (AA contrast) until it goes.
            style={row.ended ? { color: 'var(--mantine-color-dimmed)', fontStyle: 'italic', transition: 'color 300ms' } : { transition: 'color 300ms' }}
            title={row.ended ? t('table.ended') : undefined}
          >
            <Table.Td translate="no">{row.protocol}</Table.Td>
            <Table.Td translate="no">{row.state}</Table.Td>
            <End end={row.flow.from} address={row.fromAddress} testId="flow-from" />
            <End end={row.flow.to} address={row.toAddress} testId="flow-to" />
            <Table.Td data-testid="flow-host-port" translate="no" title={row.sentTo ? t('table.sentTo', { address: row.sentTo }) : undefined}>
              {row.hostPort}
            </Table.Td>
            <Table.Td data-testid="flow-nat">
              {row.nat && (
                <Badge variant="light" size="sm">
                  {row.nat}
                </Badge>
              )}
            </Table.Td>
            {accounting && <Table.Td translate="no">{row.packets}</Table.Td>}
            {accounting && <Table.Td translate="no">{row.bytes}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

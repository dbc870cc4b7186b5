// The table of flows: one row per connection, dimmed while it is ending. Always there (with its
// test id), saying so when it has no rows.
import { Badge, Table, Text } from '@mantine/core';
import type { FlowRow } from './flow-rows';

function End({ name, address, testId }: { name: string; address: string; testId: string }) {
  return (
    <Table.Td data-testid={testId}>
      <Text size="sm">{name}</Text>
      <Text size="xs" c="dimmed" ff="monospace">
        {address}
      </Text>
    </Table.Td>
  );
}

export function FlowsTable({ rows, accounting }: { rows: FlowRow[]; accounting: boolean }) {
  const columns = accounting ? 8 : 6;
  return (
    <Table striped verticalSpacing={2} data-testid="flows-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Protocol</Table.Th>
          {/* The engine pushes a flow's start and end, not every state change in between. */}
          <Table.Th title="As when the flow started or the view opened; changes in between are not pushed">State</Table.Th>
          <Table.Th>From</Table.Th>
          <Table.Th>To</Table.Th>
          <Table.Th>Via host port</Table.Th>
          <Table.Th>NAT</Table.Th>
          {accounting && <Table.Th>Packets</Table.Th>}
          {accounting && <Table.Th>Bytes</Table.Th>}
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {rows.length === 0 && (
          <Table.Tr>
            <Table.Td colSpan={columns}>
              <Text size="sm" c="dimmed" data-testid="flows-empty">
                No flows match.
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
            title={row.ended ? 'Ended; leaves the table in a moment' : undefined}
          >
            <Table.Td>{row.protocol}</Table.Td>
            <Table.Td>{row.state}</Table.Td>
            <End name={row.fromName} address={row.fromAddress} testId="flow-from" />
            <End name={row.toName} address={row.toAddress} testId="flow-to" />
            <Table.Td data-testid="flow-host-port" title={row.sentTo ? `sent to ${row.sentTo}` : undefined}>
              {row.hostPort}
            </Table.Td>
            <Table.Td data-testid="flow-nat">
              {row.nat && (
                <Badge variant="light" size="sm">
                  {row.nat}
                </Badge>
              )}
            </Table.Td>
            {accounting && <Table.Td>{row.packets}</Table.Td>}
            {accounting && <Table.Td>{row.bytes}</Table.Td>}
          </Table.Tr>
        ))}
      </Table.Tbody>
    </Table>
  );
}

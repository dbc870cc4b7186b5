// Drops (issue 17): the DROP/REJECT rules and DROP policies whose counters moved in the last minute,
// with the rule and where it happens, from the `traffic` topic (whose samples read the firewall while
// someone watches). When the firewall cannot be read it says so, never "no drops".
import { Alert, Badge, Code, List, Table, Text, Title } from '@mantine/core';
import type { DropEvent } from '../../../../shared/traffic-model';
import { useTopic } from '../../api/use-topic';
import { formatBytes, formatCount } from '../../format/counters';

const time = (iso: string) => new Date(iso).toLocaleTimeString();

function DropRow({ event }: { event: DropEvent }) {
  return (
    <Table.Tr data-testid="drop-row">
      <Table.Td>{time(event.lastAt)}</Table.Td>
      <Table.Td data-testid="drop-where">{event.where}</Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed">
          {event.family} {event.table} {event.chain} ·{' '}
          <Badge size="xs" color="red" variant="light">
            {event.target === 'policy' ? 'policy DROP' : event.target}
          </Badge>
        </Text>
        <Code data-testid="drop-rule">{event.spec}</Code>
        <Text size="xs" c="dimmed">
          {event.explain}
        </Text>
      </Table.Td>
      <Table.Td title="In the last tick it moved">{formatCount(event.packets)}</Table.Td>
      <Table.Td title={`Since ${time(event.firstAt)}`}>
        {formatCount(event.totalPackets)} · {formatBytes(event.totalBytes)}
      </Table.Td>
    </Table.Tr>
  );
}

export function DropsSection() {
  const traffic = useTopic('traffic');
  const drops = traffic.data?.drops ?? null;
  return (
    <div data-testid="drops-section">
      <Title order={5}>Drops</Title>
      <Text size="sm" c="dimmed">
        Packets stopped by a DROP or REJECT rule or a DROP policy, where it happens, from the rules&apos; counters (read once a second); each stays listed a
        minute after its last drop.
      </Text>
      {traffic.error && (
        <Alert color="red" title="Cannot read the drops" data-testid="drops-error">
          {traffic.error}
        </Alert>
      )}
      {!traffic.error && !drops && (
        <Text size="sm" c="dimmed" data-testid="drops-not-read">
          The latest sample did not read the firewall (yet): drops are not known.
        </Text>
      )}
      {drops && !drops.readable && (
        <Alert color="yellow" title="Drops cannot be seen" data-testid="drops-unreadable">
          {drops.notes.join(' ')}
        </Alert>
      )}
      {drops?.readable && (
        <>
          {drops.notes.length > 0 && (
            <Alert color="yellow" title="Drops this view cannot see" data-testid="drops-limitations">
              <List size="sm">
                {drops.notes.map((note) => (
                  <List.Item key={note}>{note}</List.Item>
                ))}
              </List>
            </Alert>
          )}
          {drops.events.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="drops-none">
              No counted drop in the last {Math.round(drops.windowMs / 1000)} s.
            </Text>
          ) : (
            <Table striped verticalSpacing={2} data-testid="drops-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>Last</Table.Th>
                  <Table.Th>Where</Table.Th>
                  <Table.Th>Rule</Table.Th>
                  <Table.Th>Packets (tick)</Table.Th>
                  <Table.Th>Total</Table.Th>
                </Table.Tr>
              </Table.Thead>
              <Table.Tbody>
                {drops.events.map((event) => (
                  <DropRow key={event.ruleId ?? `${event.family} ${event.table} ${event.chain}`} event={event} />
                ))}
              </Table.Tbody>
            </Table>
          )}
        </>
      )}
    </div>
  );
}

// "Bridgeport events": what happened to the ports Bridgeport publishes, newest first.
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import type { PortEvent } from '../../../../shared/publish-model';
import { eventColors, eventTime, latestEvents } from './port-events';

export function PortEvents({ events, error }: { events: PortEvent[] | null; error: string | null }) {
  const shown = latestEvents(events ?? []);
  return (
    <Stack gap={4} data-testid="port-events">
      <Title order={5}>Bridgeport events</Title>
      {error && (
        <Text size="sm" c="red">
          Cannot read the events: {error}
        </Text>
      )}
      {events && shown.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="port-events-empty">
          Nothing yet: publishing, unpublishing and what happens to those ports afterwards show up here.
        </Text>
      )}
      {shown.map((event, i) => (
        <Group key={`${event.at}-${i}`} gap="xs" wrap="nowrap" align="baseline" data-testid="port-event" data-kind={event.kind}>
          <Text size="xs" c="dimmed" ff="monospace" style={{ flexShrink: 0 }}>
            {eventTime(event.at)}
          </Text>
          <Badge size="xs" variant="light" color={eventColors[event.kind]} style={{ flexShrink: 0 }}>
            {event.kind}
          </Badge>
          <Text size="sm">{event.message}</Text>
        </Group>
      ))}
    </Stack>
  );
}

// "Bridgeport events": what happened to the ports Bridgeport publishes, newest first.
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PortEvent } from '../../../../shared/publish-model';
import { EngineText } from '../../i18n/EngineText';
import { currentLocale } from '../../i18n/i18n';
import { eventColors, eventTime, latestEvents } from './port-events';

export function PortEvents({ events, error }: { events: PortEvent[] | null; error: string | null }) {
  const { t } = useTranslation('ports');
  const shown = latestEvents(events ?? []);
  return (
    <Stack gap={4} data-testid="port-events">
      <Title order={5}>{t('events.title')}</Title>
      {error && (
        <Text size="sm" c="red">
          {t('events.readFailed', { error })}
        </Text>
      )}
      {events && shown.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="port-events-empty">
          {t('events.empty')}
        </Text>
      )}
      {shown.map((event, i) => (
        <Group key={`${event.at}-${i}`} gap="xs" wrap="nowrap" align="baseline" data-testid="port-event" data-kind={event.kind}>
          <Text size="xs" c="dimmed" ff="monospace" style={{ flexShrink: 0 }}>
            {eventTime(event.at, new Date(), currentLocale())}
          </Text>
          <Badge size="xs" variant="light" color={eventColors[event.kind]} style={{ flexShrink: 0 }}>
            {t(`events.kind.${event.kind}`)}
          </Badge>
          <Text size="sm">
            <EngineText text={event.message} message={event.messageMessage} />
          </Text>
        </Group>
      ))}
    </Stack>
  );
}

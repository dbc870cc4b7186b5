// What the DNS sync did, newest first: host changes, containers updated (before → after), left
// alone and why, failures, switches moved; also what `bridgeport daemon` did (same file).
import { Badge, Group, Stack, Text, Title } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { DnsEvent } from '../../../../shared/dns-model';
import { EngineText } from '../../i18n/EngineText';
import { eventTime } from '../ports/port-events';
import { changeLine, eventColor, eventLabel, newestFirst } from './dns-format';

export function DnsTimeline({ events, error }: { events: DnsEvent[] | null; error: string | null }) {
  const { t } = useTranslation('dns');
  const shown = newestFirst(events ?? []);
  return (
    <Stack gap={4} data-testid="dns-timeline">
      <Title order={5}>{t('timeline.title')}</Title>
      {error && (
        <Text size="sm" c="red">
          {t('timeline.error', { error })}
        </Text>
      )}
      {events && shown.length === 0 && (
        <Text size="sm" c="dimmed" data-testid="dns-timeline-empty">
          {t('timeline.empty')}
        </Text>
      )}
      {shown.map((event, i) => {
        const change = changeLine(event);
        return (
          <Group key={`${event.at}-${i}`} gap="xs" wrap="nowrap" align="baseline" data-testid="dns-event" data-kind={event.kind}>
            <Text size="xs" c="dimmed" ff="monospace" style={{ flexShrink: 0 }} translate="no">
              {eventTime(event.at)}
            </Text>
            <Badge size="xs" variant="light" color={eventColor[event.kind]} style={{ flexShrink: 0 }}>
              {eventLabel(event.kind, t)}
            </Badge>
            {event.container && (
              <Text size="sm" fw={600} style={{ flexShrink: 0 }} data-testid="dns-event-container" translate="no">
                {event.container.name}
              </Text>
            )}
            <div>
              <Text size="sm">
                <EngineText text={event.message} message={event.messageMessage} />
              </Text>
              {change && (
                <Text size="xs" c="dimmed" ff="monospace" data-testid="dns-event-change" translate="no">
                  {change}
                </Text>
              )}
            </div>
          </Group>
        );
      })}
    </Stack>
  );
}

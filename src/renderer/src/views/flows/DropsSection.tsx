// Drops (issue 17): the DROP/REJECT rules and DROP policies whose counters moved in the last minute,
// with the rule and where it happens, from the `traffic` topic (whose samples read the firewall while
// someone watches). When the firewall cannot be read it says so, never "no drops".
import { Alert, Badge, Code, List, Table, Text, Title } from '@mantine/core';
import { Fragment } from 'react';
import { useTranslation } from 'react-i18next';
import type { DropEvent } from '../../../../shared/traffic-model';
import { useTopic } from '../../api/use-topic';
import { formatBytes } from '../../format/counters';
import { currentLocale } from '../../i18n/i18n';
import { EngineText } from '../../i18n/EngineText';

const time = (iso: string) => new Intl.DateTimeFormat(currentLocale(), { timeStyle: 'medium' }).format(new Date(iso));
const count = (n: number) => new Intl.NumberFormat(currentLocale()).format(n);

function DropRow({ event }: { event: DropEvent }) {
  const { t } = useTranslation('flows');
  return (
    <Table.Tr data-testid="drop-row">
      <Table.Td translate="no">{time(event.lastAt)}</Table.Td>
      <Table.Td data-testid="drop-where">
        <EngineText text={event.where} message={event.whereMessage} />
      </Table.Td>
      <Table.Td>
        <Text size="xs" c="dimmed" translate="no">
          {event.family} {event.table} {event.chain} ·{' '}
          <Badge size="xs" color="red" variant="light">
            {event.target === 'policy' ? <span translate="yes">{t('drops.policyDrop')}</span> : event.target}
          </Badge>
        </Text>
        <Code data-testid="drop-rule">{event.spec}</Code>
        <Text size="xs" c="dimmed">
          <EngineText text={event.explain} message={event.explainMessage} />
        </Text>
      </Table.Td>
      <Table.Td title={t('drops.tickTitle')} translate="no">
        {count(event.packets)}
      </Table.Td>
      <Table.Td title={t('drops.since', { time: time(event.firstAt) })} translate="no">
        {count(event.totalPackets)} · {formatBytes(event.totalBytes)}
      </Table.Td>
    </Table.Tr>
  );
}

export function DropsSection() {
  const { t } = useTranslation('flows');
  const traffic = useTopic('traffic');
  const drops = traffic.data?.drops ?? null;
  return (
    <div data-testid="drops-section">
      <Title order={5}>{t('drops.title')}</Title>
      <Text size="sm" c="dimmed">
        {t('drops.intro')}
      </Text>
      {traffic.error && (
        <Alert color="red" title={t('drops.errorTitle')} data-testid="drops-error">
          <EngineText text={traffic.error} message={traffic.errorMessage} />
        </Alert>
      )}
      {!traffic.error && !drops && (
        <Text size="sm" c="dimmed" data-testid="drops-not-read">
          {t('drops.notRead')}
        </Text>
      )}
      {drops && !drops.readable && (
        <Alert color="yellow" title={t('drops.unreadableTitle')} data-testid="drops-unreadable">
          {drops.notes.map((note, i) => (
            <Fragment key={note}>
              {i > 0 && ' '}
              <EngineText text={note} message={drops.notesMessages?.[i]} />
            </Fragment>
          ))}
        </Alert>
      )}
      {drops?.readable && (
        <>
          {drops.notes.length > 0 && (
            <Alert color="yellow" title={t('drops.limitationsTitle')} data-testid="drops-limitations">
              <List size="sm">
                {drops.notes.map((note, i) => (
                  <List.Item key={note}>
                    <EngineText text={note} message={drops.notesMessages?.[i]} />
                  </List.Item>
                ))}
              </List>
            </Alert>
          )}
          {drops.events.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="drops-none">
              {t('drops.none', { seconds: Math.round(drops.windowMs / 1000) })}
            </Text>
          ) : (
            <Table striped verticalSpacing={2} data-testid="drops-table">
              <Table.Thead>
                <Table.Tr>
                  <Table.Th>{t('drops.last')}</Table.Th>
                  <Table.Th>{t('drops.where')}</Table.Th>
                  <Table.Th>{t('drops.rule')}</Table.Th>
                  <Table.Th>{t('drops.packetsTick')}</Table.Th>
                  <Table.Th>{t('drops.total')}</Table.Th>
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

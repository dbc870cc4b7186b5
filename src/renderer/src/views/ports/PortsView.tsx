// Every published port (Docker's and Bridgeport's), live: counters follow the 'ports' topic,
// which the engine samples once per second only while this view is open. Ports can be published
// on running containers here, Bridgeport's own unpublished, and what happened to them is listed.
import { Alert, EmptyState, Group, Loader, ScrollArea, Stack, Text, TextInput, Title } from '@mantine/core';
import { useMemo, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { PublishedPort } from '../../../../shared/firewall-model';
import type { Snapshot } from '../../../../shared/model';
import { useTopic } from '../../api/use-topic';
import { PublishPortButton } from '../publish/PublishPortButton';
import { portKey, portMatches } from './port-identity';
import { PortEvents } from './PortEvents';
import { PortsTable } from './PortsTable';

interface Props {
  snapshot: Snapshot;
  onShowRules: (port: PublishedPort) => void;
}

export function PortsView({ snapshot, onShowRules }: Props) {
  const { t } = useTranslation('ports');
  const { data: ports, previous, error } = useTopic('ports');
  const { data: mappings } = useTopic('mappings');
  const events = useTopic('events');
  const [query, setQuery] = useState('');
  const before = useMemo(() => new Map((previous ?? []).map((p) => [portKey(p), p])), [previous]);
  const shown = useMemo(() => (ports ?? []).filter((p) => portMatches(p, query)), [ports, query]);

  return (
    <Stack gap="sm" px="md" pt={4} pb="md" h="100%" data-testid="ports-view">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={4}>{t('title')}</Title>
          <Text size="sm" c="dimmed">
            {t('subtitle')}
          </Text>
        </div>
        <Group gap="sm" align="flex-end">
          <TextInput
            placeholder={t('filter')}
            value={query}
            onChange={(e) => setQuery(e.currentTarget.value)}
            w={320}
            data-testid="ports-filter"
          />
          <PublishPortButton snapshot={snapshot} />
        </Group>
      </Group>
      {error && (
        <Alert color="red" title={t('readFailed')}>
          {error}
        </Alert>
      )}
      {!ports && !error && <Loader m="xl" />}
      {ports && ports.length === 0 && (
        <EmptyState
          mt="xl"
          title={t('empty.title')}
          description={t('empty.description')}
          data-testid="ports-empty"
        />
      )}
      {ports && ports.length > 0 && shown.length === 0 && (
        <Text c="dimmed" data-testid="ports-no-match">
          {t('noMatch', { query })}
        </Text>
      )}
      {shown.length > 0 && (
        <ScrollArea style={{ flex: 1, minHeight: 0 }}>
          <PortsTable ports={shown} previous={before} onShowRules={onShowRules} mappings={mappings ?? []} />
        </ScrollArea>
      )}
      <ScrollArea.Autosize mah={220} style={{ flexShrink: 0 }}>
        <PortEvents events={events.data} error={events.error} />
      </ScrollArea.Autosize>
    </Stack>
  );
}

// Docker networks: every one with its addressing, options and containers; create, remove,
// connect and disconnect. Read again whenever the snapshot moves, so changes made elsewhere
// (the CLI, docker itself) show up too.
import { Group, Loader, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Snapshot } from '../../../../shared/model';
import { api } from '../../api/api';
import { useReadOnChange } from '../../api/use-read-on-change';
import { EngineErrorAlert } from '../../components/EngineError';
import { CreateNetworkButton } from './CreateNetworkButton';
import { sortNetworks } from './network-describe';
import { NetworksTable } from './NetworksTable';

const readNetworks = () => api.invoke('networks.list', {});

export function NetworksView({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation('networks');
  const { data: networks, error, failure, reload } = useReadOnChange(readNetworks, snapshot.takenAt);
  const sorted = useMemo(() => (networks ? sortNetworks(networks) : null), [networks]);
  return (
    <Stack gap="sm" px="md" pt={4} pb="md" h="100%" data-testid="networks-view">
      <Group justify="space-between" align="flex-end">
        <div>
          <Title order={4}>{t('title')}</Title>
          <Text size="sm" c="dimmed">
            {t('intro')}
          </Text>
        </div>
        <CreateNetworkButton links={snapshot.links} onCreated={reload} />
      </Group>
      <EngineErrorAlert failure={failure} what={t('readError')} testId="networks-error" />
      {!sorted && !error && <Loader m="xl" />}
      {sorted && (
        <ScrollArea style={{ flex: 1, minHeight: 0 }}>
          <NetworksTable networks={sorted} containers={snapshot.containers} onChanged={reload} />
        </ScrollArea>
      )}
    </Stack>
  );
}

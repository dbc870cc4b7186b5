// Namespaces and links wired by hand: make a namespace, a bridge or a veth pair, move one end into
// a namespace or a running container with its address, route and MTU, set links up or down, and
// delete what Bridgeport made. Read again whenever the snapshot moves (netlink, /run/netns).
import { Group, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useMemo } from 'react';
import { useTranslation } from 'react-i18next';
import type { Snapshot } from '../../../../shared/model';
import { api } from '../../api/api';
import { useReadOnChange } from '../../api/use-read-on-change';
import { EngineErrorAlert } from '../../components/EngineError';
import { hostBridges, madeLinkKeys, madeRows, movableLinks, moveTargets, namedNamespaces } from './link-places';
import { MadeTable } from './MadeTable';
import { MakeButtons } from './MakeButtons';
import { MoveLinkButton } from './MoveLinkButton';
import { NamedNamespaces } from './NamedNamespaces';

const readMade = () => api.invoke('made.list', {});

export function NamespacesView({ snapshot }: { snapshot: Snapshot }) {
  const { t } = useTranslation('namespaces');
  const { data: made, failure, reload } = useReadOnChange(readMade, snapshot.takenAt);
  const rows = useMemo(() => madeRows(made ?? [], snapshot), [made, snapshot]);
  const targets = useMemo(() => moveTargets(snapshot), [snapshot]);
  const movable = useMemo(() => movableLinks(rows), [rows]);
  const madeLinks = useMemo(() => madeLinkKeys(rows), [rows]);
  const madeNamespaces = useMemo(() => new Set((made ?? []).filter((m) => m.kind === 'netns').map((m) => m.name)), [made]);
  return (
    <ScrollArea h="100%">
      <Stack gap="md" px="md" pt={4} pb="md" data-testid="namespaces-view">
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={4}>{t('title')}</Title>
            <Text size="sm" c="dimmed">
              {t('intro')}
            </Text>
          </div>
          <Group gap="sm">
            <MakeButtons bridges={hostBridges(snapshot)} onMade={reload} />
            <MoveLinkButton link={null} links={movable} targets={targets} onMoved={reload} label={t('move.any')} size="sm" variant="light" data-testid="move-interface" />
          </Group>
        </Group>
        <EngineErrorAlert failure={failure} what={t('readError')} testId="made-error" />
        <Stack gap={4}>
          <Title order={5}>{t('madeTitle')}</Title>
          {made && rows.length === 0 ? (
            <Text size="sm" c="dimmed" data-testid="made-empty">
              {t('madeEmpty')}
            </Text>
          ) : (
            <MadeTable rows={rows} movable={movable} targets={targets} onChanged={reload} />
          )}
        </Stack>
        <Stack gap={4}>
          <Title order={5}>{t('namedTitle')}</Title>
          <NamedNamespaces namespaces={namedNamespaces(snapshot)} made={madeNamespaces} madeLinks={madeLinks} onChanged={reload} />
        </Stack>
      </Stack>
    </ScrollArea>
  );
}

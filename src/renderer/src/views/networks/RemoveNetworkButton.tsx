// Remove a network after a confirm step. Docker refuses while containers are attached: the
// engine's sentence is shown, and the user may choose to disconnect them and remove it.
import { Button, Group, Popover, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { NetworkDetail } from '../../../../shared/network-model';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';
import { EngineErrorText } from '../../components/EngineError';

export function RemoveNetworkButton({ network, onRemoved }: { network: NetworkDetail; onRemoved: () => void }) {
  const { t } = useTranslation('networks');
  const [opened, setOpened] = useState(false);
  const [refused, setRefused] = useState(false);
  const action = useEngineAction();
  const name = network.name;
  const attached = network.containers.map((c) => c.name);

  const remove = async (disconnectContainers: boolean) => {
    const removed = await action.run(() => api.invoke('networks.remove', { name, disconnectContainers }));
    if (!removed) return setRefused(true);
    setOpened(false);
    onRemoved();
  };
  const toggle = () => {
    setOpened((o) => !o);
    setRefused(false);
    action.clearError();
  };

  return (
    <Popover opened={opened} onDismiss={() => !action.busy && setOpened(false)} position="left" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button size="compact-xs" variant="light" color="red" onClick={toggle} data-testid={`remove-network-${name}`}>
          {t('remove.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={380} data-testid={`remove-dialog-${name}`}>
        <Stack gap="xs">
          <Text size="sm">
            {t('remove.question', { name })}
          </Text>
          <Text size="xs" c="dimmed">
            {attached.length ? t('remove.attached', { count: attached.length, names: attached.join(', ') }) : t('remove.goesWith')}
          </Text>
          <EngineErrorText failure={action.failure} testId={`remove-error-${name}`} />
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)} disabled={action.busy}>
              {t('remove.cancel')}
            </Button>
            {refused && (attached.length > 0 || /attached/i.test(action.error ?? '')) ? (
              <Button size="xs" color="red" loading={action.busy} onClick={() => void remove(true)} data-testid={`remove-disconnect-${name}`}>
                {t('remove.disconnectAndRemove')}
              </Button>
            ) : (
              <Button size="xs" color="red" loading={action.busy} onClick={() => void remove(false)} data-testid={`remove-confirm-${name}`}>
                {t('remove.button')}
              </Button>
            )}
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

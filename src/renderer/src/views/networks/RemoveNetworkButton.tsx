// Remove a network after a confirm step. Docker refuses while containers are attached: the
// engine's sentence is shown, and the user may choose to disconnect them and remove it.
import { Button, Group, Popover, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import type { NetworkDetail } from '../../../../shared/network-model';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';
import { EngineErrorText } from '../../components/EngineError';
import { plural } from '../../format/plural';

export function RemoveNetworkButton({ network, onRemoved }: { network: NetworkDetail; onRemoved: () => void }) {
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
          Remove
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={380} data-testid={`remove-dialog-${name}`}>
        <Stack gap="xs">
          <Text size="sm">
            Remove network <b>{name}</b>?
          </Text>
          <Text size="xs" c="dimmed">
            {attached.length
              ? `${plural(attached.length, 'container')} ${attached.length === 1 ? 'is' : 'are'} attached (${attached.join(', ')}): Docker refuses until they are disconnected.`
              : 'Its host bridge and rules go with it.'}
          </Text>
          <EngineErrorText failure={action.failure} testId={`remove-error-${name}`} />
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)} disabled={action.busy}>
              Cancel
            </Button>
            {refused && (attached.length > 0 || /attached/i.test(action.error ?? '')) ? (
              <Button size="xs" color="red" loading={action.busy} onClick={() => void remove(true)} data-testid={`remove-disconnect-${name}`}>
                Disconnect them and remove
              </Button>
            ) : (
              <Button size="xs" color="red" loading={action.busy} onClick={() => void remove(false)} data-testid={`remove-confirm-${name}`}>
                Remove
              </Button>
            )}
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

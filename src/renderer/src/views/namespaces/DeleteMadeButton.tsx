// Delete something Bridgeport made, after a confirm step: a namespace (with whatever is in it),
// a bridge, or a veth pair (both ends go, wherever the other one is).
import { Button, Group, Popover, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';
import { EngineErrorText } from '../../components/EngineError';
import { deletionEnd, placeInput, type MadeRow } from './link-places';

const consequence = {
  netns: 'Whatever is inside goes with it: a veth end in it takes its peer along.',
  bridge: 'Interfaces on it are let go, not deleted.',
  veth: 'Both ends go, wherever the other one is now.',
} as const;

export function DeleteMadeButton({ row, onDeleted }: { row: MadeRow; onDeleted: () => void }) {
  const [opened, setOpened] = useState(false);
  const action = useEngineAction();
  const { thing } = row;

  const confirm = async () => {
    const end = deletionEnd(row);
    const where = end ? placeInput(end.place) : undefined;
    const deleted = await action.run(() =>
      thing.kind === 'netns'
        ? api.invoke('netns.delete', { name: thing.name })
        : api.invoke('links.delete', { link: end?.name ?? thing.name, ...(where ? { in: where } : {}) }),
    );
    if (!deleted) return;
    setOpened(false);
    onDeleted();
  };

  return (
    <Popover opened={opened} onDismiss={() => !action.busy && setOpened(false)} position="left" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button size="compact-xs" variant="light" color="red" onClick={() => setOpened((o) => !o)} data-testid={`delete-made-${thing.name}`}>
          Delete
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={340} data-testid={`delete-dialog-${thing.name}`}>
        <Stack gap="xs">
          <Text size="sm">
            Delete {thing.kind === 'netns' ? 'namespace' : thing.kind === 'veth' ? 'veth pair' : 'bridge'} <b>{thing.peer ? `${thing.name} ↔ ${thing.peer}` : thing.name}</b>?
          </Text>
          <Text size="xs" c="dimmed">
            {consequence[thing.kind]}
          </Text>
          <EngineErrorText failure={action.failure} testId={`delete-error-${thing.name}`} />
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)} disabled={action.busy}>
              Cancel
            </Button>
            <Button size="xs" color="red" loading={action.busy} onClick={() => void confirm()} data-testid={`delete-confirm-${thing.name}`}>
              Delete
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

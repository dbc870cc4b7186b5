// Delete something Bridgeport made, after a confirm step: a namespace (with whatever is in it),
// a bridge, or a veth pair (both ends go, wherever the other one is).
import { Button, Group, Popover, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';
import { EngineErrorText } from '../../components/EngineError';
import { deletionEnd, placeInput, type MadeRow } from './link-places';

export function DeleteMadeButton({ row, onDeleted }: { row: MadeRow; onDeleted: () => void }) {
  const { t } = useTranslation('namespaces');
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
          {t('delete.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={340} data-testid={`delete-dialog-${thing.name}`}>
        <Stack gap="xs">
          <Text size="sm">
            {t(`delete.question.${thing.kind}`, { name: thing.peer ? `${thing.name} ↔ ${thing.peer}` : thing.name })}
          </Text>
          <Text size="xs" c="dimmed">
            {t(`delete.consequence.${thing.kind}`)}
          </Text>
          <EngineErrorText failure={action.failure} testId={`delete-error-${thing.name}`} />
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)} disabled={action.busy}>
              {t('delete.cancel')}
            </Button>
            <Button size="xs" color="red" loading={action.busy} onClick={() => void confirm()} data-testid={`delete-confirm-${thing.name}`}>
              {t('delete.button')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

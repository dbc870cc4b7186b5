// Unpublish on a Bridgeport row, after a confirm step that says what goes (a whole range, if it is one).
import { Button, Group, Popover, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { Trans, useTranslation } from 'react-i18next';
import type { PublishedPort } from '../../../../shared/firewall-model';
import type { MappingStatus } from '../../../../shared/publish-model';
import { api } from '../../api/api';
import { containerSide, hostSide } from '../publish/describe-mapping';
import { useSay } from '../../i18n/say';
import { engineFailure, type EngineFailure } from '../../api/engine-failure';
import { EngineErrorText } from '../../components/EngineError';
import { unpublishRequestOf } from './unpublish';

interface Props {
  port: PublishedPort;
  /** The mapping the row belongs to, when known: unpublishing removes all of it. */
  mapping: MappingStatus | null;
  /** The row's id in test ids: "9393-tcp". */
  id: string;
}

type Phase = 'idle' | 'busy' | 'done';

export function UnpublishButton({ port, mapping, id }: Props) {
  const { t } = useTranslation('ports');
  const say = useSay('publish');
  const [opened, setOpened] = useState(false);
  const [phase, setPhase] = useState<Phase>('idle');
  const [error, setError] = useState<EngineFailure | null>(null);
  const request = unpublishRequestOf(port);
  if (!request) return null;
  const what = mapping
    ? `${hostSide(mapping, say)} → ${containerSide(mapping, say)}`
    : t('unpublish.fallbackWhat', { hostPort: port.hostPort, protocol: port.protocol, container: port.container.name, containerPort: port.containerPort });
  const wholeRange = mapping !== null && mapping.hostPortEnd > mapping.hostPort;

  const confirm = async () => {
    setPhase('busy');
    setError(null);
    try {
      await api.invoke('ports.unpublish', request);
      // The row goes with the next update of the ports; until then it cannot be asked twice.
      setPhase('done');
      setOpened(false);
    } catch (e) {
      setPhase('idle');
      setError(engineFailure(e));
    }
  };

  return (
    <Popover opened={opened} onDismiss={() => phase !== 'busy' && setOpened(false)} position="left" withArrow shadow="md" trapFocus>
      <Popover.Target>
        <Button
          size="compact-xs"
          variant="light"
          color="red"
          disabled={phase === 'done'}
          onClick={() => setOpened((o) => !o)}
          data-testid={`unpublish-${id}`}
        >
          {phase === 'done' ? t('unpublish.done') : t('unpublish.button')}
        </Button>
      </Popover.Target>
      <Popover.Dropdown maw={340} data-testid={`unpublish-dialog-${id}`}>
        <Stack gap="xs">
          <Text size="sm">
            <Trans t={t} i18nKey="unpublish.question" values={{ what }} components={{ b: <b /> }} />
          </Text>
          <Text size="xs" c="dimmed">
            {wholeRange ? `${t('unpublish.wholeRange')} ` : ''}
            {t('unpublish.effect')}
          </Text>
          <EngineErrorText failure={error} testId={`unpublish-error-${id}`} />
          <Group justify="flex-end" gap="xs">
            <Button size="xs" variant="default" onClick={() => setOpened(false)} disabled={phase === 'busy'}>
              {t('unpublish.cancel')}
            </Button>
            <Button size="xs" color="red" loading={phase === 'busy'} onClick={() => void confirm()} data-testid={`unpublish-confirm-${id}`}>
              {t('unpublish.button')}
            </Button>
          </Group>
        </Stack>
      </Popover.Dropdown>
    </Popover>
  );
}

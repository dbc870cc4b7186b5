// Disconnect one attached container from a network; a refusal is shown beside it.
import { Button, Group } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';
import { EngineErrorText } from '../../components/EngineError';

interface Props {
  network: string;
  container: string;
  onDisconnected: () => void;
}

export function DisconnectButton({ network, container, onDisconnected }: Props) {
  const { t } = useTranslation('networks');
  const action = useEngineAction();
  const disconnect = async () => {
    if (await action.run(() => api.invoke('networks.disconnect', { network, container }))) onDisconnected();
  };
  return (
    <Group gap={4} wrap="nowrap">
      <Button
        size="compact-xs"
        variant="subtle"
        color="red"
        loading={action.busy}
        onClick={() => void disconnect()}
        title={t('disconnect.title', { container, network })}
        data-testid={`disconnect-${network}-${container}`}
      >
        {t('disconnect.button')}
      </Button>
      <EngineErrorText failure={action.failure} testId={`disconnect-error-${network}-${container}`} />
    </Group>
  );
}

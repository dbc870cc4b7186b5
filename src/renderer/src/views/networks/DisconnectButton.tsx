// Disconnect one attached container from a network; a refusal is shown beside it.
import { Button, Group, Text } from '@mantine/core';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';

interface Props {
  network: string;
  container: string;
  onDisconnected: () => void;
}

export function DisconnectButton({ network, container, onDisconnected }: Props) {
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
        title={`Disconnect ${container} from ${network}`}
        data-testid={`disconnect-${network}-${container}`}
      >
        Disconnect
      </Button>
      {action.error && (
        <Text size="xs" c="red" data-testid={`disconnect-error-${network}-${container}`}>
          {action.error}
        </Text>
      )}
    </Group>
  );
}

// The containers on a network: name, address and aliases, each with Disconnect.
import { Group, Stack, Text } from '@mantine/core';
import type { NetworkDetail } from '../../../../shared/network-model';
import { DisconnectButton } from './DisconnectButton';

interface Props {
  network: NetworkDetail;
  /** Host and none have nothing to disconnect from: no button. */
  canDisconnect: boolean;
  onChanged: () => void;
}

export function AttachedContainers({ network, canDisconnect, onChanged }: Props) {
  if (network.containers.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        none
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {network.containers.map((c) => (
        <Group key={c.id} gap={6} wrap="nowrap" data-testid={`attached-${network.name}-${c.name}`}>
          <Text size="sm" fw={500}>
            {c.name}
          </Text>
          {c.ipv4 && (
            <Text size="xs" ff="monospace">
              {c.ipv4}
            </Text>
          )}
          {c.aliases.length > 0 && (
            <Text size="xs" c="dimmed">
              aka {c.aliases.join(', ')}
            </Text>
          )}
          {canDisconnect && <DisconnectButton network={network.name} container={c.name} onDisconnected={onChanged} />}
        </Group>
      ))}
    </Stack>
  );
}

// The containers on a network: name, address and aliases, each with Disconnect.
import { Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { NetworkDetail } from '../../../../shared/network-model';
import { DisconnectButton } from './DisconnectButton';

interface Props {
  network: NetworkDetail;
  /** Host and none have nothing to disconnect from: no button. */
  canDisconnect: boolean;
  onChanged: () => void;
}

export function AttachedContainers({ network, canDisconnect, onChanged }: Props) {
  const { t } = useTranslation('networks');
  if (network.containers.length === 0) {
    return (
      <Text size="xs" c="dimmed">
        {t('attached.none')}
      </Text>
    );
  }
  return (
    <Stack gap={2}>
      {network.containers.map((c) => (
        <Group key={c.id} gap={6} wrap="nowrap" data-testid={`attached-${network.name}-${c.name}`}>
          <Text size="sm" fw={500} translate="no">
            {c.name}
          </Text>
          {c.ipv4 && (
            <Text size="xs" ff="monospace" translate="no">
              {c.ipv4}
            </Text>
          )}
          {c.aliases.length > 0 && (
            <Text size="xs" c="dimmed">
              {t('attached.aka', { aliases: c.aliases.join(', ') })}
            </Text>
          )}
          {canDisconnect && <DisconnectButton network={network.name} container={c.name} onDisconnected={onChanged} />}
        </Group>
      ))}
    </Stack>
  );
}

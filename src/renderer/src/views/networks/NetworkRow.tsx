// One network of the table: what it is, how it is addressed and set up, who is on it, and what
// can be done with it (built-ins cannot be removed; host and none take no connections).
import { Badge, Group, Stack, Table, Text, Tooltip } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Container } from '../../../../shared/model';
import type { NetworkDetail } from '../../../../shared/network-model';
import { AttachedContainers } from './AttachedContainers';
import { sayWith } from '../../i18n/say';
import { ConnectContainerButton } from './ConnectContainerButton';
import { acceptsConnections, addressingLines, connectableContainers, hostSide, optionLabels } from './network-describe';
import { RemoveNetworkButton } from './RemoveNetworkButton';

interface Props {
  network: NetworkDetail;
  containers: readonly Container[];
  onChanged: () => void;
}

const mono = { fontFamily: 'var(--mantine-font-family-monospace)' };

export function NetworkRow({ network: n, containers, onChanged }: Props) {
  const { t } = useTranslation('networks');
  const say = sayWith(t);
  const side = hostSide(n);
  const joinable = acceptsConnections(n);
  return (
    <Table.Tr data-testid={`network-row-${n.name}`} data-builtin={n.builtIn ? 'true' : undefined}>
      <Table.Td style={{ whiteSpace: 'nowrap' }}>
        <Stack gap={2}>
          <Text fw={600} size="sm" translate="no">
            {n.name}
          </Text>
          <Group gap={4}>
            {n.builtIn && (
              <Badge size="xs" variant="light" color="gray" data-testid={`network-builtin-${n.name}`}>
                {t('badge.builtIn')}
              </Badge>
            )}
            {n.internal && (
              <Badge size="xs" variant="light" color="orange">
                {t('badge.internal')}
              </Badge>
            )}
            {n.attachable && (
              <Badge size="xs" variant="light" color="blue">
                {t('badge.attachable')}
              </Badge>
            )}
          </Group>
        </Stack>
      </Table.Td>
      <Table.Td translate="no">{n.driver}</Table.Td>
      <Table.Td translate="no">{n.scope}</Table.Td>
      <Table.Td style={mono} data-testid={`network-addressing-${n.name}`}>
        {addressingLines(n, say).map((line) => (
          <Text key={line} size="xs" ff="monospace">
            {line}
          </Text>
        ))}
        {n.subnets.length === 0 && (
          <Text size="xs" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td data-testid={`network-host-side-${n.name}`}>
        {side ? (
          <Text size="xs">
            {t(`hostSide.${side.label}`)} <span style={mono} translate="no">{side.value}</span>
          </Text>
        ) : (
          <Text size="xs" c="dimmed">
            —
          </Text>
        )}
      </Table.Td>
      <Table.Td data-testid={`network-options-${n.name}`}>
        <Group gap={4}>
          {optionLabels(n, say).map((o) => (
            <Tooltip key={o.label} label={o.source ?? o.label} disabled={!o.source}>
              <Badge size="xs" variant={o.notable ? 'filled' : 'light'} color={o.notable ? 'orange' : 'gray'} tt="none" translate={o.raw ? 'no' : undefined}>
                {o.label}
              </Badge>
            </Tooltip>
          ))}
        </Group>
      </Table.Td>
      <Table.Td data-testid={`network-containers-${n.name}`}>
        <AttachedContainers network={n} canDisconnect={joinable} onChanged={onChanged} />
      </Table.Td>
      <Table.Td>
        <Group gap={4} wrap="nowrap" justify="flex-end">
          {joinable && <ConnectContainerButton network={n} offered={connectableContainers(n, containers)} onConnected={onChanged} />}
          {!n.builtIn && <RemoveNetworkButton network={n} onRemoved={onChanged} />}
        </Group>
      </Table.Td>
    </Table.Tr>
  );
}

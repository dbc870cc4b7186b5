// One row per container: its DNS, where it came from, whether it follows the host, its switch; a
// row opens to the container's hostname and /etc/hosts entries.
import { Badge, Button, Group, Switch, Table, Text, Tooltip } from '@mantine/core';
import { Fragment, useState } from 'react';
import type { ContainerDns } from '../../../../shared/dns-model';
import { originLabel, sortedContainers, sourceColor, sourceHelp, sourceLabel, upstreamsLine } from './dns-format';

interface Props {
  containers: ContainerDns[];
  globalEnabled: boolean;
  busy: boolean;
  onSwitch: (container: string, enabled: boolean) => void;
}

function HostsRows({ container }: { container: ContainerDns }) {
  return (
    <Table.Tr data-testid={`dns-hosts-${container.container.name}`}>
      <Table.Td colSpan={6}>
        <Text size="xs" c="dimmed">
          hostname {container.hostname || '—'} · network {container.networkMode}
        </Text>
        {container.hosts.length === 0 && <Text size="xs">no /etc/hosts entries read</Text>}
        {container.hosts.map((entry, i) => (
          <Group key={i} gap="xs" wrap="nowrap">
            <Text size="xs" ff="monospace" w={160}>
              {entry.address}
            </Text>
            <Text size="xs" ff="monospace">
              {entry.names.join(' ')}
            </Text>
            <Badge size="xs" variant="outline">
              {originLabel[entry.origin]}
            </Badge>
          </Group>
        ))}
      </Table.Td>
    </Table.Tr>
  );
}

export function DnsTable({ containers, globalEnabled, busy, onSwitch }: Props) {
  const [open, setOpen] = useState<string | null>(null);
  if (containers.length === 0) return <Text c="dimmed">No containers.</Text>;
  return (
    <Table striped verticalSpacing={4} data-testid="dns-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>Container</Table.Th>
          <Table.Th>Source</Table.Th>
          <Table.Th>Nameservers</Table.Th>
          <Table.Th>Search · options</Table.Th>
          <Table.Th>State</Table.Th>
          <Table.Th>Sync</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {sortedContainers(containers).map((c) => {
          const name = c.container.name;
          return (
            <Fragment key={c.container.id}>
              <Table.Tr data-testid={`dns-row-${name}`}>
                <Table.Td>
                  <Button variant="subtle" size="compact-xs" onClick={() => setOpen(open === name ? null : name)} data-testid={`dns-open-${name}`}>
                    {name}
                  </Button>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={sourceHelp[c.source]} multiline w={260}>
                    <Badge variant="light" color={sourceColor[c.source]}>
                      {sourceLabel[c.source]}
                    </Badge>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" data-testid={`dns-servers-${name}`}>
                    {c.nameservers.join(', ') || '—'}
                  </Text>
                  {c.upstreams && (
                    <Text size="xs" c="dimmed" data-testid={`dns-upstreams-${name}`}>
                      upstreams {upstreamsLine(c.upstreams)}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace">
                    {[c.search.length > 0 ? `search ${c.search.join(' ')}` : '', c.options.join(' ')].filter(Boolean).join(' · ') || '—'}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={c.synced ? 'teal' : 'gray'} data-testid={`dns-synced-${name}`}>
                    {c.synced ? 'in sync' : 'not synced'}
                  </Badge>
                  <Text size="xs" c="dimmed">
                    {c.note}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Switch size="xs" checked={c.syncAllowed} disabled={busy || !globalEnabled} onChange={(e) => onSwitch(name, e.currentTarget.checked)} data-testid={`dns-sync-${name}`} />
                </Table.Td>
              </Table.Tr>
              {open === name && <HostsRows container={c} />}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

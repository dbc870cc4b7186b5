// One row per container: its DNS, where it came from, whether it follows the host, its switch; a
// row opens to the container's hostname and /etc/hosts entries with where each came from.
import { Badge, Button, Group, Switch, Table, Text, Tooltip } from '@mantine/core';
import { Fragment, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { ContainerDns } from '../../../../shared/dns-model';
import { originHelp, originLabel } from './dns-format';
import { EngineText } from '../../i18n/EngineText';
import { dnsRows } from './dns-rows';

interface Props {
  containers: ContainerDns[];
  globalEnabled: boolean;
  busy: boolean;
  onSwitch: (container: string, enabled: boolean) => void;
}

const COLUMNS = 7;

function HostsRows({ container }: { container: ContainerDns }) {
  const { t } = useTranslation('dns');
  return (
    <Table.Tr data-testid={`dns-hosts-${container.container.name}`}>
      <Table.Td colSpan={COLUMNS}>
        <Text size="xs" c="dimmed" mb={2}>
          {t('table.hostname')}{' '}
          <span data-testid={`dns-hostname-${container.container.name}`} translate="no">
            {container.hostname || '—'}
          </span>{' '}
          · {t('table.network')} <span translate="no">{container.networkMode}</span>
        </Text>
        {container.hosts.length === 0 && <Text size="xs">{t('table.noHosts')}</Text>}
        {container.hosts.map((entry, i) => (
          <Group key={i} gap="xs" wrap="nowrap" data-testid="dns-hosts-entry" data-origin={entry.origin}>
            <Text size="xs" ff="monospace" w={200} style={{ flexShrink: 0 }} translate="no">
              {entry.address}
            </Text>
            <Text size="xs" ff="monospace" translate="no">
              {entry.names.join(' ')}
            </Text>
            <Tooltip label={originHelp(entry.origin, t)} multiline w={260}>
              <Badge size="xs" variant="outline" translate={originLabel(entry.origin, t) === null ? 'no' : undefined}>
                {originLabel(entry.origin, t) ?? `--${entry.origin}`}
              </Badge>
            </Tooltip>
          </Group>
        ))}
      </Table.Td>
    </Table.Tr>
  );
}

export function DnsTable({ containers, globalEnabled, busy, onSwitch }: Props) {
  const { t } = useTranslation('dns');
  const [open, setOpen] = useState<string | null>(null);
  if (containers.length === 0)
    return (
      <Text c="dimmed" data-testid="dns-empty">
        {t('table.empty')}
      </Text>
    );
  return (
    <Table striped verticalSpacing={4} data-testid="dns-table">
      <Table.Thead>
        <Table.Tr>
          <Table.Th>{t('table.container')}</Table.Th>
          <Table.Th>{t('table.source')}</Table.Th>
          <Table.Th>{t('table.nameservers')}</Table.Th>
          <Table.Th>{t('table.search')}</Table.Th>
          <Table.Th>{t('table.options')}</Table.Th>
          <Table.Th>{t('table.state')}</Table.Th>
          <Table.Th>{t('table.sync')}</Table.Th>
        </Table.Tr>
      </Table.Thead>
      <Table.Tbody>
        {dnsRows(containers, globalEnabled, t).map((row) => {
          const { name } = row;
          const expanded = open === name;
          return (
            <Fragment key={row.key}>
              <Table.Tr data-testid={`dns-row-${name}`}>
                <Table.Td>
                  <Button
                    variant="subtle"
                    size="compact-xs"
                    onClick={() => setOpen(expanded ? null : name)}
                    aria-expanded={expanded}
                    title={t('table.openTitle')}
                    data-testid={`dns-open-${name}`}
                  >
                    {expanded ? '▾' : '▸'} <span translate="no">{name}</span>
                  </Button>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={row.sourceHelp} multiline w={260}>
                    <Badge variant="light" color={row.sourceColor} data-testid={`dns-source-${name}`}>
                      {row.sourceLabel}
                    </Badge>
                  </Tooltip>
                </Table.Td>
                <Table.Td>
                  <Text size="sm" ff="monospace" data-testid={`dns-servers-${name}`} translate="no">
                    {row.servers}
                  </Text>
                  {row.upstreams && (
                    <Text size="xs" c="dimmed" data-testid={`dns-upstreams-${name}`}>
                      {t('table.upstreams')}{' '}
                      <span style={{ fontFamily: 'monospace' }} translate="no">
                        {row.upstreams.servers}
                      </span>{' '}
                      ({row.upstreams.learnt})
                      {row.upstreams.redirectedTo && (
                        <>
                          {' '}
                          {t('table.redirectedTo')}{' '}
                          <span style={{ fontFamily: 'monospace' }} translate="no">
                            {row.upstreams.redirectedTo}
                          </span>
                        </>
                      )}
                    </Text>
                  )}
                  {row.reach && (
                    <Text size="xs" data-testid={`dns-reach-${name}`}>
                      {t('table.queriesReach', { reach: row.reach })}
                    </Text>
                  )}
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" data-testid={`dns-search-${name}`} translate="no">
                    {row.search}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Text size="xs" ff="monospace" data-testid={`dns-options-${name}`} translate="no">
                    {row.options}
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Badge variant="dot" color={row.synced ? 'teal' : 'gray'} data-testid={`dns-synced-${name}`}>
                    {row.syncedLabel}
                  </Badge>
                  <Text size="xs" c="dimmed" data-testid={`dns-note-${name}`}>
                    <EngineText text={row.note} message={row.noteMessage} />
                  </Text>
                </Table.Td>
                <Table.Td>
                  <Tooltip label={row.switchLocked ?? ''} disabled={!row.switchLocked} multiline w={260}>
                    <Switch
                      size="xs"
                      checked={row.switchOn}
                      disabled={busy || row.switchLocked !== null}
                      onChange={(e) => onSwitch(name, e.currentTarget.checked)}
                      aria-label={t('table.keepInSync', { name })}
                      data-testid={`dns-sync-${name}`}
                    />
                  </Tooltip>
                </Table.Td>
              </Table.Tr>
              {expanded && <HostsRows container={row.container} />}
            </Fragment>
          );
        })}
      </Table.Tbody>
    </Table>
  );
}

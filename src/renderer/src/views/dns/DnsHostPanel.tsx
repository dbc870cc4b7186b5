// The host's DNS: the file watched, the file in force (systemd-resolved's upstream list when the
// watched file names only its stub), what it says, where DHCP wrote it from; whether a sync runs,
// the global switch of the sync and "Sync now".
import { Alert, Badge, Button, Card, Group, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import type { DnsReport } from '../../../../shared/dns-model';
import { serversText, wordsText } from './dns-format';

interface Props {
  report: DnsReport;
  busy: boolean;
  /** What the last "Sync now" did, when it ran here. */
  lastSync: string | null;
  onSwitch: (enabled: boolean) => void;
  onSyncNow: () => void;
}

function Line({ label, children, testId }: { label: string; children: ReactNode; testId?: string }) {
  return (
    <Table.Tr>
      <Table.Td w={140} style={{ verticalAlign: 'top' }}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace" data-testid={testId}>
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

export function DnsHostPanel({ report, busy, lastSync, onSwitch, onSyncNow }: Props) {
  const { host, settings, syncing } = report;
  return (
    <Card withBorder padding="sm" data-testid="dns-host">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>Host DNS</Text>
          <Group gap="sm" wrap="nowrap">
            <Tooltip label="Whether this app or `bridgeport daemon` is watching the host's DNS and syncing containers right now." multiline w={260}>
              <Badge variant="light" color={syncing ? 'teal' : 'gray'} data-testid="dns-syncing">
                {syncing ? 'sync running' : 'sync not running'}
              </Badge>
            </Tooltip>
            <Switch
              checked={settings.enabled}
              disabled={busy}
              onChange={(e) => onSwitch(e.currentTarget.checked)}
              label="Keep containers in sync"
              data-testid="dns-sync-global"
            />
            <Button size="xs" variant="light" onClick={onSyncNow} loading={busy} disabled={!settings.enabled} data-testid="dns-sync-now">
              Sync now
            </Button>
          </Group>
        </Group>
        {host.error && (
          <Alert color="red" title="Cannot read the host's DNS" data-testid="dns-host-error">
            {host.error}
          </Alert>
        )}
        <Table withRowBorders={false} verticalSpacing={1} horizontalSpacing={4}>
          <Table.Tbody>
            <Line label="Watching" testId="dns-host-path">
              {host.path}
            </Line>
            <Line label="In force" testId="dns-host-in-force">
              {host.inForce}
              {host.followedStub && (
                <Text span size="xs" c="dimmed" ff="sans-serif" data-testid="dns-host-stub">
                  {' '}
                  ({host.path} names only systemd-resolved's stub: its upstream list is what containers get)
                </Text>
              )}
            </Line>
            <Line label="Nameservers" testId="dns-host-servers">
              {serversText(host.nameservers)}
            </Line>
            <Line label="Search" testId="dns-host-search">
              {wordsText(host.search)}
            </Line>
            <Line label="Options" testId="dns-host-options">
              {wordsText(host.options)}
            </Line>
            <Line label="From" testId="dns-host-dhcp">
              {host.dhcp.detail}
            </Line>
          </Table.Tbody>
        </Table>
        {lastSync && (
          <Text size="xs" c="dimmed" data-testid="dns-sync-result">
            {lastSync}
          </Text>
        )}
      </Stack>
    </Card>
  );
}

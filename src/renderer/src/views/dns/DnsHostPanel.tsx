// The host's DNS in force, where it came from, and the global switch of the sync.
import { Alert, Badge, Button, Card, Group, Stack, Switch, Text } from '@mantine/core';
import type { DnsReport } from '../../../../shared/dns-model';
import { settingsLine } from './dns-format';

interface Props {
  report: DnsReport;
  busy: boolean;
  onSwitch: (enabled: boolean) => void;
  onSyncNow: () => void;
}

export function DnsHostPanel({ report, busy, onSwitch, onSyncNow }: Props) {
  const { host, settings, syncing } = report;
  return (
    <Card withBorder padding="sm" data-testid="dns-host">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>Host DNS</Text>
          <Group gap="sm" wrap="nowrap">
            <Badge variant="light" color={syncing ? 'teal' : 'gray'} data-testid="dns-syncing">
              {syncing ? 'sync running' : 'sync not running'}
            </Badge>
            <Switch checked={settings.enabled} disabled={busy} onChange={(e) => onSwitch(e.currentTarget.checked)} label="Keep containers in sync" data-testid="dns-sync-global" />
            <Button size="xs" variant="light" onClick={onSyncNow} loading={busy} disabled={!settings.enabled} data-testid="dns-sync-now">
              Sync now
            </Button>
          </Group>
        </Group>
        <Text size="sm" ff="monospace" data-testid="dns-host-servers">
          {settingsLine(host)}
        </Text>
        <Text size="xs" c="dimmed">
          {host.inForce}
          {host.followedStub ? ` (followed from systemd-resolved's stub in ${host.path})` : ''} · from {host.dhcp.detail}
        </Text>
        {host.error && (
          <Alert color="red" data-testid="dns-host-error">
            {host.error}
          </Alert>
        )}
      </Stack>
    </Card>
  );
}

// The host's DNS: the file watched, the file in force (systemd-resolved's upstream list when the
// watched file names only its stub), what it says, where DHCP wrote it from; whether a sync runs,
// the global switch of the sync and "Sync now".
import { Alert, Badge, Button, Card, Group, Stack, Switch, Table, Text, Tooltip } from '@mantine/core';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import type { DnsReport } from '../../../../shared/dns-model';
import { EngineText } from '../../i18n/EngineText';
import { serversText, wordsText } from './dns-format';

interface Props {
  report: DnsReport;
  busy: boolean;
  /** What the last "Sync now" did, when it ran here. */
  lastSync: string | null;
  onSwitch: (enabled: boolean) => void;
  onSyncNow: () => void;
}

function Line({ label, children, testId, data = true }: { label: string; children: ReactNode; testId?: string; data?: boolean }) {
  return (
    <Table.Tr>
      <Table.Td w={140} style={{ verticalAlign: 'top' }}>
        <Text size="xs" c="dimmed">
          {label}
        </Text>
      </Table.Td>
      <Table.Td>
        <Text size="sm" ff="monospace" data-testid={testId} translate={data ? 'no' : undefined}>
          {children}
        </Text>
      </Table.Td>
    </Table.Tr>
  );
}

export function DnsHostPanel({ report, busy, lastSync, onSwitch, onSyncNow }: Props) {
  const { t } = useTranslation('dns');
  const { host, settings, syncing } = report;
  return (
    <Card withBorder padding="sm" data-testid="dns-host">
      <Stack gap={4}>
        <Group justify="space-between" wrap="nowrap">
          <Text fw={600}>{t('host.title')}</Text>
          <Group gap="sm" wrap="nowrap">
            <Tooltip label={t('host.syncingHelp')} multiline w={260}>
              <Badge variant="light" color={syncing ? 'teal' : 'gray'} data-testid="dns-syncing">
                {syncing ? t('host.syncRunning') : t('host.syncNotRunning')}
              </Badge>
            </Tooltip>
            <Switch
              checked={settings.enabled}
              disabled={busy}
              onChange={(e) => onSwitch(e.currentTarget.checked)}
              label={t('host.keepInSync')}
              data-testid="dns-sync-global"
            />
            <Button size="xs" variant="light" onClick={onSyncNow} loading={busy} disabled={!settings.enabled} data-testid="dns-sync-now">
              {t('host.syncNow')}
            </Button>
          </Group>
        </Group>
        {host.error && (
          <Alert color="red" title={t('host.errorTitle')} data-testid="dns-host-error">
            <EngineText text={host.error} message={host.errorMessage} />
          </Alert>
        )}
        <Table withRowBorders={false} verticalSpacing={1} horizontalSpacing={4}>
          <Table.Tbody>
            <Line label={t('host.watching')} testId="dns-host-path">
              {host.path}
            </Line>
            <Line label={t('host.inForce')} testId="dns-host-in-force">
              {host.inForce}
              {host.followedStub && (
                <Text span size="xs" c="dimmed" ff="sans-serif" data-testid="dns-host-stub" translate="yes">
                  {' '}
                  {t('host.stub', { path: host.path })}
                </Text>
              )}
            </Line>
            <Line label={t('host.nameservers')} testId="dns-host-servers">
              {serversText(host.nameservers)}
            </Line>
            <Line label={t('host.search')} testId="dns-host-search">
              {wordsText(host.search)}
            </Line>
            <Line label={t('host.options')} testId="dns-host-options">
              {wordsText(host.options)}
            </Line>
            <Line label={t('host.from')} testId="dns-host-dhcp" data={false}>
              <EngineText text={host.dhcp.detail} message={host.dhcp.detailMessage} />
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

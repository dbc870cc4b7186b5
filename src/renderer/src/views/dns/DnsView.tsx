// Container DNS: the host's DNS in force, every container's with where it came from, the switches
// of the sync and its timeline. Reads `dns.get` and `dns.timeline`, then follows the `dns` and
// `dnsEvents` topics (pushed on every change, also those made by `bridgeport daemon`).
import { Alert, Loader, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';
import { useTopic } from '../../api/use-topic';
import { EngineErrorAlert } from '../../components/EngineError';
import { EngineText } from '../../i18n/EngineText';
import { syncResultLine } from './dns-format';
import { DnsHostPanel } from './DnsHostPanel';
import { DnsTable } from './DnsTable';
import { DnsTimeline } from './DnsTimeline';

export function DnsView() {
  const { t } = useTranslation('dns');
  const report = useTopic('dns');
  const timeline = useTopic('dnsEvents');
  const action = useEngineAction();
  const [lastSync, setLastSync] = useState<string | null>(null);
  const data = report.data;

  const setSync = (enabled: boolean, container?: string) => {
    setLastSync(null);
    void action.run(() => api.invoke('dns.setSync', container === undefined ? { enabled } : { enabled, container }));
  };
  const syncNow = async () => {
    setLastSync(null);
    const result = await action.run(() => api.invoke('dns.syncNow', {}));
    if (result) setLastSync(syncResultLine(result, t));
  };

  return (
    <ScrollArea h="100%">
      <Stack gap="sm" px="md" pt={4} pb="md" data-testid="dns-view">
        <div>
          <Title order={4}>{t('title')}</Title>
          <Text size="sm" c="dimmed">
            {t('intro')}
          </Text>
        </div>
        {report.error && (
          <Alert color="red" title={t('errorTitle')} data-testid="dns-error">
            <EngineText text={report.error} message={report.errorMessage} />
          </Alert>
        )}
        <EngineErrorAlert failure={action.failure} onClose={action.clearError} testId="dns-action-error" />
        {!data && !report.error && <Loader m="xl" />}
        {data && (
          <>
            <DnsHostPanel report={data} busy={action.busy} lastSync={lastSync} onSwitch={(enabled) => setSync(enabled)} onSyncNow={() => void syncNow()} />
            <DnsTable containers={data.containers} globalEnabled={data.settings.enabled} busy={action.busy} onSwitch={(container, enabled) => setSync(enabled, container)} />
          </>
        )}
        <DnsTimeline events={timeline.data} error={timeline.error} />
      </Stack>
    </ScrollArea>
  );
}

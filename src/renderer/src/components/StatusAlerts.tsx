// Says why Docker is missing and what to do, and what this view could not see.
import { Alert, Stack } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { Snapshot } from '../../../shared/model';
import { EngineText } from '../i18n/EngineText';

export function StatusAlerts({ snapshot, connected }: { snapshot: Snapshot; connected: boolean }) {
  const { t } = useTranslation('components');
  return (
    <Stack gap={6}>
      {!connected && (
        <Alert color="red" title={t('status.disconnected')} data-testid="disconnected">
          {t('status.reconnecting')}
        </Alert>
      )}
      {!snapshot.docker.available && (
        <Alert color="orange" title={t(`status.docker.${snapshot.docker.problem ?? 'error'}`)} data-testid="docker-problem">
          {snapshot.docker.hint && <EngineText text={snapshot.docker.hint} message={snapshot.docker.hintMessage} />} {t('status.hostStillShown')} (<span translate="no">{snapshot.docker.error}</span>)
        </Alert>
      )}
      {snapshot.limitations.map((note, i) => (
        <Alert key={note} color="yellow" variant="light" data-testid="limitation">
          <EngineText text={note} message={snapshot.limitationMessages?.[i]} />
        </Alert>
      ))}
    </Stack>
  );
}

// The read-only banner at the top of the window while Bridgeport has no administrator rights, with
// the one way to get them (Elevate: one prompt). It follows the `privilege` topic, so it goes away
// as soon as the rights arrive, whichever way they came.
import { Alert, Button, Group, Stack, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import { api } from '../api/api';
import { describeFailure } from '../api/engine-failure';
import { useEngineAction } from '../api/use-engine-action';
import { useTopic } from '../api/use-topic';
import { EngineErrorText, FailureSentence } from './EngineError';
import { privilegeBanner } from './privilege-banner';

export function PrivilegeBanner() {
  const { t } = useTranslation('components');
  const { data } = useTopic('privilege');
  const elevate = useEngineAction();
  const view = privilegeBanner(data);
  if (!view) return null;
  // The reason already says what to do: shown by kind, without the generic hint of a failed change.
  const reason = view.reason && describeFailure(view.reason);
  return (
    <Alert m={8} mb={0} color="yellow" variant="light" title={t(view.titleKey)} data-testid="privilege-banner" data-state={view.state} role="status">
      <Stack gap={6}>
        <Group justify="space-between" wrap="nowrap" align="flex-start">
          <Text size="sm">{t(view.messageKey)}</Text>
          {view.canElevate && (
            <Button
              size="xs"
              color="yellow"
              loading={elevate.busy}
              data-testid="elevate"
              aria-label={t('banner.elevateLabel')}
              // The new state arrives on the topic too; the answer is not needed here.
              onClick={() => void elevate.run(() => api.invoke('privilege.elevate', {}))}
            >
              {t('banner.elevate')}
            </Button>
          )}
        </Group>
        {reason && (
          <Text size="xs" c={reason.textColor} data-testid="privilege-reason" data-kind={reason.kind}>
            {t(reason.headlineKey)}: <FailureSentence failure={reason} />
          </Text>
        )}
        <EngineErrorText failure={elevate.failure} testId="elevate-error" />
      </Stack>
    </Alert>
  );
}

// The doctor for "my container can't reach the internet": runs its checks when opened and on
// "Check again"; each check says what it found and what it looked at, and fixes what is safe.
import { Badge, Button, Group, Loader, ScrollArea, Stack, Text, Title } from '@mantine/core';
import { useCallback, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoctorCheck, DoctorReport } from '../../../../shared/doctor-model';
import { api } from '../../api/api';
import { engineFailure, type EngineFailure } from '../../api/engine-failure';
import { EngineErrorAlert } from '../../components/EngineError';
import { DoctorCheckRow } from './DoctorCheckRow';
import { statusColor, summary, withCheck, worst } from './doctor-report';

interface State {
  report: DoctorReport | null;
  error: EngineFailure | null;
  running: boolean;
}

export function DoctorView() {
  const { t } = useTranslation('doctor');
  const [state, setState] = useState<State>({ report: null, error: null, running: true });
  const [asked, setAsked] = useState(0);
  const [fixing, setFixing] = useState(0);
  useEffect(() => {
    let current = true;
    api.invoke('doctor.run', {}).then(
      (report) => current && setState({ report, error: null, running: false }),
      (error: unknown) => current && setState((s) => ({ ...s, error: engineFailure(error), running: false })),
    );
    return () => {
      current = false;
    };
  }, [asked]);
  const again = () => {
    setState((s) => ({ ...s, running: true }));
    setAsked((n) => n + 1);
  };
  const onFixing = useCallback((busy: boolean) => setFixing((n) => n + (busy ? 1 : -1)), []);
  const onFixed = useCallback((check: DoctorCheck) => setState((s) => (s.report ? { ...s, report: withCheck(s.report, check) } : s)), []);
  const { report, error, running } = state;

  return (
    <ScrollArea h="100%">
      <Stack gap="sm" px="md" pt={4} pb="md" data-testid="doctor-view" data-running={running ? 'true' : 'false'}>
        <Group justify="space-between" align="flex-end">
          <div>
            <Title order={4}>{t('title')}</Title>
            <Text size="sm" c="dimmed">
              {t('intro')}
            </Text>
          </div>
          <Group gap="sm">
            {report && (
              <Badge size="lg" variant="light" color={statusColor[worst(report)]} data-testid="doctor-summary">
                {summary(report, t)}
              </Badge>
            )}
            <Button onClick={again} loading={running} disabled={running || fixing > 0} data-testid="doctor-check-again">
              {t('checkAgain')}
            </Button>
          </Group>
        </Group>
        <EngineErrorAlert failure={error} what={t('couldNotRun')} testId="doctor-error" />
        {!report && running && <Loader m="xl" />}
        {report?.checks.map((check) => (
          <DoctorCheckRow key={`${asked}:${check.id}`} check={check} disabled={running || fixing > 0} onFixing={onFixing} onFixed={onFixed} />
        ))}
      </Stack>
    </ScrollArea>
  );
}

// One check of the doctor: verdict, title, what it found, what it looked at (folded), and a Fix
// button when Bridgeport can fix it safely; after a fix the check shows what it says now.
import { Anchor, Badge, Button, Collapse, Group, List, Paper, Stack, Text } from '@mantine/core';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import type { DoctorCheck } from '../../../../shared/doctor-model';
import { api } from '../../api/api';
import { useEngineAction } from '../../api/use-engine-action';
import { EngineErrorText } from '../../components/EngineError';
import { EngineText } from '../../i18n/EngineText';
import { statusColor } from './doctor-report';

interface Props {
  check: DoctorCheck;
  /** Another fix or a new run is under way. */
  disabled: boolean;
  onFixing: (busy: boolean) => void;
  onFixed: (check: DoctorCheck) => void;
}

export function DoctorCheckRow({ check, disabled, onFixing, onFixed }: Props) {
  const { t } = useTranslation('doctor');
  const [lookedAt, setLookedAt] = useState(false);
  const [fixed, setFixed] = useState(false);
  const fix = useEngineAction(onFixing);
  const applyFix = async () => {
    if (!check.fix) return;
    const fixId = check.fix.id;
    const after = await fix.run(() => api.invoke('doctor.fix', { id: fixId }));
    if (!after) return;
    setFixed(true);
    onFixed(after);
  };
  return (
    <Paper withBorder p="sm" data-testid={`doctor-check-${check.id}`} data-status={check.status}>
      <Group justify="space-between" align="flex-start" wrap="nowrap">
        <Group gap="sm" align="flex-start" wrap="nowrap">
          <Badge color={statusColor[check.status]} w={52} style={{ flexShrink: 0 }} data-testid={`doctor-status-${check.id}`}>
            {t(`status.${check.status}`)}
          </Badge>
          <Stack gap={2}>
            <Text fw={600} size="sm">
              <EngineText text={check.title} message={check.titleMessage} />
            </Text>
            <Text size="sm" data-testid={`doctor-detail-${check.id}`}>
              <EngineText text={check.detail} message={check.detailMessage} />
            </Text>
            {fixed && (
              <Text size="xs" c="dimmed" data-testid={`doctor-fixed-${check.id}`}>
                {t('fixed')}
              </Text>
            )}
            <EngineErrorText failure={fix.failure} testId={`doctor-fix-error-${check.id}`} />
            {check.lookedAt.length > 0 && (
              <>
                <Anchor component="button" type="button" size="xs" style={{ alignSelf: 'flex-start' }} onClick={() => setLookedAt((o) => !o)} data-testid={`doctor-looked-at-toggle-${check.id}`}>
                  {lookedAt ? '▾' : '▸'} {t('lookedAt')}
                </Anchor>
                <Collapse expanded={lookedAt}>
                  <List size="xs" data-testid={`doctor-looked-at-${check.id}`}>
                    {check.lookedAt.map((item, i) => (
                      <List.Item key={item}>
                        <Text size="xs" ff="monospace" component="span" translate="no">
                          <EngineText text={item} message={check.lookedAtMessages?.[i]} />
                        </Text>
                      </List.Item>
                    ))}
                  </List>
                </Collapse>
              </>
            )}
          </Stack>
        </Group>
        {check.fix && (
          <Button
            size="xs"
            variant="light"
            color={statusColor[check.status]}
            loading={fix.busy}
            disabled={disabled && !fix.busy}
            onClick={() => void applyFix()}
            style={{ flexShrink: 0 }}
            data-testid={`doctor-fix-${check.id}`}
          >
            <EngineText text={check.fix.label} message={check.fix.labelMessage} />
          </Button>
        )}
      </Group>
    </Paper>
  );
}

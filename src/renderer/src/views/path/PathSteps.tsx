// The answer: each step with the rule that decided it, the outcome, and what was not modelled.
import { Alert, Badge, Code, List, Stack, Text, Timeline } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { PathResult } from '../../../../shared/path-model';
import { EngineText } from '../../i18n/EngineText';

const outcomeColor: Record<PathResult['outcome']['kind'], string> = {
  container: 'teal',
  'host-process': 'blue',
  'no-listener': 'orange',
  dropped: 'red',
  rejected: 'red',
  'no-route': 'red',
  unknown: 'gray',
};

const stopping = new Set(['drop', 'reject']);

/** Stages the engine names in one word; the others are "<table> <chain>", data shown as it is. */
const namedStages = new Set(['socket', 'routing', 'arrival', 'container', 'veth', 'bridge', 'egress']);

export function PathSteps({ result }: { result: PathResult }) {
  const { t } = useTranslation('path');
  const p = result.packet;
  return (
    <Stack gap="sm">
      <Alert color={outcomeColor[result.outcome.kind]} title={t(`outcome.${result.outcome.kind}`)} data-testid="path-outcome" data-kind={result.outcome.kind}>
        <EngineText text={result.outcome.description} message={result.outcome.descriptionMessage} />
        <Text size="xs" c="dimmed" mt={4}>
          {t('packetAtEnd', { packet: `${p.protocol} ${p.source} → ${p.destination}:${p.port}` })}
        </Text>
      </Alert>
      <Timeline active={result.steps.length} bulletSize={14} lineWidth={2} data-testid="path-steps">
        {result.steps.map((step, i) => (
          <Timeline.Item
            key={i}
            color={stopping.has(step.verdict) ? 'red' : step.verdict === 'dnat' || step.verdict === 'masquerade' ? 'grape' : 'blue'}
            title={
              <Text size="sm" fw={600}>
                {namedStages.has(step.stage) ? t(`stage.${step.stage}`) : <span translate="no">{step.stage}</span>}{' '}
                <Badge size="xs" variant="light" translate="no">
                  {step.verdict}
                </Badge>
              </Text>
            }
            data-testid="path-step"
          >
            <Text size="sm">
              <EngineText text={step.description} message={step.descriptionMessage} />
            </Text>
            {step.ruleId && (
              <Code fz="xs" data-testid="path-rule">
                {step.ruleId}
              </Code>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      {result.caveats.length > 0 && (
        <Alert color="yellow" variant="light" title={t('notModelled')}>
          <List size="sm">
            {result.caveats.map((c, i) => (
              <List.Item key={c}>
                <EngineText text={c} message={result.caveatMessages?.[i]} />
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

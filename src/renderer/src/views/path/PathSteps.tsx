// The answer: each step with the rule that decided it, the outcome, and what was not modelled.
import { Alert, Badge, Code, List, Stack, Text, Timeline } from '@mantine/core';
import type { PathResult } from '../../../../shared/path-model';

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

export function PathSteps({ result }: { result: PathResult }) {
  const p = result.packet;
  return (
    <Stack gap="sm">
      <Alert color={outcomeColor[result.outcome.kind]} title={result.outcome.kind} data-testid="path-outcome" data-kind={result.outcome.kind}>
        {result.outcome.description}
        <Text size="xs" c="dimmed" mt={4}>
          The packet at the end: {p.protocol} {p.source} → {p.destination}:{p.port}
        </Text>
      </Alert>
      <Timeline active={result.steps.length} bulletSize={14} lineWidth={2} data-testid="path-steps">
        {result.steps.map((step, i) => (
          <Timeline.Item
            key={i}
            color={stopping.has(step.verdict) ? 'red' : step.verdict === 'dnat' || step.verdict === 'masquerade' ? 'grape' : 'blue'}
            title={
              <Text size="sm" fw={600}>
                {step.stage}{' '}
                <Badge size="xs" variant="light">
                  {step.verdict}
                </Badge>
              </Text>
            }
            data-testid="path-step"
          >
            <Text size="sm">{step.description}</Text>
            {step.ruleId && (
              <Code fz="xs" data-testid="path-rule">
                {step.ruleId}
              </Code>
            )}
          </Timeline.Item>
        ))}
      </Timeline>
      {result.caveats.length > 0 && (
        <Alert color="yellow" variant="light" title="Not modelled here">
          <List size="sm">
            {result.caveats.map((c) => (
              <List.Item key={c}>{c}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

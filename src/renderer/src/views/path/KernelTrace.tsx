// What the kernel did with one real packet (nftables trace), beside the computed path: each chain it
// met with the rule and verdict, where the packet changed, and every difference from the computation.
import { Alert, Badge, Code, List, Stack, Table, Text } from '@mantine/core';
import { useTranslation } from 'react-i18next';
import type { KernelStep, KernelTraceResult, TracedPacketView } from '../../../../shared/trace-model';
import { EngineText } from '../../i18n/EngineText';

const endpoint = (address: string | null, port: number | null) => `${address ?? '?'}${port === null ? '' : `:${port}`}`;

export function packetLine(p: TracedPacketView): string {
  const via = [p.in ? `in ${p.in}` : null, p.out ? `out ${p.out}` : null].filter(Boolean).join(', ');
  return `${endpoint(p.source, p.sourcePort)} → ${endpoint(p.destination, p.destinationPort)}${via ? ` (${via})` : ''}`;
}

const verdictColor = (v: string) => (v === 'drop' ? 'red' : v === 'accept' ? 'teal' : v === 'jump' || v === 'goto' ? 'blue' : 'gray');

function StepRow({ step }: { step: KernelStep }) {
  const { t } = useTranslation('path');
  if (step.kind === 'packet' && step.packet) {
    return (
      <Table.Tr data-testid="kernel-step" data-kind="packet">
        <Table.Td>
          <Text size="xs" c="dimmed" translate="no">
            {step.table} {step.chain}
          </Text>
        </Table.Td>
        <Table.Td colSpan={2}>
          <Text size="xs" c="dimmed">
            {t('kernel.packetStep', { packet: packetLine(step.packet) })}
          </Text>
        </Table.Td>
      </Table.Tr>
    );
  }
  const rule = step.rule ?? step.nftRule;
  const words = step.kind === 'policy' ? t('kernel.policy') : step.kind === 'return' ? t('kernel.return') : rule ? null : t('kernel.unprintable');
  return (
    <Table.Tr data-testid="kernel-step" data-kind={step.kind} data-verdict={step.verdict}>
      <Table.Td>
        <Text size="xs" translate="no">
          {step.table} {step.chain}
        </Text>
      </Table.Td>
      <Table.Td>
        {words === null ? (
          <Code fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
            {rule}
          </Code>
        ) : (
          <Text size="xs" fs="italic">
            {words}
          </Text>
        )}
      </Table.Td>
      {/* The verdict is never cut: the rule column wraps instead. */}
      <Table.Td style={{ whiteSpace: 'nowrap', width: 1 }}>
        <Badge size="xs" style={{ overflow: 'visible' }} color={verdictColor(step.verdict)} variant="light" translate="no">
          {step.target ? `${step.verdict} ${step.target}` : step.verdict}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}

export function KernelTrace({ trace }: { trace: KernelTraceResult }) {
  const { t } = useTranslation('path');
  const agrees = trace.caught && trace.differences.length === 0;
  return (
    <Stack gap="xs" data-testid="kernel-trace" data-outcome={trace.kernelOutcome}>
      <Alert
        color={!trace.caught ? 'gray' : agrees ? 'teal' : 'orange'}
        title={!trace.caught ? t('kernel.noPacket') : agrees ? t('kernel.agrees') : t('kernel.differences', { count: trace.differences.length })}
        data-testid="kernel-trace-summary"
      >
        {trace.packet && <Text size="sm">{t('kernel.tracedPacket', { packet: packetLine(trace.packet) })}</Text>}
        {trace.caught && <Text size="sm">{trace.kernelOutcome === 'dropped' ? t('kernel.dropped') : t('kernel.passed')}</Text>}
        {trace.probe && (
          <Text size="xs" c="dimmed">
            {t('kernel.probe', { port: trace.probe.sourcePort, outcome: t(`kernel.probeOutcome.${trace.probe.outcome}`) })}
            {trace.probe.detail && (
              <>
                {' ('}
                <EngineText text={trace.probe.detail} message={trace.probe.detailMessage} />)
              </>
            )}
          </Text>
        )}
      </Alert>
      {trace.differences.length > 0 && (
        <Alert color="red" variant="light" title={t('kernel.differencesTitle')} data-testid="kernel-differences">
          <List size="sm">
            {trace.differences.map((d, i) => (
              <List.Item key={i}>
                <EngineText text={d.description} message={d.descriptionMessage} />
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
      {trace.steps.length > 0 && (
        <Table striped withTableBorder fz="xs" data-testid="kernel-steps" aria-label={t('kernel.stepsLabel')}>
          <Table.Thead>
            <Table.Tr>
              <Table.Th>{t('kernel.tableChain')}</Table.Th>
              <Table.Th>{t('kernel.rule')}</Table.Th>
              <Table.Th>{t('kernel.verdict')}</Table.Th>
            </Table.Tr>
          </Table.Thead>
          <Table.Tbody>
            {trace.steps.map((s, i) => (
              <StepRow key={i} step={s} />
            ))}
          </Table.Tbody>
        </Table>
      )}
      {trace.notes.length > 0 && (
        <Alert color="yellow" variant="light" title={t('kernel.notesTitle')}>
          <List size="sm">
            {trace.notes.map((n, i) => (
              <List.Item key={n}>
                <EngineText text={n} message={trace.notesMessages?.[i]} />
              </List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

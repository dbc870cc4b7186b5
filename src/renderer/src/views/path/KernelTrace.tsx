// What the kernel did with one real packet (nftables trace), beside the computed path: each chain it
// met with the rule and verdict, where the packet changed, and every difference from the computation.
import { Alert, Badge, Code, List, Stack, Table, Text } from '@mantine/core';
import type { KernelStep, KernelTraceResult, TracedPacketView } from '../../../../shared/trace-model';

const endpoint = (address: string | null, port: number | null) => `${address ?? '?'}${port === null ? '' : `:${port}`}`;

export function packetLine(p: TracedPacketView): string {
  const via = [p.in ? `in ${p.in}` : null, p.out ? `out ${p.out}` : null].filter(Boolean).join(', ');
  return `${endpoint(p.source, p.sourcePort)} → ${endpoint(p.destination, p.destinationPort)}${via ? ` (${via})` : ''}`;
}

const verdictColor = (v: string) => (v === 'drop' ? 'red' : v === 'accept' ? 'teal' : v === 'jump' || v === 'goto' ? 'blue' : 'gray');

function StepRow({ step }: { step: KernelStep }) {
  if (step.kind === 'packet' && step.packet) {
    return (
      <Table.Tr data-testid="kernel-step" data-kind="packet">
        <Table.Td>
          <Text size="xs" c="dimmed">
            {step.table} {step.chain}
          </Text>
        </Table.Td>
        <Table.Td colSpan={2}>
          <Text size="xs" c="dimmed">
            packet {packetLine(step.packet)}
          </Text>
        </Table.Td>
      </Table.Tr>
    );
  }
  const text = step.kind === 'policy' ? 'policy' : step.kind === 'return' ? 'return' : (step.rule ?? step.nftRule ?? 'a rule nft could not print');
  return (
    <Table.Tr data-testid="kernel-step" data-kind={step.kind} data-verdict={step.verdict}>
      <Table.Td>
        <Text size="xs">
          {step.table} {step.chain}
        </Text>
      </Table.Td>
      <Table.Td>
        <Code fz="xs" style={{ whiteSpace: 'pre-wrap', wordBreak: 'break-all' }}>
          {text}
        </Code>
      </Table.Td>
      {/* The verdict is never cut: the rule column wraps instead. */}
      <Table.Td style={{ whiteSpace: 'nowrap', width: 1 }}>
        <Badge size="xs" style={{ overflow: 'visible' }} color={verdictColor(step.verdict)} variant="light">
          {step.target ? `${step.verdict} ${step.target}` : step.verdict}
        </Badge>
      </Table.Td>
    </Table.Tr>
  );
}

export function KernelTrace({ trace }: { trace: KernelTraceResult }) {
  const agrees = trace.caught && trace.differences.length === 0;
  return (
    <Stack gap="xs" data-testid="kernel-trace" data-outcome={trace.kernelOutcome}>
      <Alert
        color={!trace.caught ? 'gray' : agrees ? 'teal' : 'orange'}
        title={!trace.caught ? 'No packet was traced' : agrees ? 'The kernel took the computed path' : `${trace.differences.length} difference${trace.differences.length === 1 ? '' : 's'} from the computed path`}
        data-testid="kernel-trace-summary"
      >
        {trace.packet && <Text size="sm">Traced packet: {packetLine(trace.packet)}</Text>}
        {trace.caught && <Text size="sm">Kernel: the packet {trace.kernelOutcome === 'dropped' ? 'was dropped' : 'passed the host'}.</Text>}
        {trace.probe && (
          <Text size="xs" c="dimmed">
            Probe from port {trace.probe.sourcePort}: {trace.probe.outcome}
            {trace.probe.detail ? ` (${trace.probe.detail})` : ''}
          </Text>
        )}
      </Alert>
      {trace.differences.length > 0 && (
        <Alert color="red" variant="light" title="Differences" data-testid="kernel-differences">
          <List size="sm">
            {trace.differences.map((d, i) => (
              <List.Item key={i}>{d.description}</List.Item>
            ))}
          </List>
        </Alert>
      )}
      {trace.steps.length > 0 && (
        <Table striped withTableBorder fz="xs" data-testid="kernel-steps" aria-label="What the kernel did, chain by chain">
          <Table.Thead>
            <Table.Tr>
              <Table.Th>Table, chain</Table.Th>
              <Table.Th>Rule</Table.Th>
              <Table.Th>Verdict</Table.Th>
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
        <Alert color="yellow" variant="light" title="What the trace does not show">
          <List size="sm">
            {trace.notes.map((n) => (
              <List.Item key={n}>{n}</List.Item>
            ))}
          </List>
        </Alert>
      )}
    </Stack>
  );
}

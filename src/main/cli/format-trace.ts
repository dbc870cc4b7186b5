// A kernel trace for the terminal: what the kernel did, step by step, then the computed path and
// every difference. Pure.
import type { KernelStep, KernelTraceResult, TracedPacketView } from '../../shared/trace-model';
import { formatPath } from './format-path';

const endpoint = (address: string | null, port: number | null) => `${address ?? '?'}${port === null ? '' : `:${port}`}`;

export function packetText(p: TracedPacketView): string {
  const via = [p.in ? `in ${p.in}` : null, p.out ? `out ${p.out}` : null].filter(Boolean).join(', ');
  return `${endpoint(p.source, p.sourcePort)} → ${endpoint(p.destination, p.destinationPort)}${via ? ` (${via})` : ''}`;
}

export function stepText(s: KernelStep): string {
  const where = `${s.table} ${s.chain}`.padEnd(30);
  if (s.kind === 'packet' && s.packet) return `${where} packet ${packetText(s.packet)}`;
  if (s.kind === 'policy') return `${where} policy ${s.verdict}`;
  if (s.kind === 'return') return `${where} return`;
  const verdict = s.target ? `${s.verdict} ${s.target}` : s.verdict;
  return `${where} ${s.rule ?? s.nftRule ?? '(a rule nft could not print)'}  → ${verdict}`;
}

export function formatTrace(result: KernelTraceResult): string {
  const out: string[] = [];
  if (result.caught && result.packet) out.push(`Kernel trace of ${packetText(result.packet)}:`);
  else out.push('Kernel trace: no packet was traced.');
  result.steps.forEach((s, i) => out.push(`${String(i + 1).padStart(2)}. ${stepText(s)}`));
  if (result.caught) out.push(`Kernel: the packet ${result.kernelOutcome === 'dropped' ? 'was dropped' : 'passed the host'}.`);
  if (result.probe) out.push(`Probe from port ${result.probe.sourcePort}: ${result.probe.outcome}${result.probe.detail ? ` (${result.probe.detail})` : ''}.`);
  out.push('', 'Computed path:', formatPath(result.computed), '');
  if (!result.caught) out.push('Differences: none can be told without a traced packet.');
  else if (result.differences.length === 0) out.push('Differences: none — the kernel took the computed path.');
  else {
    out.push(`Differences (${result.differences.length}):`);
    for (const d of result.differences) out.push(`  ! ${d.description}`);
  }
  for (const note of result.notes) out.push(`Note: ${note}`);
  return out.join('\n');
}

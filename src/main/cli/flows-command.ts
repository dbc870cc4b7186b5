// `bridgeport flows [--json] [--watch]`: the connections the host's conntrack holds that involve a
// container (or a published port), attributed at both ends; --watch follows them as they start and end.
import type { Command } from 'commander';
import type { Flow, FlowEnd, FlowEvent, FlowsReport } from '../../shared/flow-model';
import { cliEngine } from './cli-engine';

const endText = (end: FlowEnd, address: string, port: number | null | undefined) =>
  `${end.container ? end.container.name : end.kind}(${address}${port === null || port === undefined ? '' : `:${port}`})`;

export function formatFlow(flow: Flow): string {
  const { original, reply } = flow;
  const via = flow.hostPort !== undefined ? ` via host port ${flow.hostPort}` : '';
  const nat = flow.nat ? ` [${flow.nat}]` : '';
  const counted = flow.packets !== undefined ? ` ${flow.packets} pkt ${flow.bytes ?? 0} B` : '';
  return `${flow.protocol.padEnd(5)} ${(flow.state ?? '').padEnd(12)} ${endText(flow.from, original.src, original.sport)} → ${endText(flow.to, reply.src, reply.sport)}${via}${nat}${counted}`;
}

export function formatFlows(report: FlowsReport): string {
  // Unread is not empty: without the table there is nothing to say "no connections" about.
  const unread = report.limitations.some((l) => l.startsWith('conntrack was not read'));
  const lines = report.flows.length > 0 ? report.flows.map(formatFlow) : unread ? [] : ['no connections to or from containers'];
  for (const note of report.limitations) lines.push(`note: ${note}`);
  return lines.join('\n');
}

async function flowsCommand(options: { json?: boolean; watch?: boolean }): Promise<void> {
  const engine = cliEngine();
  if (!options.watch) {
    const report = await engine.flowsReport();
    process.stdout.write(options.json ? `${JSON.stringify(report.flows, null, 2)}\n` : `${formatFlows(report)}\n`);
    // The JSON stays the array scripts read; what could not be seen goes to stderr.
    if (options.json) for (const note of report.limitations) process.stderr.write(`bridgeport: ${note}\n`);
    return;
  }
  engine.startWatching();
  const print = (events: FlowEvent[]) => {
    // A line per start and end; state changes in between are for the window.
    for (const { kind, flow } of events.filter((e) => e.kind !== 'update')) process.stdout.write(options.json ? `${JSON.stringify({ event: kind, ...flow })}\n` : `${kind === 'start' ? '+' : '-'} ${formatFlow(flow)}\n`);
  };
  const stopWatching = engine.watchFlows(print);
  await new Promise<void>((done) => {
    process.once('SIGINT', done);
    process.once('SIGTERM', done);
  });
  stopWatching();
  engine.stop();
}

export function registerFlowsCommand(program: Command): void {
  program
    .command('flows')
    .description("list the connections conntrack holds to, from and between containers (LAN, host, container, outside), with NAT and counters")
    .option('--json', 'print a JSON array of { protocol, state, original, reply, from, to, hostPort?, nat, packets?, bytes? }')
    .option('--watch', 'follow flows as they start and end (one line each; with --json one object per line with "event": "start"|"end")')
    .action(flowsCommand);
}

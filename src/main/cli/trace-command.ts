// `bridgeport trace <ip>:<port>[/tcp|udp] --from lan|host|<container> [--timeout S] [--json]`: the
// kernel's own trace of one flow beside the computed path. Needs rights (root, or --elevate).
import { InvalidArgumentError, type Command } from 'commander';
import { TRACE_TIMEOUT_DEFAULT_S, TRACE_TIMEOUT_MAX_S } from '../../shared/trace-model';
import { cliEngine } from './cli-engine';
import { formatTrace } from './format-trace';
import { parseDestination, parseOrigin } from './parse-destination';

function parseTimeout(value: string): number {
  const seconds = Number(value);
  if (!/^\d+$/.test(value) || seconds < 1 || seconds > TRACE_TIMEOUT_MAX_S) throw new InvalidArgumentError(`timeout must be 1-${TRACE_TIMEOUT_MAX_S} seconds, got "${value}"`);
  return seconds;
}

async function traceCommand(target: string, options: { from: string; timeout: number; json?: boolean }): Promise<void> {
  const query = { ...parseDestination(target), from: parseOrigin(options.from), timeoutSeconds: options.timeout };
  if (query.from === 'lan') process.stderr.write(`bridgeport: waiting up to ${options.timeout} s for a packet from the LAN to ${query.destination}:${query.port}/${query.protocol}\n`);
  // Ctrl-C: leave at once. The trace table goes with the process that holds it: as root this one
  // (its exit hook), else the helper, which ends when this process closes its stdin.
  const onInterrupt = () => {
    process.stderr.write('bridgeport: trace interrupted; its trace table is removed\n');
    process.exit(130);
  };
  process.once('SIGINT', onInterrupt);
  const result = await cliEngine().call('path.kernelTrace', query);
  process.off('SIGINT', onInterrupt);
  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatTrace(result)}\n`);
}

export function registerTraceCommand(program: Command): void {
  program
    .command('trace')
    .description("ask the kernel: trace one real packet to <ip>:<port>[/tcp|udp] through the host's rules (nftables trace), beside the computed path, with every difference")
    .argument('<destination>', 'ip:port[/tcp|udp]')
    .option('--from <source>', 'lan (wait for a real packet), host, or a container name or id (send a probe from it)', 'lan')
    .option('--timeout <seconds>', `how long to wait for the packet (1-${TRACE_TIMEOUT_MAX_S})`, parseTimeout, TRACE_TIMEOUT_DEFAULT_S)
    .option('--json', 'print JSON for scripts: { steps, computed, differences, … }')
    .action(traceCommand);
}

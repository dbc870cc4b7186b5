// `bridgeport publish | unpublish | reconcile | daemon`: thin wrappers over the engine's contract.
import { existsSync } from 'node:fs';
import type { MappingStatus, PortEvent } from '../../shared/publish-model';
import { cliEngine } from './cli-engine';
import { parsePublishSpec, parseUnpublishSpec } from '../../shared/atoms/port-spec';

const range = (a: number, b: number) => (a === b ? `${a}` : `${a}-${b}`);

export function formatMapping(m: MappingStatus): string {
  const host = `${m.hostIp || '0.0.0.0'}:${range(m.hostPort, m.hostPortEnd)}`;
  const target = m.containerIp ? `${m.containerIp}:${range(m.containerPort, m.containerPortEnd)}` : `:${range(m.containerPort, m.containerPortEnd)}`;
  return `${host}/${m.protocol} -> ${m.container.name} ${target} (${m.network}, ${m.state}${m.detail ? `: ${m.detail}` : ''})`;
}

const formatEvent = (e: PortEvent) => `${e.at} ${e.kind}: ${e.message}`;

export async function publishCommand(container: string, spec: string, options: { network?: string; json?: boolean }): Promise<void> {
  const parsed = parsePublishSpec(spec);
  const status = await cliEngine().call('ports.publish', { container, ...parsed, ...(options.network ? { network: options.network } : {}) });
  process.stdout.write(options.json ? `${JSON.stringify(status, null, 2)}\n` : `published ${formatMapping(status)}\n`);
}

export async function unpublishCommand(container: string, spec: string): Promise<void> {
  const removed = await cliEngine().call('ports.unpublish', { container, ...parseUnpublishSpec(spec) });
  process.stdout.write(`unpublished ${removed.hostIp || '0.0.0.0'}:${range(removed.hostPort, removed.hostPortEnd)}/${removed.protocol} from ${removed.container.name}\n`);
}

export async function reconcileCommand(options: { json?: boolean }): Promise<void> {
  const result = await cliEngine().call('ports.reconcile', {});
  if (options.json) {
    process.stdout.write(`${JSON.stringify(result, null, 2)}\n`);
    return;
  }
  const lines = [result.changed ? 'rules rewritten' : 'rules already in place', ...result.mappings.map(formatMapping), ...result.warnings.map((w) => `warning: ${w}`)];
  process.stdout.write(`${lines.join('\n')}\n`);
}

export async function mappingsCommand(options: { json?: boolean }): Promise<void> {
  const mappings = await cliEngine().call('mappings.list', {});
  process.stdout.write(options.json ? `${JSON.stringify(mappings, null, 2)}\n` : `${mappings.map(formatMapping).join('\n') || 'Bridgeport publishes no ports'}\n`);
}

/** Runs in the foreground: every event goes to stdout as one line. */
export async function daemonCommand(options: { resolvConf?: string } = {}): Promise<void> {
  if (options.resolvConf !== undefined && !existsSync(options.resolvConf)) throw new Error(`--resolv-conf ${options.resolvConf}: no such file`);
  const engine = cliEngine({ resolvConf: options.resolvConf });
  let printed = 0;
  engine.subscribe('events', (events) => {
    for (const event of events.slice(printed)) process.stdout.write(`${formatEvent(event)}\n`);
    printed = events.length;
  });
  const first = await engine.call('ports.reconcile', {});
  process.stdout.write(`bridgeport daemon: keeping ${first.mappings.length} mapping(s) in force (pid ${process.pid})\n`);
  for (const warning of first.warnings) process.stdout.write(`warning: ${warning}\n`);
  engine.startKeepingPorts((error) => process.stderr.write(`bridgeport daemon: ${error.message}\n`));
  // Containers' DNS follows the host's: each sync is one line per timeline entry.
  engine.subscribe('dnsNews', (events) => {
    for (const event of events) process.stdout.write(`dns ${event.kind}: ${event.message}\n`);
  });
  engine.startSyncingDns((error) => process.stderr.write(`bridgeport daemon: dns: ${error.message}\n`));
  await new Promise<void>((resolve) => {
    process.once('SIGINT', resolve);
    process.once('SIGTERM', resolve);
  });
  engine.stop();
}

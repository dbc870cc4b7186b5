// The `bridgeport` command: a thin face over the same engine as the window.
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { Command, InvalidArgumentError } from 'commander';
import { formatNat } from './cli/format-nat';
import { formatPath } from './cli/format-path';
import { parseDestination, parseOrigin } from './cli/parse-destination';
import { formatPorts } from './cli/format-ports';
import { formatSnapshot } from './cli/format-snapshot';
import { cliEngine, elevateThisRun } from './cli/cli-engine';
import { runHelperCommand } from './privileged/helper/helper-main';
import { startServer } from './transport/ws';
import { daemonCommand, mappingsCommand, publishCommand, reconcileCommand, unpublishCommand } from './cli/publish-commands';
import { registerNetworkCommands } from './cli/networks-commands';
import { registerLinkCommands } from './cli/links-commands';
import { registerDoctorCommand } from './cli/doctor-command';
import { registerDnsCommand } from './cli/dns-command';
import { registerTrafficCommand } from './cli/traffic-command';
import { registerFlowsCommand } from './cli/flows-command';
import { registerTraceCommand } from './cli/trace-command';
import { registerCompletionCommands } from './cli/completion-command';
import { packageVersion } from './cli/package-version';

function parsePort(value: string): number {
  const port = Number(value);
  if (!/^\d+$/.test(value) || port < 0 || port > 65535) throw new InvalidArgumentError(`port must be 0-65535, got "${value}"`);
  return port;
}

async function snapshotCommand(options: { json?: boolean }): Promise<void> {
  const engine = cliEngine();
  const snapshot = await engine.call('snapshot.get', {});
  process.stdout.write(options.json ? `${JSON.stringify(snapshot, null, 2)}\n` : `${formatSnapshot(snapshot)}\n`);
}

async function portsCommand(options: { json?: boolean }): Promise<void> {
  const ports = await cliEngine().call('ports.get', {});
  process.stdout.write(options.json ? `${JSON.stringify(ports, null, 2)}\n` : `${formatPorts(ports)}\n`);
}

async function natCommand(options: { json?: boolean }): Promise<void> {
  const report = await cliEngine().call('nat.get', {});
  process.stdout.write(options.json ? `${JSON.stringify(report, null, 2)}\n` : `${formatNat(report)}\n`);
}

async function pathCommand(target: string, options: { from: string; json?: boolean }): Promise<void> {
  const query = { ...parseDestination(target), from: parseOrigin(options.from) };
  const result = await cliEngine().call('path.trace', query);
  process.stdout.write(options.json ? `${JSON.stringify(result, null, 2)}\n` : `${formatPath(result)}\n`);
}

async function serveCommand(options: { port: number }): Promise<void> {
  const staticDir = join(import.meta.dirname, '../renderer');
  if (!existsSync(join(staticDir, 'index.html'))) {
    throw new Error(`the UI is not built (no ${staticDir}/index.html): run "npm run build" first`);
  }
  const engine = cliEngine();
  // With --elevate: the prompt first, so the page's first views are read with the rights (or say why not).
  const privilege = await engine.call('privilege.get', {});
  const now = privilege.state === 'not-elevated' ? await engine.call('privilege.elevate', {}) : privilege;
  if (privilege.state === 'not-elevated' && now.reason) process.stderr.write(`bridgeport: serving read-only: ${now.reason}\n`);
  engine.startWatching();
  engine.startKeepingPorts();
  engine.startSyncingDns();
  engine.startSamplingTraffic();
  const server = await startServer({ engine, staticDir, port: options.port });
  // The URL is the first line on stdout: scripts and tests read it from there.
  process.stdout.write(`${server.url}\n`);
  // Once: Ctrl-C reaches serve from the terminal and from scripts/start.sh alike.
  let stopping = false;
  const shutdown = () => {
    if (stopping) return;
    stopping = true;
    engine.stop();
    void server.close().then(() => process.exit(0));
  };
  process.once('SIGINT', shutdown);
  process.once('SIGTERM', shutdown);
}

export function buildProgram(): Command {
  const program = new Command('bridgeport')
    .description('See and shape the container networks of this host')
    // out/main/cli.js (and src/main/cli.ts) lie two folders below package.json.
    .version(packageVersion(join(import.meta.dirname, '../../package.json')), '-V, --version', 'print the version')
    // A refusal is one line with the reason (scripts read it); usage is one `--help` away.
    .configureOutput({ outputError: (text, write) => write(`bridgeport: ${text.trim().replace(/^error: /, '')} (see bridgeport --help)\n`) })
    .option('--elevate', 'not root: ask for administrator rights once (pkexec) and run the privileged steps through the helper')
    .hook('preAction', (command, action) => {
      if (command.opts<{ elevate?: boolean }>().elevate) elevateThisRun(fileURLToPath(import.meta.url), action.name() === 'serve');
    });
  program
    .command('helper')
    .description('the privileged helper (run as root through pkexec by the app and by --elevate): --stdio --for-uid UID')
    .helpOption(false)
    .allowUnknownOption()
    .allowExcessArguments()
    .argument('[args...]')
    // Its own strict parser decides (exit 2 on bad arguments), not commander.
    .action(async (args: string[]) => process.exit(await runHelperCommand(args)));
  program
    .command('snapshot')
    .description('print the host network, Docker networks, containers and namespaces')
    .option('--json', 'print one JSON object for scripts')
    .action(snapshotCommand);
  program
    .command('ports')
    .description('list every published port with the NAT rules behind it, counters and hints')
    .option('--json', 'print JSON for scripts')
    .action(portsCommand);
  program
    .command('nat')
    .description('show the nat, filter and raw tables, each rule attributed and explained')
    .option('--json', 'print JSON for scripts')
    .action(natCommand);
  program
    .command('path')
    .description('trace a new connection to <ip>:<port>[/tcp|udp] through the chains and routes, naming the rule that decides each step')
    .argument('<destination>', 'ip:port[/tcp|udp]')
    .option('--from <source>', 'lan, host, or a container name or id', 'lan')
    .option('--json', 'print JSON for scripts')
    .action(pathCommand);
  program
    .command('publish')
    .description("publish a host port on a running container, at once and remembered (Docker's -p syntax)")
    .argument('<container>', 'container name or id')
    .argument('<spec>', '[hostIp:]hostPort[-end]:containerPort[-end][/tcp|udp]')
    .option('--network <name>', "which of the container's bridge networks (default: its first)")
    .option('--json', 'print JSON for scripts')
    .action(publishCommand);
  program
    .command('unpublish')
    .description('remove a port Bridgeport published')
    .argument('<container>', 'container name or id')
    .argument('<spec>', '[hostIp:]hostPort[/tcp|udp]')
    .action(unpublishCommand);
  program.command('mappings').description('list the ports Bridgeport publishes').option('--json', 'print JSON for scripts').action(mappingsCommand);
  program
    .command('reconcile')
    .description('bring the rules back to what the remembered mappings want (idempotent)')
    .option('--json', 'print JSON for scripts')
    .action(reconcileCommand);
  program
    .command('daemon')
    .description("keep every mapping in force and containers' DNS in step with the host's, in the foreground")
    .option('--resolv-conf <path>', "follow this file as the host's resolv.conf instead of /etc/resolv.conf")
    .action(daemonCommand);
  program
    .command('serve')
    .description('serve the UI on 127.0.0.1; prints its URL first (the access token is in its #fragment, which no server sees)')
    .option('--port <n>', 'port to listen on (0 = any free port)', parsePort, 0)
    .action(serveCommand);
  registerNetworkCommands(program);
  registerLinkCommands(program);
  registerDoctorCommand(program);
  registerDnsCommand(program);
  registerTrafficCommand(program);
  registerFlowsCommand(program);
  registerTraceCommand(program);
  registerCompletionCommands(program);
  return program;
}

buildProgram()
  .parseAsync(process.argv)
  .catch((error: unknown) => {
    // One line: the reason, not a stack.
    process.stderr.write(`bridgeport: ${(error as Error).message.split('\n')[0]}\n`);
    process.exit(1);
  });

// `bridgeport dns [--json]`: every container's DNS and where it came from, and the host's in force.
import type { Command } from 'commander';
import type { DnsReport } from '../../shared/dns-model';
import { cliEngine } from './cli-engine';

/** The shape scripts read (issue 6): one object per container. */
export function dnsJson(report: DnsReport) {
  return report.containers.map((c) => ({
    container: c.container,
    nameservers: c.nameservers,
    search: c.search,
    options: c.options,
    source: c.source,
    synced: c.synced,
  }));
}

const list = (items: readonly string[]) => (items.length > 0 ? items.join(' ') : '-');

export function formatDns(report: DnsReport): string {
  const { host } = report;
  const lines = [
    `host: ${list(host.nameservers)}${host.search.length > 0 ? ` search ${list(host.search)}` : ''} (${host.inForce}${host.followedStub ? `, followed from the systemd-resolved stub in ${host.path}` : ''})`,
    `  from: ${host.dhcp.detail}`,
    `  sync: ${report.settings.enabled ? 'on' : 'off'}${report.syncing ? ', running' : ', not running (start the app or bridgeport daemon)'}`,
  ];
  if (host.error) lines.push(`  error: ${host.error}`);
  for (const note of report.limitations ?? []) lines.push(`  not read: ${note}`);
  lines.push('');
  for (const c of report.containers) {
    const upstreams = c.upstreams ? ` → upstreams ${list(c.upstreams.redirectedTo ?? c.upstreams.servers)} (${c.upstreams.known})` : '';
    lines.push(`${c.synced ? '✓' : '·'} ${c.container.name} [${c.source}] ${list(c.nameservers)}${c.search.length > 0 ? ` search ${list(c.search)}` : ''}${upstreams}`);
    lines.push(`    ${c.note}`);
  }
  if (report.containers.length === 0) lines.push('no containers');
  return lines.join('\n');
}

async function dnsCommand(options: { json?: boolean }): Promise<void> {
  const report = await cliEngine().call('dns.get', {});
  process.stdout.write(options.json ? `${JSON.stringify(dnsJson(report), null, 2)}\n` : `${formatDns(report)}\n`);
  // The JSON stays the list scripts read; what could not be read goes to stderr.
  if (options.json) for (const note of report.limitations ?? []) process.stderr.write(`bridgeport: ${note}\n`);
}

async function dnsSyncCommand(state: string, container: string | undefined): Promise<void> {
  if (state !== 'on' && state !== 'off') throw new Error(`dns-sync takes "on" or "off", got "${state}"`);
  const settings = await cliEngine().call('dns.setSync', { enabled: state === 'on', ...(container === undefined ? {} : { container }) });
  const off = settings.disabledContainers.length > 0 ? `; off for ${settings.disabledContainers.join(', ')}` : '';
  process.stdout.write(`DNS sync ${settings.enabled ? 'on' : 'off'}${off}\n`);
}

export function registerDnsCommand(program: Command): void {
  program
    .command('dns-sync')
    .description("switch the DNS sync on or off, for every container or for one (by name; remembered)")
    .argument('<on|off>', 'on or off')
    .argument('[container]', 'a container name (default: every container)')
    .action(dnsSyncCommand);
  program
    .command('dns')
    .description("show every container's DNS (servers, search, options) and where it came from: the host, --dns, Docker's embedded resolver, or edited")
    .option('--json', 'print JSON for scripts')
    .action(dnsCommand);
}

// Where the host's DNS came from, when that can be told: NetworkManager (asked over D-Bus through
// nmcli), an ISC dhclient lease naming the same servers, or else the file alone. I/O only; the
// lease parser is pure (dhclient-lease.ts).
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DhcpSource } from '../../../shared/dns-model';
import { runCommand } from '../../system/run-command';
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message } from '../../../shared/message';
import { lastDhclientLease } from './dhclient-lease';

/** The source with its detail in English and as a message (issue 18). */
const source = (kind: DhcpSource['kind'], said: Message): DhcpSource => ({ kind, detail: inEnglish(said), detailMessage: said });

const LEASE_DIRS = ['/var/lib/dhcp', '/var/lib/dhclient', '/var/lib/NetworkManager'];

async function fromNetworkManager(nameservers: readonly string[]): Promise<DhcpSource | null> {
  try {
    const running = await runCommand(['nmcli', '-t', '-f', 'RUNNING', 'general'], { timeoutMs: 2000 });
    if (running.trim() !== 'running') return null;
    const devices = await runCommand(['nmcli', '-t', '-f', 'DEVICE,STATE,CONNECTION', 'device'], { timeoutMs: 2000 });
    for (const line of devices.split('\n')) {
      const [device, state, connection] = line.split(':');
      if (!device || !state?.startsWith('connected')) continue;
      const shown = await runCommand(['nmcli', '-t', '-f', 'IP4.DNS,IP6.DNS', 'device', 'show', device], { timeoutMs: 2000 });
      const servers = shown.split('\n').map((l) => l.split(':').slice(1).join(':').trim()).filter(Boolean);
      if (servers.some((s) => nameservers.includes(s)) || nameservers.every((s) => s.startsWith('127.'))) {
        return source('networkmanager', networkManagerDetail(device, connection ?? '?', servers));
      }
    }
  } catch {
    // no nmcli, or NetworkManager not running
  }
  return null;
}

async function fromDhclient(nameservers: readonly string[]): Promise<DhcpSource | null> {
  const candidates: Array<{ path: string; mtime: number }> = [];
  for (const dir of LEASE_DIRS) {
    let names: string[];
    try {
      names = await readdir(dir);
    } catch {
      continue;
    }
    for (const name of names.filter((n) => /\.leases?$/.test(n))) {
      try {
        candidates.push({ path: join(dir, name), mtime: (await stat(join(dir, name))).mtimeMs });
      } catch {
        // gone meanwhile
      }
    }
  }
  for (const { path } of candidates.sort((a, b) => b.mtime - a.mtime)) {
    try {
      const lease = lastDhclientLease(await readFile(path, 'utf8'));
      if (lease && lease.dnsServers.some((s) => nameservers.includes(s))) {
        return source('dhclient', dhclientDetail(lease, path));
      }
    } catch {
      // unreadable lease file: try the next
    }
  }
  return null;
}

/** "NetworkManager: wlp2s0 (connection Home) hands out 192.168.1.1" */
export function networkManagerDetail(device: string, connection: string, servers: readonly string[]): Message {
  return servers.length > 0
    ? message('engine-dns:dhcp.networkManager', { device, connection, servers: servers.join(', ') })
    : message('engine-dns:dhcp.networkManagerNone', { device, connection });
}

/** Neither NetworkManager nor a dhclient lease names the servers. */
export const FILE_ALONE = message('engine-dns:dhcp.fileAlone');

/** "dhclient lease on eth0 from 192.168.1.1 (/var/lib/dhcp/dhclient.leases, renews …)": one sentence per what the lease says. */
export function dhclientDetail(lease: { interface: string; server: string | null; renew: string | null }, path: string): Message {
  const params = { interface: lease.interface, path };
  if (lease.server && lease.renew) return message('engine-dns:dhcp.dhclientFromRenew', { ...params, server: lease.server, renew: lease.renew });
  if (lease.server) return message('engine-dns:dhcp.dhclientFrom', { ...params, server: lease.server });
  if (lease.renew) return message('engine-dns:dhcp.dhclientRenew', { ...params, renew: lease.renew });
  return message('engine-dns:dhcp.dhclient', params);
}

export async function detectDhcpSource(nameservers: readonly string[]): Promise<DhcpSource> {
  return (await fromNetworkManager(nameservers)) ?? (await fromDhclient(nameservers)) ?? source('file', FILE_ALONE);
}

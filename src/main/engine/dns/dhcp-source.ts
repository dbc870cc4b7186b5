// Where the host's DNS came from, when that can be told: NetworkManager (asked over D-Bus through
// nmcli), an ISC dhclient lease naming the same servers, or else the file alone. I/O only; the
// lease parser is pure (dhclient-lease.ts).
import { readdir, readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import type { DhcpSource } from '../../../shared/dns-model';
import { runCommand } from '../../system/run-command';
import { lastDhclientLease } from './dhclient-lease';

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
        return { kind: 'networkmanager', detail: `NetworkManager: ${device} (connection ${connection ?? '?'}) hands out ${servers.join(', ') || 'no servers'}` };
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
        const from = lease.server ? ` from ${lease.server}` : '';
        const renew = lease.renew ? `, renews ${lease.renew}` : '';
        return { kind: 'dhclient', detail: `dhclient lease on ${lease.interface}${from} (${path}${renew})` };
      }
    } catch {
      // unreadable lease file: try the next
    }
  }
  return null;
}

export async function detectDhcpSource(nameservers: readonly string[]): Promise<DhcpSource> {
  return (
    (await fromNetworkManager(nameservers)) ??
    (await fromDhclient(nameservers)) ?? { kind: 'file', detail: 'the file alone (no NetworkManager connection or dhclient lease names these servers)' }
  );
}

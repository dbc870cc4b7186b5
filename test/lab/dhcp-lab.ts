// Real DHCP for the DNS tests (LAB.md): dnsmasq hands out leases in the LAN namespace, busybox
// udhcpc in the lab host writes the lab host's resolv.conf from each lease (in place, as the file
// is bound over /etc/resolv.conf for the lab's dockerd), and two more dnsmasq answer DNS at two LAN
// addresses with different answers, so a test can tell which upstream resolved a name.
// Everything started here is stopped by pid in stop(), also after a failure.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmod, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { execa } from 'execa';

export const DNS_A = '198.51.100.53';
export const DNS_B = '198.51.100.54';
/** What each DNS server answers for PROBE_NAME. */
export const ANSWER = { [DNS_A]: '203.0.113.53', [DNS_B]: '203.0.113.54' } as const;
export const PROBE_NAME = 'probe.bridgeport.test';

function env(name: string): string {
  const value = process.env[name];
  if (!value) throw new Error(`${name} unset: run inside test/lab/lab.sh`);
  return value;
}

export interface Lease {
  dns: string;
  domain: string;
}

export class DhcpLab {
  readonly resolvConf = env('BP_LAB_RESOLV_CONF');
  private readonly lab = env('BP_LAB');
  private readonly lanNs = env('BP_LAB_LAN_NS');
  private readonly hostNs = env('BP_LAB_HOST_NS');
  private dir = '';
  private original = '';
  private children: ChildProcess[] = [];
  private dhcpServer: ChildProcess | null = null;
  private client: ChildProcess | null = null;
  private addresses: string[] = [];

  /** Where udhcpc's script records when it is about to write each lease (ms since the epoch, one per line). */
  get leaseLog(): string {
    return join(this.dir, 'written-at');
  }

  async start(first: Lease): Promise<void> {
    this.dir = await mkdtemp(join(tmpdir(), 'bridgeport-dhcp-'));
    this.original = await readFile(this.resolvConf, 'utf8');
    for (const address of [DNS_A, DNS_B]) {
      await execa('ip', ['-n', this.lanNs, 'addr', 'add', `${address}/24`, 'dev', `${this.lab}lan`]);
      this.addresses.push(address);
      this.spawnInLan(['dnsmasq', '--keep-in-foreground', '--no-daemon', '--port=53', `--listen-address=${address}`, '--bind-interfaces', '--no-resolv', '--no-hosts', `--address=/${PROBE_NAME}/${ANSWER[address as keyof typeof ANSWER]}`, `--pid-file=${join(this.dir, `dns-${address}.pid`)}`]);
    }
    await this.writeOptions(first);
    this.dhcpServer = this.spawnInLan([
      'dnsmasq', '--no-daemon', '--port=0', `--interface=${this.lab}lan`, '--bind-interfaces',
      '--dhcp-range=198.51.100.100,198.51.100.150,255.255.255.0,1h', `--dhcp-optsfile=${join(this.dir, 'options')}`,
      `--dhcp-leasefile=${join(this.dir, 'leases')}`, `--pid-file=${join(this.dir, 'dhcp.pid')}`,
    ]);
    const script = join(this.dir, 'udhcpc.sh');
    // The uplink keeps its static address: the lease only brings DNS. `cat >` rewrites in place.
    await writeFile(
      script,
      [
        '#!/bin/sh',
        'case "$1" in bound|renew)',
        `  { [ -n "$domain" ] && echo "search $domain"; for s in $dns; do echo "nameserver $s"; done; } > "${this.dir}/next"`,
        // Stamped just before the write: the lag measured from it includes the write itself.
        `  date +%s%3N >> "${this.leaseLog}"`,
        `  cat "${this.dir}/next" > "${this.resolvConf}" ;;`,
        'esac',
        'exit 0',
        '',
      ].join('\n'),
    );
    await chmod(script, 0o755);
    this.client = this.track(spawn('nsenter', [`--net=/run/netns/${this.hostNs}`, 'busybox', 'udhcpc', '-f', '-i', `${this.lab}up`, '-s', script, '-t', '20', '-T', '1', '-A', '1'], { stdio: 'ignore' }));
    await this.waitForResolvConf(first, 30_000);
  }

  /** A new lease: the server's DNS option changes, then udhcpc renews (SIGUSR1), as after roaming. */
  async renew(next: Lease, timeoutMs = 20_000): Promise<void> {
    await this.writeOptions(next);
    this.dhcpServer!.kill('SIGHUP');
    // dnsmasq re-reads the options file on SIGHUP; give it a moment before the client asks.
    await new Promise((r) => setTimeout(r, 200));
    this.client!.kill('SIGUSR1');
    await this.waitForResolvConf(next, timeoutMs);
  }

  async lastLeaseWrittenAt(): Promise<number> {
    const lines = (await readFile(this.leaseLog, 'utf8')).trim().split('\n');
    return Number(lines.at(-1));
  }

  async stop(): Promise<void> {
    for (const child of this.children) if (child.exitCode === null) child.kill('SIGTERM');
    await Promise.all(this.children.map((c) => (c.exitCode === null ? new Promise((r) => c.once('exit', r)) : undefined)));
    this.children = [];
    for (const address of this.addresses) await execa('ip', ['-n', this.lanNs, 'addr', 'del', `${address}/24`, 'dev', `${this.lab}lan`], { reject: false });
    this.addresses = [];
    if (this.original) await writeFile(this.resolvConf, this.original); // in place: the bind mount follows
    if (this.dir) await rm(this.dir, { recursive: true, force: true });
  }

  private async writeOptions(lease: Lease): Promise<void> {
    await writeFile(join(this.dir, 'options'), `option:dns-server,${lease.dns}\noption:domain-name,${lease.domain}\n`);
  }

  private async waitForResolvConf(lease: Lease, timeoutMs: number): Promise<void> {
    const deadline = Date.now() + timeoutMs;
    while (Date.now() < deadline) {
      const text = await readFile(this.resolvConf, 'utf8');
      if (text.includes(`nameserver ${lease.dns}`) && text.includes(`search ${lease.domain}`)) return;
      await new Promise((r) => setTimeout(r, 20));
    }
    throw new Error(`udhcpc did not write a lease with ${lease.dns} / ${lease.domain} into ${this.resolvConf} within ${timeoutMs} ms`);
  }

  private spawnInLan(argv: string[]): ChildProcess {
    return this.track(spawn('ip', ['netns', 'exec', this.lanNs, ...argv], { stdio: 'ignore' }));
  }

  private track(child: ChildProcess): ChildProcess {
    this.children.push(child);
    return child;
  }
}

// What the Podman DNS tests share: two dnsmasq upstreams in the LAN namespace answering the probe
// name differently (the addresses and answers of dhcp-lab.ts), the lab host's resolv.conf rewritten
// in place and held open (a change aardvark-dns's own watch misses), and the answer a container gets
// from aardvark-dns. Everything started here is stopped by pid in stop(), and the file restored.
import { spawn, type ChildProcess } from 'node:child_process';
import { open, readFile, writeFile, type FileHandle } from 'node:fs/promises';
import { ANSWER, DNS_A, DNS_B, PROBE_NAME } from '../dhcp-lab';
import { execa } from 'execa';
import { labEnv, run, waitFor } from '../support';

export const A = { ip: DNS_A, answer: ANSWER[DNS_A] } as const;
export const B = { ip: DNS_B, answer: ANSWER[DNS_B] } as const;

export const podman = (...args: string[]) => run('bash', ['test/lab/engines/podman-cli.sh', ...args]);

/** The address a container gets for the probe name from aardvark-dns at `gateway`, or null. */
export async function aardvarkAnswer(container: string, gateway: string): Promise<string | null> {
  const out = await podman('exec', container, 'nslookup', PROBE_NAME, gateway).catch((e: { stdout?: string }) => e.stdout ?? '');
  return /Name:\s*\S+\s*\nAddress:\s*(\S+)/.exec(out)?.[1] ?? null;
}

export class AardvarkUpstreams {
  readonly resolvConf = process.env.BP_LAB_RESOLV_CONF!;
  private readonly lanNs = process.env.BP_LAB_LAN_NS!;
  private readonly servers: ChildProcess[] = [];
  private readonly held: FileHandle[] = [];
  private original = '';

  /** Both servers up, and the lab host's DNS on A. */
  async start(): Promise<void> {
    const { lab } = labEnv();
    this.original = await readFile(this.resolvConf, 'utf8');
    for (const { ip, answer } of [A, B]) {
      await run('ip', ['-n', this.lanNs, 'addr', 'add', `${ip}/24`, 'dev', `${lab}lan`]);
      const dnsmasq = spawn(
        'nsenter',
        [`--net=/run/netns/${this.lanNs}`, 'dnsmasq', '--keep-in-foreground', '--port=53', `--listen-address=${ip}`, '--bind-interfaces', '--no-resolv', '--no-hosts', `--address=/${PROBE_NAME}/${answer}`],
        { stdio: 'ignore' },
      );
      this.servers.push(dnsmasq);
    }
    // Both answer before anything is asked of them (a server still binding would look like a wrong upstream).
    for (const { ip, answer } of [A, B]) {
      await waitFor(async () => ((await execa('busybox', ['nslookup', '-type=a', PROBE_NAME, ip], { reject: false })).stdout.includes(answer) ? true : undefined), 10_000, `dnsmasq at ${ip}`);
    }
    await writeFile(this.resolvConf, `nameserver ${A.ip}\n`);
  }

  /** Rewrites the lab host's resolv.conf in place and keeps it open: no close-write for an inotify watch to see. */
  async writeHeldOpen(text: string): Promise<void> {
    const file = await open(this.resolvConf, 'r+');
    this.held.push(file);
    await file.truncate(0);
    await file.write(text, 0);
  }

  async stop(): Promise<void> {
    for (const file of this.held) await file.close();
    if (this.original) await writeFile(this.resolvConf, this.original);
    for (const server of this.servers) if (server.exitCode === null && server.signalCode === null) server.kill();
    for (const { ip } of [A, B]) await run('ip', ['-n', this.lanNs, 'addr', 'del', `${ip}/24`, 'dev', `${labEnv().lab}lan`]).catch(() => undefined);
  }
}

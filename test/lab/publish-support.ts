// What the publish tests share: clients in the LAN namespace, on the host and inside containers,
// a UDP echo, and readings of the system to compare before and after. Real commands only.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { spawn, type ChildProcess } from 'node:child_process';
import { execa } from 'execa';
import { repoRoot, run } from './support';

export const LAN_IP = '198.51.100.1';
const udpEcho = resolve(repoRoot, 'test/lab/udp-echo.mjs');

const lanNs = () => {
  const ns = process.env.BP_LAB_LAN_NS;
  if (!ns) throw new Error('BP_LAB_LAN_NS unset: run inside test/lab/lab.sh');
  return ns;
};

export async function pidOf(container: string): Promise<number> {
  return Number((await run('docker', ['inspect', '-f', '{{.State.Pid}}', container])).trim());
}

export async function ipOf(container: string): Promise<string> {
  return (await run('docker', ['inspect', '-f', '{{.NetworkSettings.IPAddress}}', container])).trim();
}

/** Where a client runs: the LAN namespace, the lab host (this process's namespace) or a container. */
export type Client = { lan: true } | { host: true } | { container: string };

async function prefix(client: Client): Promise<string[]> {
  if ('lan' in client) return ['ip', 'netns', 'exec', lanNs()];
  if ('host' in client) return [];
  return ['nsenter', `--net=/proc/${await pidOf(client.container)}/ns/net`];
}

/** The page at http://ip:port/ (busybox wget; its -T crashes, so `timeout` bounds it), or null. */
export async function httpGet(client: Client, ip: string, port: number): Promise<string | null> {
  const argv = [...(await prefix(client)), 'timeout', '3', 'busybox', 'wget', '-q', '-O', '-', `http://${ip}:${port}/`];
  const result = await execa(argv[0]!, argv.slice(1), { reject: false });
  return result.exitCode === 0 ? result.stdout : null;
}

export const reaches = async (client: Client, ip: string, port: number, marker = 'bridgeport lab') => (await httpGet(client, ip, port))?.includes(marker) ?? false;

/** A UDP echo server inside a container's namespace (the host's node, the container's network). */
/** Where a port published on every address of the host answers from (the matrix every backend must give). */
export async function reachMatrix(port: number, neighbour: string, itself: string) {
  return {
    lan: await reaches({ lan: true }, LAN_IP, port),
    hostByLanIp: await reaches({ host: true }, LAN_IP, port),
    hostByLoopback: await reaches({ host: true }, '127.0.0.1', port),
    neighbour: await reaches({ container: neighbour }, LAN_IP, port),
    itself: await reaches({ container: itself }, LAN_IP, port),
  };
}

export const EVERYWHERE = { lan: true, hostByLanIp: true, hostByLoopback: true, neighbour: true, itself: true };

export async function startUdpEcho(container: string, port: number): Promise<ChildProcess> {
  const child = spawn('nsenter', [`--net=/proc/${await pidOf(container)}/ns/net`, process.execPath, udpEcho, 'serve', String(port)], { stdio: ['ignore', 'pipe', 'inherit'] });
  await new Promise<void>((done, fail) => {
    child.stdout!.once('data', () => done());
    child.once('exit', (code) => fail(new Error(`udp echo server exited (${code})`)));
  });
  return child;
}

export async function udpAsk(client: Client, ip: string, port: number, message: string, sourcePort?: number): Promise<string | null> {
  const argv = [...(await prefix(client)), process.execPath, udpEcho, 'ask', ip, String(port), message, ...(sourcePort ? [String(sourcePort)] : [])];
  const result = await execa(argv[0]!, argv.slice(1), { reject: false });
  return result.exitCode === 0 ? result.stdout.trim() : null;
}

/** The rule set without counters or comments of the save tool: what "unchanged" is compared on. */
export async function rulesText(): Promise<string> {
  const text = await run('iptables-save', []);
  return text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .map((l) => l.replace(/\[\d+:\d+\]/, '[0:0]'))
    .join('\n');
}

/** Links with what a publish could change on them. */
export async function linksText(): Promise<string> {
  const links = JSON.parse(await run('ip', ['-j', '-d', 'link', 'show'])) as Array<Record<string, unknown>>;
  return JSON.stringify(links.map((l) => [l.ifname, l.operstate, l.master, (l.linkinfo as { info_slave_data?: { hairpin?: boolean } } | undefined)?.info_slave_data?.hairpin]));
}

export async function tempConfigDir(): Promise<{ dir: string; remove: () => Promise<void> }> {
  const dir = await mkdtemp(join(tmpdir(), 'bridgeport-config-'));
  return { dir, remove: () => rm(dir, { recursive: true, force: true }) };
}

export async function waitUntil(probe: () => Promise<boolean>, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!(await probe())) {
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

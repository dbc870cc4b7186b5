// Issue 16, the host with systemd-resolved: /etc/resolv.conf names only the stub (127.0.0.53) and
// the real servers are in /run/systemd/resolve/resolv.conf (here in the lab's mount namespace, where
// dockerd runs, on a tmpfs of the test's own). Docker 28 sends a user-defined network's queries to
// host(127.0.0.53), systemd-resolved itself, which follows every lease: Bridgeport says so and adds
// no redirect, also when the upstream list changes; the default-bridge container, which Docker gives
// the upstream list, is rewritten as before. dockerd reads these files once at start: it is
// restarted into them and, at the end, out of them.
import { readFile, writeFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DaemonProcess } from './daemon-process';
import { tempConfigDir } from './publish-support';
import { bridgeportOk, dockerMajor, labEnv, repoRoot, run, waitFor } from './support';

const STUB = 'nameserver 127.0.0.53\noptions edns0 trust-ad\nsearch lan.test\n';
const upstreamList = (server: string) => `nameserver ${server}\nsearch lan.test\n`;
const labDir = () => process.env.BP_LAB_DIR!;
const resolvConf = () => process.env.BP_LAB_RESOLV_CONF!;
const holder = async () => (await readFile(join(labDir(), 'mntns.pid'), 'utf8')).trim();
/** A command in the lab's mount namespace (dockerd's). */
const inLabMounts = async (script: string) => run('nsenter', [`--mount=/proc/${await holder()}/ns/mnt`, 'sh', '-c', script]);
const restartDockerd = () => run('bash', [resolve(repoRoot, 'test/lab/lab.sh'), '--restart-dockerd', labEnv().lab]);

let config: Awaited<ReturnType<typeof tempConfigDir>>;
let daemon: DaemonProcess | null = null;
let original = '';
let running: string[] = [];
let mounted = false;

interface DnsLine {
  container: { name: string };
  nameservers: string[];
  source: string;
  synced: boolean;
}

const dnsJson = async () => JSON.parse(await bridgeportOk(['dns', '--json'], { BRIDGEPORT_CONFIG_DIR: config.dir, BRIDGEPORT_RESOLV_CONF: '' })) as DnsLine[];
const dnsText = () => bridgeportOk(['dns'], { BRIDGEPORT_CONFIG_DIR: config.dir, BRIDGEPORT_RESOLV_CONF: '' });
const hostNat = () => run('iptables-save', ['-t', 'nat']);

beforeAll(async () => {
  config = await tempConfigDir();
  original = await readFile(resolvConf(), 'utf8');
  running = (await run('docker', ['ps', '-q', '--no-trunc'])).split('\n').filter(Boolean);
  await inLabMounts(`mount -t tmpfs bridgeport-resolved /run/systemd && mkdir -p /run/systemd/resolve && printf '${upstreamList('198.51.100.2')}' > /run/systemd/resolve/resolv.conf`);
  mounted = true;
  await writeFile(resolvConf(), STUB); // in place: the bind mount follows
  await restartDockerd();
  const { image } = labEnv();
  await run('docker', ['network', 'create', 'resolvednet']);
  await run('docker', ['run', '-d', '--name', 'rs-u', '--network', 'resolvednet', image, 'sleep', '3600']);
  await run('docker', ['run', '-d', '--name', 'rs-w', image, 'sleep', '3600']);
  // The daemon reads the same two files dockerd does (the upstream list through the lab's mounts).
  daemon = new DaemonProcess(config.dir, ['--resolv-conf', resolvConf()]);
  process.env.BRIDGEPORT_RESOLVED_UPSTREAM = `/proc/${await holder()}/root/run/systemd/resolve/resolv.conf`;
  await daemon.start();
}, 120_000);

afterAll(async () => {
  await daemon?.stop();
  delete process.env.BRIDGEPORT_RESOLVED_UPSTREAM;
  await execa('docker', ['rm', '-f', 'rs-u', 'rs-w'], { reject: false });
  await execa('docker', ['network', 'rm', 'resolvednet'], { reject: false });
  if (original) await writeFile(resolvConf(), original);
  if (mounted) await inLabMounts('umount /run/systemd').catch(() => undefined);
  // Out of systemd-resolved's files again, with the lab's containers back, oldest first.
  await restartDockerd();
  if (running.length > 0) await run('docker', ['start', ...running.reverse()]);
  await config?.remove();
}, 120_000);

describe('a host on systemd-resolved (Docker 28)', () => {
  it("Docker forwards the user-defined network's queries to the stub, and Bridgeport says it follows the host by itself", async () => {
    expect(await dockerMajor()).toBeGreaterThanOrEqual(28);
    expect(await run('docker', ['exec', 'rs-u', 'cat', '/etc/resolv.conf'])).toContain('# ExtServers: [host(127.0.0.53)]');
    const line = await waitFor(async () => (await dnsJson()).find((l) => l.container.name === 'rs-u'), 10_000, 'rs-u in the report');
    expect(line).toMatchObject({ source: 'embedded', synced: true });
    expect(await dnsText()).toContain("Docker's resolver asks the host's own resolver (127.0.0.53), which follows the host's DNS");
    expect(await hostNat()).not.toContain('BRIDGEPORT-DOCKERD-DNS');
  });

  it('a new upstream list: the default-bridge copy is rewritten, the stub needs nothing and gets no redirect', async () => {
    await inLabMounts(`printf '${upstreamList('198.51.100.53')}' > /run/systemd/resolve/resolv.conf`);
    await waitFor(async () => ((await run('docker', ['exec', 'rs-w', 'cat', '/etc/resolv.conf'])).includes('nameserver 198.51.100.53') ? true : undefined), 10_000, 'rs-w rewritten');
    expect((await dnsJson()).find((l) => l.container.name === 'rs-u')).toMatchObject({ source: 'embedded', synced: true });
    expect(await hostNat()).not.toContain('BRIDGEPORT-DOCKERD-DNS');
  });
});

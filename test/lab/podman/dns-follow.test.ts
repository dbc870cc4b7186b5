// Issue 16 on Podman: a container on a network with DNS on asks aardvark-dns, which reads the host's
// DNS only at start and when told (SIGHUP). The lab host's resolv.conf is rewritten in place and
// held open, a change aardvark-dns's own watch misses (as it misses every change once the file was
// replaced by a rename); `bridgeport daemon` notices it and tells aardvark-dns, and the container
// resolves through the new server without a restart; a container on Podman's default network (DNS
// off), which has a copy of the host's file, gets it rewritten in place. Two dnsmasq servers answer one name
// differently, so the answer says which upstream was asked. Runs in Podman labs only (vitest.config.ts).
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DaemonProcess } from '../daemon-process';
import { tempConfigDir } from '../publish-support';
import { bridgeportOk, labEnv, waitFor } from '../support';
import { A, AardvarkUpstreams, aardvarkAnswer, B, podman } from './aardvark-lab';

describe('Podman containers follow the host DNS through aardvark-dns (lab engine podman5)', () => {
  const upstreams = new AardvarkUpstreams();
  let gateway = '';
  let config: Awaited<ReturnType<typeof tempConfigDir>>;
  let daemon: DaemonProcess | null = null;

  const answer = () => aardvarkAnswer('pdf1', gateway);
  const startedAt = () => podman('inspect', '-f', '{{.State.StartedAt}}', 'pdf1');
  const dnsJson = async () =>
    JSON.parse(await bridgeportOk(['dns', '--json'], { BRIDGEPORT_CONFIG_DIR: config.dir, BRIDGEPORT_RESOLV_CONF: '' })) as Array<{ container: { name: string }; source: string; synced: boolean }>;
  const timeline = async () => (await readFile(join(config.dir, 'dns-events.jsonl'), 'utf8').catch(() => '')).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { kind: string; message: string });

  /** A change aardvark-dns's own watch misses: the file rewritten in place and held open. */
  const writeHeldOpen = (text: string) => upstreams.writeHeldOpen(text);

  beforeAll(async () => {
    const { image } = labEnv();
    config = await tempConfigDir();
    await upstreams.start();
    await podman('network', 'create', 'pdfnet');
    await podman('run', '-d', '--name', 'pdf1', '--network', 'pdfnet', image, 'sleep', '1d');
    await podman('run', '-d', '--name', 'pdf2', image, 'sleep', '1d');
    gateway = (await podman('network', 'inspect', 'pdfnet', '--format', '{{range .Subnets}}{{.Gateway}}{{end}}')).trim();
    await waitFor(async () => ((await answer()) === A.answer ? true : undefined), 10_000, `aardvark-dns answering from ${A.ip}`);
    daemon = new DaemonProcess(config.dir, ['--resolv-conf', upstreams.resolvConf]);
    await daemon.start();
  }, 90_000);

  afterAll(async () => {
    await daemon?.stop();
    await podman('rm', '-f', '-t', '0', 'pdf1', 'pdf2').catch(() => undefined);
    await podman('network', 'rm', 'pdfnet').catch(() => undefined);
    await upstreams.stop();
    await config?.remove();
  }, 60_000);

  it('before the change: the container is answered by aardvark-dns and reported in sync', async () => {
    await waitFor(async () => ((await dnsJson()).find((l) => l.container.name === 'pdf1')?.synced ? true : undefined), 10_000, 'pdf1 reported in sync');
    expect((await dnsJson()).find((l) => l.container.name === 'pdf1')).toMatchObject({ source: 'aardvark', synced: true });
  });

  it('after a change aardvark-dns misses by itself, the container resolves through the new server within 5 s, not restarted', async () => {
    const before = await startedAt();
    await writeHeldOpen(`nameserver ${B.ip}\n`);
    await waitFor(async () => ((await answer()) === B.answer ? true : undefined), 5_000, `pdf1 resolving through ${B.ip}`);
    expect(await startedAt()).toBe(before);
    expect((await dnsJson()).find((l) => l.container.name === 'pdf1')).toMatchObject({ source: 'aardvark', synced: true });
    // The copy on the default network: rewritten in place, so the container reads the new server.
    await waitFor(async () => ((await podman('exec', 'pdf2', 'cat', '/etc/resolv.conf')).includes(`nameserver ${B.ip}`) ? true : undefined), 5_000, 'pdf2 rewritten');
    expect((await dnsJson()).find((l) => l.container.name === 'pdf2')).toMatchObject({ source: 'host', synced: true });
    expect((await timeline()).map((e) => e.message)).toContainEqual(expect.stringMatching(new RegExp(`^aardvark-dns \\(pid \\d+\\) re-reads the host's DNS: forwards to ${B.ip.replaceAll('.', '\\.')} for .*pdf1`)));
  });
});

// Rootful Podman's aardvark-dns follows the host's DNS only when told: after an in-place write its
// inotify watch misses, it keeps asking the old server until reloadAardvark() (the root helper's
// operation, called in-process: the test runs as root in the lab host's namespace) sends SIGHUP.
// Two dnsmasq servers in the LAN namespace give different answers for one name, so the answer
// says which upstream aardvark-dns asked. Runs in Podman labs only (vitest.config.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { open, readFile, writeFile, type FileHandle } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAardvark, reloadAardvark } from '../../../src/main/privileged/ops/dns/aardvark-reload';
import { labEnv, run, waitFor } from '../support';

const UPSTREAMS = [
  { ip: '198.51.100.53', answer: '203.0.113.53' },
  { ip: '198.51.100.54', answer: '203.0.113.54' },
] as const;
const [A, B] = UPSTREAMS;
const NAME = 'probe.bridgeport.test';

const podman = (...args: string[]) => run('bash', ['test/lab/engines/podman-cli.sh', ...args]);

describe('aardvark-dns reload after the host DNS changes (lab engine podman5)', () => {
  const lanNs = process.env.BP_LAB_LAN_NS!;
  const resolvConf = process.env.BP_LAB_RESOLV_CONF!;
  const servers: ChildProcess[] = [];
  const held: FileHandle[] = [];
  let original = '';
  let gateway = '';
  let aardvarkPid = 0;

  /** The address the container gets for NAME from aardvark-dns (its network's gateway). */
  const answer = async () => {
    const out = await podman('exec', 'avr1', 'nslookup', NAME, gateway).catch((e: { stdout?: string }) => e.stdout ?? '');
    return /Name:\s*\S+\s*\nAddress:\s*(\S+)/.exec(out)?.[1] ?? null;
  };

  /** Rewrites the lab host's resolv.conf in place and keeps it open: no close-write for an inotify watch to see. */
  const writeHeldOpen = async (text: string) => {
    const file = await open(resolvConf, 'r+');
    held.push(file);
    await file.truncate(0);
    await file.write(text, 0);
  };

  beforeAll(async () => {
    const { lab, image } = labEnv();
    original = await readFile(resolvConf, 'utf8');
    for (const { ip, answer: address } of UPSTREAMS) {
      await run('ip', ['-n', lanNs, 'addr', 'add', `${ip}/24`, 'dev', `${lab}lan`]);
      const dnsmasq = spawn(
        'nsenter',
        [`--net=/run/netns/${lanNs}`, 'dnsmasq', '--keep-in-foreground', '--port=53', `--listen-address=${ip}`, '--bind-interfaces', '--no-resolv', '--no-hosts', `--address=/${NAME}/${address}`],
        { stdio: 'ignore' },
      );
      servers.push(dnsmasq);
    }
    await writeFile(resolvConf, `nameserver ${A.ip}\n`);
    await podman('network', 'create', 'avrnet');
    await podman('run', '-d', '--name', 'avr1', '--network', 'avrnet', image, 'sleep', '1d');
    gateway = (await podman('network', 'inspect', 'avrnet', '--format', '{{range .Subnets}}{{.Gateway}}{{end}}')).trim();
    const holder = (await readFile(`${process.env.BP_LAB_DIR}/podman/mntns.pid`, 'utf8')).trim();
    aardvarkPid = Number((await readFile(`/proc/${holder}/root/run/containers/networks/aardvark-dns/aardvark.pid`, 'utf8')).trim());
    await waitFor(async () => ((await answer()) === A.answer ? true : undefined), 10_000, `aardvark-dns answering from ${A.ip}`);
  });

  afterAll(async () => {
    for (const file of held) await file.close();
    if (original) await writeFile(resolvConf, original);
    await podman('rm', '-f', '-t', '0', 'avr1').catch(() => undefined);
    await podman('network', 'rm', 'avrnet').catch(() => undefined);
    for (const server of servers) if (server.pid) process.kill(server.pid);
    for (const { ip } of UPSTREAMS) await run('ip', ['-n', lanNs, 'addr', 'del', `${ip}/24`, 'dev', `${labEnv().lab}lan`]).catch(() => undefined);
  });

  it('misses an in-place write, and follows it once reloadAardvark() signals the lab\'s aardvark-dns', async () => {
    await writeHeldOpen(`nameserver ${B.ip}\n`);
    expect(await answer()).toBe(A.answer); // it did not notice: the reload is what makes it follow

    expect(await listAardvark()).toEqual([{ pid: aardvarkPid, startTime: expect.any(Number), startedAtMs: expect.any(Number), servers: [B.ip] }]);
    const result = await reloadAardvark();
    expect(result.skipped).toEqual([]);
    expect(result.signalled).toEqual([{ pid: aardvarkPid, servers: [B.ip], startedAt: expect.any(Number) }]);
    await waitFor(async () => ((await answer()) === B.answer ? true : undefined), 10_000, `aardvark-dns answering from ${B.ip}`);
  });

  it('does not signal while the file names no nameserver, so aardvark-dns keeps its upstream', async () => {
    await writeHeldOpen('# being rewritten\nsearch example.test\n');
    const result = await reloadAardvark();
    expect(result.signalled).toEqual([]);
    expect(result.skipped).toEqual([{ pid: aardvarkPid, reason: expect.stringMatching(/would read no nameserver/) }]);
    expect(await answer()).toBe(B.answer);
  });
});

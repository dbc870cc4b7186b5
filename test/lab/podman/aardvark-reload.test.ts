// Rootful Podman's aardvark-dns follows the host's DNS only when told: after an in-place write its
// inotify watch misses, it keeps asking the old server until reloadAardvark() (the root helper's
// operation, called in-process: the test runs as root in the lab host's namespace) sends SIGHUP.
// Two dnsmasq servers in the LAN namespace give different answers for one name, so the answer
// says which upstream aardvark-dns asked. Runs in Podman labs only (vitest.config.ts).
import { readFile } from 'node:fs/promises';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { listAardvark, reloadAardvark } from '../../../src/main/privileged/ops/dns/aardvark-reload';
import { labEnv, waitFor } from '../support';
import { A, AardvarkUpstreams, aardvarkAnswer, B, podman } from './aardvark-lab';

describe('aardvark-dns reload after the host DNS changes (lab engine podman5)', () => {
  const upstreams = new AardvarkUpstreams();
  let gateway = '';
  let aardvarkPid = 0;

  /** The address the container gets for the probe name from aardvark-dns (its network's gateway). */
  const answer = () => aardvarkAnswer('avr1', gateway);
  const writeHeldOpen = (text: string) => upstreams.writeHeldOpen(text);

  beforeAll(async () => {
    const { image } = labEnv();
    await upstreams.start();
    await podman('network', 'create', 'avrnet');
    await podman('run', '-d', '--name', 'avr1', '--network', 'avrnet', image, 'sleep', '1d');
    gateway = (await podman('network', 'inspect', 'avrnet', '--format', '{{range .Subnets}}{{.Gateway}}{{end}}')).trim();
    const holder = (await readFile(`${process.env.BP_LAB_DIR}/podman/mntns.pid`, 'utf8')).trim();
    aardvarkPid = Number((await readFile(`/proc/${holder}/root/run/containers/networks/aardvark-dns/aardvark.pid`, 'utf8')).trim());
    await waitFor(async () => ((await answer()) === A.answer ? true : undefined), 10_000, `aardvark-dns answering from ${A.ip}`);
  });

  afterAll(async () => {
    await podman('rm', '-f', '-t', '0', 'avr1').catch(() => undefined);
    await podman('network', 'rm', 'avrnet').catch(() => undefined);
    await upstreams.stop();
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

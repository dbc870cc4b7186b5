// Issue 15: on Docker 29's nftables backend (table ip docker-bridges) Bridgeport sets Docker's
// bridge-accept-fwmark on the packets it accepts, read from the running dockerd. Any user can start a
// process called "dockerd": its argv must not choose that mark (nor a file root reads). The lab runs
// Docker 28, so an empty `table ip docker-bridges` stands in for Docker 29's; the dockerd is a script
// of that name, once as a normal user (ignored: the publish is refused, nothing changes) and once as
// root (its mark is used: the check can tell the two apart).
import { execa, type ResultPromise } from 'execa';
import { chmodSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { bridgeport, run, waitFor } from './support';
import { tempConfigDir } from './publish-support';

const MARK_FLAG = '--bridge-accept-fwmark=0x4000';
let dir: string;
let config: Awaited<ReturnType<typeof tempConfigDir>>;
let fake: ResultPromise | null = null;
const env = () => ({ BRIDGEPORT_CONFIG_DIR: config.dir, BRIDGEPORT_FIREWALL_BACKEND: 'nftables' });
const ruleset = async () => (await run('nft', ['list', 'ruleset'])).replace(/counter packets \d+ bytes \d+/g, 'counter');

/** A process whose comm is "dockerd" and whose argv names a mark, as root or as nobody. */
async function startFakeDockerd(asNobody: boolean): Promise<void> {
  const argv = [join(dir, 'dockerd'), MARK_FLAG];
  // Its own process group (detached), so the script and its sleep go together; no pipes to wait on.
  const options = { reject: false, detached: true, stdio: 'ignore' } as const;
  fake = asNobody ? execa('setpriv', ['--reuid=65534', '--regid=65534', '--clear-groups', ...argv], options) : execa(argv[0]!, argv.slice(1), options);
  const pid = fake.pid!;
  await waitFor(async () => ((await run('cat', [`/proc/${pid}/comm`]).catch(() => '')).trim() === 'dockerd' ? true : undefined), 5_000, 'the fake dockerd');
}

beforeAll(async () => {
  config = await tempConfigDir();
  dir = mkdtempSync(join(tmpdir(), 'bp-fake-dockerd-'));
  chmodSync(dir, 0o755);
  writeFileSync(join(dir, 'dockerd'), '#!/bin/sh\nsleep 300\n', { mode: 0o755 });
  // Docker 29's table has chains; tables are listed by their chains.
  await run('nft', ['add', 'table', 'ip', 'docker-bridges']);
  await run('nft', ['add', 'chain', 'ip', 'docker-bridges', 'filter-FORWARD']);
});

afterEach(async () => {
  if (fake?.pid) process.kill(-fake.pid, 'SIGKILL');
  await fake;
  fake = null;
  await bridgeport(['unpublish', 'w1', '9300'], env());
});

afterAll(async () => {
  await run('nft', ['delete', 'table', 'ip', 'docker-bridges']).catch(() => undefined);
  await config.remove();
  rmSync(dir, { recursive: true, force: true });
});

describe("Docker 29's accept mark comes only from root's dockerd", () => {
  it("a normal user's process called dockerd does not choose it: the publish is refused and nothing changes", async () => {
    await startFakeDockerd(true);
    const before = await ruleset();
    const result = await bridgeport(['publish', 'w1', '9300:80'], env());
    expect(result.exitCode).not.toBe(0);
    expect(result.stderr).toContain('bridge-accept-fwmark');
    expect(await ruleset()).toBe(before);
  });

  it("root's dockerd does: the mark is set on what Bridgeport accepts", async () => {
    await startFakeDockerd(false);
    const result = await bridgeport(['publish', 'w1', '9300:80'], env());
    expect(result.exitCode, result.stderr).toBe(0);
    expect(await run('nft', ['list', 'table', 'inet', 'bridgeport'])).toMatch(/meta mark set .*0x00004000/);
  });
});

// Issue 4: what Bridgeport publishes is remembered. With `bridgeport daemon` running it comes back
// after the container restarts with another IP, after the Docker daemon restarts and after someone
// restores an older rule set; it goes (and the event log says so) when the container is removed;
// and 200 publish/unpublish cycles leave the rule set exactly as it was.
import { readFile } from 'node:fs/promises';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DaemonProcess } from './daemon-process';
import { Engine } from '../../src/main/engine/engine';
import { rootExecutor } from '../../src/main/privileged/root-executor';
import { bridgeport, bridgeportOk, labEnv, repoRoot, run } from './support';
import { ipOf, LAN_IP, linksText, reaches, rulesText, tempConfigDir, waitUntil } from './publish-support';

const LAN = { lan: true } as const;
let config: Awaited<ReturnType<typeof tempConfigDir>>;
let daemon: DaemonProcess;

const cli = (...args: string[]) => bridgeportOk(args, { BRIDGEPORT_CONFIG_DIR: config.dir });

const events = async () => (await readFile(join(config.dir, 'events.jsonl'), 'utf8').catch(() => '')).trim().split('\n').filter(Boolean).map((l) => JSON.parse(l) as { kind: string; message: string });
const mappingsFile = async () => JSON.parse(await readFile(join(config.dir, 'mappings.json'), 'utf8')) as { mappings: Array<{ container: { name: string } }> };

beforeAll(async () => {
  config = await tempConfigDir();
  const { image } = labEnv();
  await run('docker', ['run', '-d', '--name', 'keep1', '--restart', 'unless-stopped', '--stop-timeout', '1', image, 'httpd', '-f', '-p', '80', '-h', '/www']);
  daemon = new DaemonProcess(config.dir);
  await daemon.start();
}, 60_000);

afterAll(async () => {
  await daemon.stop();
  await run('docker', ['rm', '-f', 'keep1', 'keepfill']).catch(() => undefined);
  await bridgeport(['reconcile'], { BRIDGEPORT_CONFIG_DIR: config.dir });
  await config.remove();
});

describe('bridgeport daemon keeps a mapping in force', () => {
  it('after the container restarts with another IP', async () => {
    await cli('publish', 'keep1', '9400:80');
    expect(await reaches(LAN, LAN_IP, 9400)).toBe(true);
    const before = await ipOf('keep1');
    await run('docker', ['stop', 'keep1']);
    // Another container takes the address keep1 had, so keep1 comes back on a new one.
    await run('docker', ['run', '-d', '--name', 'keepfill', labEnv().image, 'sleep', '1d']);
    expect(await ipOf('keepfill')).toBe(before);
    await run('docker', ['start', 'keep1']);
    const after = await ipOf('keep1');
    expect(after).not.toBe(before);
    await waitUntil(() => reaches(LAN, LAN_IP, 9400), 10_000, 'the LAN client to reach keep1 on its new address');
    expect(await rulesText()).toContain(`--dport 9400 -m comment --comment "bridgeport:`);
    expect((await rulesText()).match(new RegExp(`--to-destination ${after.replaceAll('.', '\\.')}:80`, 'g'))).toHaveLength(1);
    // The stale rule to the old address (now keepfill's) is gone.
    expect(await rulesText()).not.toContain(`--to-destination ${before}:80`);
  });

  it('after someone restores an older rule set (a firewall reload)', async () => {
    const older = await run('iptables-save', []);
    await cli('publish', 'keep1', '9401:80');
    expect(await reaches(LAN, LAN_IP, 9401)).toBe(true);
    const restoredBefore = (await events()).filter((e) => e.kind === 'restored').length;
    const withoutOurs = older.split('\n').filter((l) => !l.includes('BRIDGEPORT')).join('\n');
    await run('sh', ['-c', 'iptables-restore <"$0"', await writeTemp(withoutOurs)]);
    // No check that the rules are gone now: the daemon may already have put them back. The
    // 'restored' event below proves they were missing and were rewritten.
    await waitUntil(async () => (await reaches(LAN, LAN_IP, 9401)) && (await reaches(LAN, LAN_IP, 9400)), 10_000, 'both mappings to come back');
    // The event names the drift; if the daemon had not yet taken in the CLI's publish it names that instead.
    const restored = (await events()).filter((e) => e.kind === 'restored').slice(restoredBefore);
    expect(restored.map((e) => e.message)).toContainEqual(expect.stringMatching(/^rules rewritten for 2 active mapping\(s\) \((the rules had been changed outside Bridgeport|another Bridgeport process changed the mappings)/));
  });

  it('after the Docker daemon restarts', async () => {
    const running = (await run('docker', ['ps', '-q', '--no-trunc'])).split('\n').filter(Boolean);
    await run('bash', [resolve(repoRoot, 'test/lab/lab.sh'), '--restart-dockerd', labEnv().lab]);
    try {
      await waitUntil(() => reaches(LAN, LAN_IP, 9400), 30_000, 'keep1 (restart unless-stopped) to be reachable again');
    } finally {
      // The seed containers have no restart policy: start them again for the other test files, oldest first.
      if (running.length) await run('docker', ['start', ...running.reverse()]).catch(() => undefined);
    }
  }, 90_000);

  it('after a reboot: with the rules gone and no Bridgeport running, the next start puts them back', async () => {
    await daemon.stop();
    const withoutOurs = (await run('iptables-save', [])).split('\n').filter((l) => !l.includes('BRIDGEPORT')).join('\n');
    await run('sh', ['-c', 'iptables-restore <"$0"', await writeTemp(withoutOurs)]);
    expect(await reaches(LAN, LAN_IP, 9400)).toBe(false);
    await daemon.start();
    await waitUntil(async () => (await reaches(LAN, LAN_IP, 9400)) && (await reaches(LAN, LAN_IP, 9401)), 10_000, 'both mappings to come back');
  }, 60_000);

  it('goes when the container is removed, and the event log says so', async () => {
    await run('docker', ['rm', '-f', 'keep1']);
    // The file drops them first (it is the source of truth), then the rules follow.
    await waitUntil(async () => (await mappingsFile()).mappings.length === 0, 10_000, 'the mappings of keep1 to be dropped');
    await waitUntil(async () => !(await rulesText()).includes('BRIDGEPORT'), 10_000, 'the rules of keep1 to be removed');
    const removed = (await events()).filter((e) => e.kind === 'removed');
    expect(removed.map((e) => e.message)).toEqual([
      expect.stringMatching(/^container keep1 was removed: its port 9400→80\/tcp is no longer published$/),
      expect.stringMatching(/^container keep1 was removed: its port 9401→80\/tcp is no longer published$/),
    ]);
    expect(daemon.lines.some((l) => l.includes('removed: container keep1 was removed'))).toBe(true);
  });
});

describe('publish and unpublish, 200 times', () => {
  it('leave iptables-save (without counters), the links and route_localnet exactly as they were', async () => {
    const engine = new Engine({ executor: rootExecutor, configDir: config.dir });
    const rulesBefore = await rulesText();
    const linksBefore = await linksText();
    const localnetBefore = await readFile('/proc/sys/net/ipv4/conf/docker0/route_localnet', 'utf8');
    for (let i = 0; i < 200; i++) {
      const protocol = i % 2 === 0 ? 'tcp' : 'udp';
      const hostIp = i % 3 === 0 ? '127.0.0.1' : '';
      await engine.call('ports.publish', { container: 'w2', hostIp, hostPort: 9500 + (i % 7), containerPort: 80, protocol });
      await engine.call('ports.unpublish', { container: 'w2', hostIp, hostPort: 9500 + (i % 7), protocol });
    }
    expect(await rulesText()).toBe(rulesBefore);
    // Hairpin on w2's port stays on once set (harmless, and what Docker does without its proxy); the rest is unchanged.
    expect(JSON.parse(await linksText()).map((l: unknown[]) => l.slice(0, 3))).toEqual(JSON.parse(linksBefore).map((l: unknown[]) => l.slice(0, 3)));
    expect(await readFile('/proc/sys/net/ipv4/conf/docker0/route_localnet', 'utf8')).toBe(localnetBefore);
    engine.stop();
  }, 600_000);
});

async function writeTemp(text: string): Promise<string> {
  const path = join(config.dir, `rules-${Date.now()}.txt`);
  const { writeFile } = await import('node:fs/promises');
  await writeFile(path, text);
  return path;
}

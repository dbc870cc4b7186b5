// Issue 7: live traffic from one /proc/net/dev read per tick, attributed to containers. A LAN client
// pulls 10 MB from w1 through its published port while `bridgeport traffic --json` samples: w1's
// tx (its side) grows by at least that, w2's by almost nothing; dual shows both of its networks; an
// interface deleted and re-created under the same name never gives a negative or absurd rate; the
// engine's samples credit a port Bridgeport published with the bytes both ways.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/main/engine/engine';
import { rootExecutor } from '../../src/main/privileged/root-executor';
import type { TrafficSample } from '../../src/shared/traffic-model';
import { tempConfigDir } from './publish-support';
import { bridgeport, labEnv, repoRoot, run } from './support';

interface Line {
  at: string;
  interfaces: Array<{ name: string; container: { id: string; name: string } | null; rxBytes: number; txBytes: number; rxPackets: number; txPackets: number; rxRate: number; txRate: number }>;
}

const TEN_MB = 10 * 1024 * 1024;
const lab = () => labEnv().lab;

/** `bridgeport traffic --json` running until stopped; every line parsed. */
function startTraffic(intervalMs: number): { lines: Line[]; stop: () => Promise<void>; child: ChildProcess } {
  const child = spawn(process.execPath, [resolve(repoRoot, 'bin/bridgeport.js'), 'traffic', '--json', '--interval', String(intervalMs)], { stdio: ['ignore', 'pipe', 'inherit'] });
  const lines: Line[] = [];
  createInterface({ input: child.stdout! }).on('line', (l) => lines.push(JSON.parse(l) as Line));
  return {
    lines,
    child,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null || child.signalCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

async function until(probe: () => boolean, timeoutMs: number, what: string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (!probe()) {
    if (Date.now() > deadline) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A container's byte totals over all its interfaces, in a CLI line or an engine sample. */
const totalsOf = (line: Pick<Line, 'interfaces'>, container: string) =>
  line.interfaces.filter((i) => i.container?.name === container).reduce((sum, i) => ({ rx: sum.rx + i.rxBytes, tx: sum.tx + i.txBytes }), { rx: 0, tx: 0 });

beforeAll(async () => {
  await run('docker', ['exec', 'w1', 'dd', 'if=/dev/zero', 'of=/www/big', 'bs=1M', 'count=10']);
});

afterAll(async () => {
  await execa('docker', ['exec', 'w1', 'rm', '-f', '/www/big'], { reject: false });
  await execa('ip', ['link', 'del', `${lab()}tv0`], { reject: false });
  await execa('ip', ['netns', 'del', `${lab()}-tr`], { reject: false });
});

describe('bridgeport traffic --json', () => {
  it('credits a 10 MB pull through w1:8080 to w1 (tx, its side) and almost nothing to w2', async () => {
    const traffic = startTraffic(500);
    try {
      await until(() => traffic.lines.length >= 2, 15_000, 'the first samples');
      const before = traffic.lines.at(-1)!;
      for (const line of traffic.lines) expect(Object.keys(line)).toEqual(['at', 'interfaces']);
      for (const i of before.interfaces) expect(Object.keys(i)).toEqual(['name', 'container', 'rxBytes', 'txBytes', 'rxPackets', 'txPackets', 'rxRate', 'txRate']);
      await run('ip', ['netns', 'exec', process.env.BP_LAB_LAN_NS!, 'timeout', '20', 'busybox', 'wget', '-q', '-O', '/dev/null', 'http://198.51.100.1:8080/big']);
      const count = traffic.lines.length;
      await until(() => traffic.lines.length >= count + 2, 10_000, 'samples after the transfer');
      const after = traffic.lines.at(-1)!;
      const w1 = { before: totalsOf(before, 'w1'), after: totalsOf(after, 'w1') };
      const w2 = { before: totalsOf(before, 'w2'), after: totalsOf(after, 'w2') };
      expect(w1.after.tx - w1.before.tx).toBeGreaterThanOrEqual(TEN_MB);
      // w1 received the request and the ACKs: far less than it sent.
      expect(w1.after.rx - w1.before.rx).toBeLessThan(TEN_MB / 4);
      expect(w2.after.tx - w2.before.tx + (w2.after.rx - w2.before.rx)).toBeLessThan(64 * 1024);
      // The rates during the transfer said so too.
      const peak = Math.max(...traffic.lines.flatMap((l) => l.interfaces.filter((i) => i.container?.name === 'w1').map((i) => i.txRate)));
      expect(peak).toBeGreaterThan(1_000_000);
    } finally {
      await traffic.stop();
    }
  });

  it('shows both interfaces of a container on two networks', async () => {
    const result = await execa(process.execPath, [resolve(repoRoot, 'bin/bridgeport.js'), 'traffic', '--json', '--interval', '200', '--count', '1']);
    const line = JSON.parse(result.stdout.trim().split('\n').at(-1)!) as Line;
    const dual = line.interfaces.filter((i) => i.container?.name === 'dual');
    expect(dual).toHaveLength(2);
    expect(new Set(dual.map((i) => i.name)).size).toBe(2);
  });

  it('an interface deleted and re-created does not produce a negative or absurd rate', async () => {
    const ns = `${lab()}-tr`;
    const host = `${lab()}tv0`;
    await run('ip', ['netns', 'add', ns]);
    const make = async () => {
      await run('ip', ['link', 'add', host, 'type', 'veth', 'peer', 'name', 'tv1', 'netns', ns]);
      await run('ip', ['addr', 'add', '10.254.254.1/30', 'dev', host]);
      await run('ip', ['link', 'set', host, 'up']);
      await run('ip', ['-n', ns, 'addr', 'add', '10.254.254.2/30', 'dev', 'tv1']);
      await run('ip', ['-n', ns, 'link', 'set', 'tv1', 'up']);
    };
    await make();
    const traffic = startTraffic(200);
    try {
      await until(() => traffic.lines.length >= 2, 15_000, 'the first samples');
      // Counters well above zero, then the same name again from zero.
      await run('busybox', ['ping', '-c', '300', '-A', '-s', '1400', '-q', '10.254.254.2']);
      await until(() => traffic.lines.some((l) => l.interfaces.some((i) => i.name === host && i.txBytes > 300_000)), 5000, 'the ping to be counted');
      await run('ip', ['link', 'del', host]);
      await make();
      await run('busybox', ['ping', '-c', '5', '-A', '-q', '10.254.254.2']);
      const count = traffic.lines.length;
      await until(() => traffic.lines.length >= count + 3, 10_000, 'samples after the re-creation');
      const seen = traffic.lines.flatMap((l) => l.interfaces.filter((i) => i.name === host));
      expect(seen.some((i) => i.txBytes < 100_000)).toBe(true); // the new one was sampled
      for (const i of seen) {
        for (const rate of [i.rxRate, i.txRate]) {
          expect(rate).toBeGreaterThanOrEqual(0);
          expect(rate).toBeLessThan(1e9);
        }
      }
    } finally {
      await traffic.stop();
    }
  });
});

describe("the engine's traffic samples per published port", () => {
  it('credit a port Bridgeport published on w1 with the bytes both ways; leave Docker\'s 8080 unknown', async () => {
    const config = await tempConfigDir();
    const env = { BRIDGEPORT_CONFIG_DIR: config.dir };
    const published = await bridgeport(['publish', 'w1', '9611:80'], env);
    expect(published.exitCode, published.stderr).toBe(0);
    const engine = new Engine({ executor: rootExecutor, configDir: config.dir });
    // Watching traffic is what makes a sample read the firewall (ports and rules).
    const unsubscribe = engine.subscribe('traffic', () => undefined);
    const portOf = (s: TrafficSample, hostPort: number) => s.ports.find((p) => p.hostPort === hostPort && p.protocol === 'tcp' && p.container.name === 'w1')!;
    const settle = () => new Promise((r) => setTimeout(r, 1200));
    try {
      await settle();
      const before = await engine.sampleTraffic();
      await run('ip', ['netns', 'exec', process.env.BP_LAB_LAN_NS!, 'timeout', '20', 'busybox', 'wget', '-q', '-O', '/dev/null', 'http://198.51.100.1:9611/big']);
      // Past the shared firewall read's 0.9 s, as the next 1 s tick would be.
      await settle();
      const after = await engine.sampleTraffic();
      const out = portOf(after, 9611).bytesFromPort! - portOf(before, 9611).bytesFromPort!;
      const into = portOf(after, 9611).bytesToPort! - portOf(before, 9611).bytesToPort!;
      const seen = { rx: totalsOf(after, 'w1').rx - totalsOf(before, 'w1').rx, tx: totalsOf(after, 'w1').tx - totalsOf(before, 'w1').tx };
      // The 10 MB file out of the port, its request and ACKs into it; IP bytes, so a little under
      // what w1's interface counted with Ethernet headers.
      expect(out).toBeGreaterThanOrEqual(TEN_MB);
      expect(out).toBeLessThanOrEqual(seen.tx);
      // (GRO and delayed ACKs keep the ACKs for 10 MB to some KiB.)
      expect(into).toBeGreaterThan(1024);
      expect(into).toBeLessThanOrEqual(seen.rx);
      expect(into).toBeGreaterThan(seen.rx * 0.7);
      expect(portOf(after, 9611).connections).toBeGreaterThan(portOf(before, 9611).connections);
      expect(portOf(after, 8080)).toMatchObject({ bytesToPort: null, bytesFromPort: null });
    } finally {
      unsubscribe();
      engine.stop();
      await bridgeport(['unpublish', 'w1', '9611'], env);
      await config.remove();
    }
  });
});

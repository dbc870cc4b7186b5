// Benchmark (issue 7, 1): what live traffic costs. Bridgeport samples every interface once a second
// with one /proc/net/dev read; Docker's own stats (what `docker stats` and Docker/Podman Desktop use)
// stream per container from dockerd. Measured side by side in one run, inside a lab:
//   sudo bash test/lab/lab.sh npx tsx scripts/bench-traffic.ts [--veths 500] [--containers 100] [--seconds 20]
// Bridgeport: the sampler in-process over N veth pairs (host ends here, peers in a lab namespace),
// CPU of this process per second (process.cpuUsage) while it samples at 1 Hz, attributing every
// interface. Docker: CPU of the lab's dockerd, containerd and shims (+ the docker CLI streaming) per
// second while `docker stats` streams M containers, minus the same daemons' idle CPU over as long.
import { spawn } from 'node:child_process';
import { readFile, readdir } from 'node:fs/promises';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { takeSnapshot } from '../src/main/engine/snapshot/take-snapshot';
import { readAccessOf } from '../src/main/engine/access/privileged-reads';
import { rootAccess } from '../src/main/privileged/root-executor';
import { EngineSet } from '../src/main/engine/engines/engine-set';
import { TrafficSampler } from '../src/main/engine/traffic/traffic-sampler';

const { values } = parseArgs({ options: { veths: { type: 'string', default: '500' }, containers: { type: 'string', default: '100' }, seconds: { type: 'string', default: '20' } } });
const vethCount = Number(values.veths);
const containerCount = Number(values.containers);
const seconds = Number(values.seconds);
const { BP_LAB: lab, BP_LAB_DIR: labDir, BP_LAB_IMAGE: image } = process.env;
if (!lab || !labDir || !image) throw new Error('run inside test/lab/lab.sh');
const ns = `${lab}-tb`;
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const TICKS_PER_SECOND = 100; // USER_HZ on Linux

/** utime + stime of a process, in seconds. */
async function cpuOf(pid: number): Promise<number> {
  try {
    const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
    const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
  } catch {
    return 0;
  }
}

/** The lab's Docker side: dockerd, its containerd and every shim of that containerd. */
async function dockerPids(): Promise<number[]> {
  const pids = [Number(await readFile(`${labDir}/dockerd.pid`, 'utf8')), Number(await readFile(`${labDir}/ctd/containerd.pid`, 'utf8'))];
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const argv = await readFile(`/proc/${entry}/cmdline`, 'utf8').catch(() => '');
    if (argv.includes('containerd-shim') && argv.includes(`${labDir}/ctd/containerd.sock`)) pids.push(Number(entry));
  }
  return pids;
}

async function cpuOfAll(pids: number[]): Promise<number> {
  return (await Promise.all(pids.map(cpuOf))).reduce((a, b) => a + b, 0);
}

async function makeVeths(): Promise<void> {
  await execa('ip', ['netns', 'add', ns]);
  // One batch: `ip -batch` makes 500 pairs in well under a second.
  const lines = [];
  for (let i = 0; i < vethCount; i++) lines.push(`link add ${lab}b${i} type veth peer name p${i} netns ${ns}`, `link set ${lab}b${i} up`);
  await execa('ip', ['-batch', '-'], { input: lines.join('\n') });
}

/** CPU seconds per second of this process over `seconds`, doing `each` once a second. */
async function processCpu(each: () => Promise<unknown>): Promise<number> {
  const start = process.cpuUsage();
  const t0 = Date.now();
  for (let s = 0; s < seconds; s++) {
    await sleep(1000 - ((Date.now() - t0) % 1000));
    await each();
  }
  const used = process.cpuUsage(start);
  return (used.user + used.system) / 1e6 / ((Date.now() - t0) / 1000);
}

async function bridgeportCost(): Promise<number> {
  const sampler = new TrafficSampler();
  const snapshot = await takeSnapshot(new EngineSet(), readAccessOf(rootAccess), null);
  let interfaces = (await sampler.sample(snapshot)).interfaces.length;
  // The same process doing nothing but its 1 Hz timer: what Node costs anyway (as Docker's idle is subtracted below).
  const idle = await processCpu(async () => undefined);
  const busy = await processCpu(async () => (interfaces = (await sampler.sample(snapshot)).interfaces.length));
  const ms = (x: number) => `${(x * 1000).toFixed(2)} ms`;
  console.log(
    `bridgeport: ${interfaces} interfaces sampled at 1 Hz for ${seconds} s: the process used ${ms(busy)} CPU per second (${(busy * 100).toFixed(3)}% of one core), ${ms(idle)} of it without sampling; sampling itself ${ms(busy - idle)} = ${((busy - idle) * 100).toFixed(3)}%`,
  );
  return busy;
}

async function dockerCost(): Promise<number> {
  console.log(`starting ${containerCount} containers …`);
  for (let i = 0; i < containerCount; i++) await execa('docker', ['run', '-d', '--name', `tb${i}`, image!, 'sleep', '1d']);
  await sleep(3000);
  const pids = await dockerPids();
  const idle0 = await cpuOfAll(pids);
  await sleep(seconds * 1000);
  const idle = ((await cpuOfAll(pids)) - idle0) / seconds;
  const stats = spawn('docker', ['stats', '--format', '{{.Name}} {{.NetIO}}'], { stdio: ['ignore', 'ignore', 'ignore'] });
  await sleep(3000); // its streams are open
  const [d0, c0] = [await cpuOfAll(pids), await cpuOf(stats.pid!)];
  await sleep(seconds * 1000);
  const busy = ((await cpuOfAll(pids)) - d0) / seconds;
  const cli = ((await cpuOf(stats.pid!)) - c0) / seconds;
  stats.kill('SIGTERM');
  const perSecond = busy - idle + cli;
  console.log(
    `docker stats: ${containerCount} containers: daemons ${(busy * 100).toFixed(1)}% of a core streaming vs ${(idle * 100).toFixed(1)}% idle, CLI ${(cli * 100).toFixed(1)}%: ${(perSecond * 100).toFixed(1)}% of one core for the stats`,
  );
  return perSecond;
}

try {
  await makeVeths();
  const bridgeport = await bridgeportCost();
  // 500 extra links slow dockerd's own netlink work down: gone before the containers start.
  await execa('ip', ['netns', 'del', ns]);
  const docker = await dockerCost();
  const perInterface = bridgeport / vethCount;
  const perContainer = docker / containerCount;
  console.log(`\nper container: bridgeport ${(perInterface * 1e6).toFixed(1)} µs CPU/s per interface vs docker stats ${(perContainer * 1e6).toFixed(0)} µs CPU/s per container`);
  console.log(`target ≤ 1% of one core: ${(bridgeport * 100).toFixed(3)}% (whole process); docker stats / bridgeport per container: ${(perContainer / perInterface).toFixed(0)}× (target ≥ 20×)`);
} finally {
  const ids = (await execa('docker', ['ps', '-aq', '--filter', 'name=^tb'], { reject: false })).stdout.split('\n').filter(Boolean);
  if (ids.length > 0) await execa('docker', ['rm', '-f', ...ids], { reject: false });
  await execa('ip', ['netns', 'del', ns], { reject: false });
}

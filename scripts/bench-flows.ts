// Benchmark (issue 17, Performance): what following flows costs, for two kinds of churn: the host's
// own connections (a LAN client to a server on the host, which the privileged side leaves out before
// parsing), and connections to a container through a published port (LAN → host:7003, DNAT to a
// server in the container's namespace), every one of which the engine parses and attributes.
// Bridgeport's flows engine keeps one `conntrack -E` (CONNTRACK_EVENTS_ARGV) and polls its buffer
// every 500 ms; the floor is that same `conntrack -E`, with the same flags, writing to /dev/null and
// nothing else. Measured side by side in one run, inside a lab:
//   sudo bash test/lab/lab.sh npx tsx scripts/bench-flows.ts [--held 10000] [--rates 0,100,500] [--seconds 20] [--churn host,container]
// Load: a small Node TCP server on the lab host's uplink (198.51.100.1) and one Node client in the LAN
// namespace that holds N connections open and churns K new ones a second (the server closes each
// churned connection at once). Both are separate processes, so their CPU is not counted.
// Bridgeport: the engine in-process, watching as `flows --watch` does (`startWatching`, `watchFlows`), this process's CPU (process.cpuUsage) plus its
// `conntrack -E` child's (/proc/PID/stat) plus the commands it ran and that ended in the phase (the
// `conntrack -L` table reads after lost events: /proc/self/stat cutime+cstime), per rate; the node
// figure is also split by thread (the JavaScript thread, V8's GC/compiler helpers) and user/system.
// Baseline: a lone conntrack -E with the engine's flags `> /dev/null`, per rate, in its own phase after the engine stopped.
// Both as % of one core.
// Same flags on both sides, so the ratio compares what Bridgeport adds, not what the flags save:
// `-o id,timestamp` (no `extended`: the family comes from the addresses, mark/zone/use are unused;
// fewer bytes per event for conntrack to print and Node to read) and `-b` (a netlink buffer that
// rides out a loaded moment). Every event type is kept (no `-e NEW,DESTROY`, which cut conntrack's
// own CPU here from about 3.6% to 1.2% of a core at 500 flows/s): a churned TCP flow is 7 events
// (NEW, UPDATE SYN_RECV, ESTABLISHED, FIN_WAIT, LAST_ACK, TIME_WAIT, DESTROY) and the updates carry
// what the view shows, the state and the end of a TCP flow at TIME_WAIT/CLOSE instead of when
// conntrack forgets it (2 min later). conntrack's own filters select by protocol (`--state` only
// with `-p tcp`), not by event type, so one conntrack cannot keep every NEW/DESTROY and only some
// updates. Instead the helper drops, unparsed, each update a later update of the same connection
// in the same batch supersedes (superseded-updates.ts): 4 of those 7 lines.
// conntrack's TIME_WAIT timeout is lowered in the lab host's namespace only, so every churned flow
// also ends (its destroy event) within the phase: the steady state of a long churn.
// The lab's kernel reports ENOBUFS now and then even with a large -b (the lone conntrack -E too):
// the engine then reads the whole table again; how often is printed per phase.
import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { open, mkdtemp, readdir, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { Engine } from '../src/main/engine/engine';
import { rootExecutor } from '../src/main/privileged/root-executor';
import type { PrivilegedExecutor } from '../src/main/privileged/contract/operations';
import { CONNTRACK_EVENTS_ARGV, flowWatcherPid, stopFlowWatcher } from '../src/main/privileged/ops/flows/conntrack-events';

const { values } = parseArgs({ options: { held: { type: 'string', default: '10000' }, rates: { type: 'string', default: '100,500' }, seconds: { type: 'string', default: '20' }, churn: { type: 'string', default: 'host,container' } } });
const held = Number(values.held);
const rates = values.rates.split(',').map(Number);
type ChurnTarget = 'host' | 'container';
const targets = values.churn.split(',') as ChurnTarget[];
if (targets.some((t) => t !== 'host' && t !== 'container')) throw new Error('--churn takes host, container or both');
const seconds = Number(values.seconds);
const { BP_LAB: lab, BP_LAB_LAN_NS: lanNs, BP_LAB_IMAGE: image } = process.env;
if (!lab || !lanNs || !image) throw new Error('run inside test/lab/lab.sh');

const SERVER_IP = '198.51.100.1';
const HOLD_PORT = 7001;
const CHURN_PORT = 7002;
/** The host port published to CHURN_PORT in the churn container. */
const PUBLISHED_PORT = 7003;
const CHURN_CONTAINER = 'bp-bench-churn';
const churnPort = (target: ChurnTarget) => (target === 'host' ? CHURN_PORT : PUBLISHED_PORT);
const WARMUP_MS = 3000;
const TIME_WAIT_S = 2;
const TICKS_PER_SECOND = 100; // USER_HZ on Linux
const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));
const pct = (x: number) => `${(x * 100).toFixed(2)}%`;

// The server: held connections stay, churned ones are closed by the server at once.
const SERVER = `
import net from 'node:net';
const sockets = new Set();
net.createServer((s) => { sockets.add(s); s.on('error', () => {}); s.on('close', () => sockets.delete(s)); }).listen(${HOLD_PORT}, '${SERVER_IP}', 4096);
net.createServer((s) => { s.on('error', () => {}); s.end(); }).listen(${CHURN_PORT}, '${SERVER_IP}', 4096, () => console.log('ready'));
`;

// The container's server: churned connections closed at once (in the container's network namespace).
const CONTAINER_SERVER = `
import net from 'node:net';
net.createServer((s) => { s.on('error', () => {}); s.end(); }).listen(${CHURN_PORT}, '0.0.0.0', 4096, () => console.log('ready'));
`;

// The client: "hold N" opens N connections (500 at a time), "rate K PORT" churns K a second to PORT, "count" reports.
const CLIENT = `
import net from 'node:net';
import { createInterface } from 'node:readline';
const held = [];
let rate = 0, port = ${CHURN_PORT}, due = 0, done = 0, failed = 0, last = Date.now();
const connect = (port) => new Promise((ok) => {
  const s = net.connect(port, '${SERVER_IP}');
  s.on('connect', () => ok(s));
  s.on('error', () => { failed++; ok(null); });
});
setInterval(() => {
  const now = Date.now();
  due += (rate * (now - last)) / 1000;
  last = now;
  for (; due >= 1; due--) connect(port).then((s) => { if (s) { s.resume(); s.on('close', () => done++); } });
}, 20);
createInterface({ input: process.stdin }).on('line', async (line) => {
  const [cmd, n] = line.split(' ');
  if (cmd === 'rate') { rate = Number(n); port = Number(line.split(' ')[2] ?? port); due = 0; }
  if (cmd === 'count') console.log('count', done, failed);
  if (cmd === 'hold') {
    for (let i = 0; i < Number(n); i += 500) {
      const batch = await Promise.all(Array.from({ length: Math.min(500, Number(n) - i) }, () => connect(${HOLD_PORT})));
      held.push(...batch.filter(Boolean));
    }
    console.log('held', held.length, failed);
  }
});
`;

/** utime + stime of a process (or of one thread: /proc/PID/task/TID), in seconds. */
async function cpuOf(pid: number | string): Promise<number> {
  const stat = await readFile(`/proc/${pid}/stat`, 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[11]) + Number(fields[12])) / TICKS_PER_SECOND;
}

/** CPU of this process's children that ended (and were reaped), in seconds: the engine's `conntrack -L` table reads. */
async function endedChildrenCpu(): Promise<number> {
  const stat = await readFile('/proc/self/stat', 'utf8');
  const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
  return (Number(fields[13]) + Number(fields[14])) / TICKS_PER_SECOND;
}

/** This process's CPU split by thread: the JavaScript thread, V8's helpers (GC, compiler), the rest (libuv's pool…). */
async function threadsCpu(): Promise<{ main: number; v8: number; other: number }> {
  const split = { main: 0, v8: 0, other: 0 };
  for (const tid of await readdir('/proc/self/task')) {
    const [cpu, comm] = await Promise.all([cpuOf(`self/task/${tid}`), readFile(`/proc/self/task/${tid}/comm`, 'utf8')]).catch(() => [0, ''] as const);
    if (Number(tid) === process.pid) split.main += cpu;
    else if (comm.startsWith('V8')) split.v8 += cpu;
    else split.other += cpu;
  }
  return split;
}

/** The in-process executor, counting the engine's full table reads and event reads that said events were lost. */
const counts = { tableReads: 0, lostReads: 0 };
async function countingExecutor(): Promise<PrivilegedExecutor> {
  const inner = await rootExecutor();
  return {
    run: async (op, args) => {
      const result = await inner.run(op, args);
      if (op === 'flows.list') counts.tableReads++;
      if (op === 'flows.events' && (result as { lost?: boolean }).lost) counts.lostReads++;
      return result;
    },
    close: () => inner.close(),
  };
}

const sysctl = (key: string) => `/proc/sys/${key.replaceAll('.', '/')}`;
const readSysctl = async (key: string) => (await readFile(sysctl(key), 'utf8')).trim();

/** A Node child allowed many file descriptors; `next(prefix)` waits for its next stdout line with that prefix. */
/** Where a child runs: the lab host's namespace, a named one, or a container's (by its pid). */
type Place = null | { netns: string } | { pid: number };

function nodeChild(file: string, place: Place): { child: ChildProcess; next: (prefix: string) => Promise<string[]> } {
  // As many descriptors as the hard limit allows (raising it needs CAP_SYS_RESOURCE).
  const command = `ulimit -n "$(ulimit -Hn)"; exec "${process.execPath}" "${file}"`;
  const enter = place === null ? [] : 'netns' in place ? ['ip', 'netns', 'exec', place.netns] : ['nsenter', '-t', String(place.pid), '-n'];
  const argv = [...enter, 'bash', '-c', command];
  const child = spawn(argv[0]!, argv.slice(1), { stdio: ['pipe', 'pipe', 'inherit'] });
  const waiting: Array<{ prefix: string; resolve: (words: string[]) => void; reject: (error: Error) => void }> = [];
  createInterface({ input: child.stdout! }).on('line', (line) => {
    const i = waiting.findIndex((w) => line.startsWith(w.prefix));
    if (i >= 0) waiting.splice(i, 1)[0]!.resolve(line.split(' ').slice(1));
  });
  let exited: Error | null = null;
  child.once('exit', (code) => {
    exited = new Error(`${file} exited (${code})`);
    waiting.splice(0).forEach((w) => w.reject(exited!));
  });
  const next = (prefix: string) =>
    new Promise<string[]>((resolve, reject) => (exited ? reject(exited) : waiting.push({ prefix, resolve, reject })));
  return { child, next };
}

type Client = ReturnType<typeof nodeChild>;
const say = (c: Client, line: string) => c.child.stdin!.write(`${line}\n`);
const churned = async (c: Client) => {
  const wait = c.next('count');
  say(c, 'count');
  const [done, failed] = await wait;
  return { done: Number(done), failed: Number(failed) };
};

interface Phase {
  target: ChurnTarget;
  rate: number;
  cpu: number;
  /** The same, per process measured (Bridgeport: this process, its conntrack -E). */
  parts: number[];
  flowsPerSecond: number;
  failed: number;
  /** The engine's full conntrack table reads (after lost events) and reads that said events were lost. */
  tableReads: number;
  lostReads: number;
}

/** CPU seconds per second of the processes `cpu()` reads, over `seconds` while the client churns at `rate`. */
async function phase(client: Client, target: ChurnTarget, rate: number, cpu: () => Promise<number[]>): Promise<Phase> {
  say(client, `rate ${rate} ${churnPort(target)}`);
  await sleep(WARMUP_MS);
  const [c0, n0, t0, k0] = [await cpu(), await churned(client), Date.now(), { ...counts }];
  await sleep(seconds * 1000);
  const [c1, n1, t1] = [await cpu(), await churned(client), Date.now()];
  say(client, 'rate 0');
  const elapsed = (t1 - t0) / 1000;
  await sleep(TIME_WAIT_S * 1000 + 1000); // the last flows end before the next phase
  const parts = c1.map((c, i) => (c - c0[i]!) / elapsed);
  return { target, rate, cpu: (parts[0] ?? 0) + (parts[1] ?? 0) + (parts[7] ?? 0), parts, flowsPerSecond: (n1.done - n0.done) / elapsed, failed: n1.failed - n0.failed, tableReads: counts.tableReads - k0.tableReads, lostReads: counts.lostReads - k0.lostReads };
}

const dir = await mkdtemp(join(tmpdir(), 'bridgeport-bench-flows-'));
const config = join(dir, 'config');
const children: ChildProcess[] = [];
let engine: Engine | null = null;
let timeWait: string | null = null;
try {
  await writeFile(join(dir, 'server.mjs'), SERVER);
  await writeFile(join(dir, 'client.mjs'), CLIENT);
  const max = Number(await readSysctl('net.netfilter.nf_conntrack_max'));
  const needed = held + Math.max(...rates) * (TIME_WAIT_S + 5) + 1000;
  if (max < needed) throw new Error(`nf_conntrack_max is ${max} in the lab host's namespace; ${needed} needed`);
  timeWait = await readSysctl('net.netfilter.nf_conntrack_tcp_timeout_time_wait');
  await writeFile(sysctl('net.netfilter.nf_conntrack_tcp_timeout_time_wait'), String(TIME_WAIT_S));

  const server = nodeChild(join(dir, 'server.mjs'), null);
  children.push(server.child);
  await server.next('ready');
  if (targets.includes('container')) {
    // A container publishing PUBLISHED_PORT, its server a Node process in the container's network
    // namespace (the lab image has no Node); started before the engine, so the snapshot knows it.
    execFileSync('docker', ['rm', '-f', CHURN_CONTAINER], { stdio: 'ignore' });
    execFileSync('docker', ['run', '-d', '--name', CHURN_CONTAINER, '-p', `${PUBLISHED_PORT}:${CHURN_PORT}`, image, 'sleep', '3600'], { stdio: 'ignore' });
    const pid = Number(execFileSync('docker', ['inspect', '-f', '{{.State.Pid}}', CHURN_CONTAINER], { encoding: 'utf8' }).trim());
    await writeFile(join(dir, 'container-server.mjs'), CONTAINER_SERVER);
    const inContainer = nodeChild(join(dir, 'container-server.mjs'), { pid });
    children.push(inContainer.child);
    await inContainer.next('ready');
  }
  const client = nodeChild(join(dir, 'client.mjs'), { netns: lanNs });
  children.push(client.child);
  const holding = client.next('held');
  say(client, `hold ${held}`);
  const [heldOpen, failedToHold] = await holding;
  console.log(`${heldOpen} connections held open (${failedToHold} failed); nf_conntrack_max ${max}; TIME_WAIT in conntrack ${TIME_WAIT_S} s (was ${timeWait} s)`);

  // Bridgeport: the engine follows flows; the first poll reads the whole table and starts conntrack -E.
  // As `flows --watch` and the app run it: watching (so flows are attributed from the latest snapshot,
  // not from one taken per poll) and following flows.
  engine = new Engine({ executor: countingExecutor, configDir: config });
  engine.startWatching();
  let delivered = 0;
  engine.watchFlows((events) => (delivered += events.length));
  for (let i = 0; i < 100 && flowWatcherPid() === null; i++) await sleep(100);
  const watcherPid = flowWatcherPid();
  if (watcherPid === null) throw new Error('the engine did not start conntrack -E');
  await sleep(2000);
  const engineCpu = async () => {
    const own = process.cpuUsage();
    const threads = await threadsCpu();
    // Counted: this process, its conntrack -E and the commands it ran meanwhile (conntrack -L after lost
    // events); the thread split and user/system are shown, not added.
    return [(own.user + own.system) / 1e6, await cpuOf(watcherPid), threads.main, threads.v8, threads.other, own.user / 1e6, own.system / 1e6, await endedChildrenCpu()];
  };
  const bridgeport: Phase[] = [];
  for (const target of targets) for (const rate of rates) bridgeport.push(await phase(client, target, rate, engineCpu));
  engine.stop();
  engine = null;
  stopFlowWatcher();

  // Baseline: conntrack -E alone, its output thrown away.
  const sink = await open('/dev/null', 'w');
  const [file, ...args] = CONNTRACK_EVENTS_ARGV;
  const lone = spawn(file, args, { stdio: ['ignore', sink.fd, 'pipe'] });
  children.push(lone);
  let enobufs = 0;
  createInterface({ input: lone.stderr! }).on('line', (line) => line.includes('ENOBUFS') && enobufs++);
  await sleep(1000);
  const baseline: Phase[] = [];
  for (const target of targets) for (const rate of rates) baseline.push(await phase(client, target, rate, async () => [await cpuOf(lone.pid!)]));
  lone.kill('SIGTERM');
  await sink.close();

  console.log(`\n${heldOpen} held connections, ${seconds} s per phase, both sides running ${CONNTRACK_EVENTS_ARGV.join(' ')}; ${delivered} container flow events reached the listener`);
  for (const [i, b] of bridgeport.entries()) {
    const base = baseline[i]!;
    console.log(
      `${b.target === 'host' ? "host's own" : 'to a container (DNAT)'}, ${b.rate} new flows/s (achieved ${b.flowsPerSecond.toFixed(0)} / ${base.flowsPerSecond.toFixed(0)}, failed ${b.failed} / ${base.failed}): ` +
        `bridgeport ${pct(b.cpu)} of one core (node ${pct(b.parts[0]!)} [JS thread ${pct(b.parts[2]!)}, V8 helpers ${pct(b.parts[3]!)}, other threads ${pct(b.parts[4]!)}; user ${pct(b.parts[5]!)}, system ${pct(b.parts[6]!)}] + its conntrack -E ${pct(b.parts[1]!)} + commands it ran ${pct(b.parts[7]!)}), conntrack -E alone ${pct(base.cpu)}, ratio ${base.cpu > 0 ? `${(b.cpu / base.cpu).toFixed(2)}×` : '—'}; ` +
        `the engine read the whole table ${b.tableReads} times after ${b.lostReads} reads that said events were lost`,
    );
  }
  if (enobufs > 0) console.log(`the lone conntrack -E lost events ${enobufs} times (ENOBUFS)`);
  for (const target of targets) {
    const mine = bridgeport.filter((b) => b.target === target && b.rate > 0);
    const at100 = mine.find((p) => p.rate === 100);
    const worst = Math.max(...mine.map((b) => b.cpu / baseline[bridgeport.indexOf(b)]!.cpu));
    console.log(
      `${target === 'host' ? "host's own churn" : 'churn to a container'}: target within 2× of conntrack -E: worst ratio ${worst.toFixed(2)}×; ` +
        `target ≤ 5% of one core at 100 flows/s: ${at100 ? pct(at100.cpu) : 'not measured (add 100 to --rates)'}`,
    );
  }
} finally {
  engine?.stop();
  stopFlowWatcher();
  for (const child of children) if (child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  if (targets.includes('container')) execFileSync('docker', ['rm', '-f', CHURN_CONTAINER], { stdio: 'ignore' });
  if (timeWait !== null) await writeFile(sysctl('net.netfilter.nf_conntrack_tcp_timeout_time_wait'), timeWait).catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
}

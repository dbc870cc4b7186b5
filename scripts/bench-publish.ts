// Benchmark (issue 4): publish → reachable from a LAN client, median over N publishes, beside the
// time `docker run -p` takes for the same image to become reachable, in one run. Run inside a lab:
//   sudo bash test/lab/lab.sh npx tsx scripts/bench-publish.ts [--rounds 50]
// Bridgeport publishes through the engine in-process (what the app's main process and `bridgeport
// daemon` do; the CLI adds Node's start-up). Reachable = a TCP connection from the LAN namespace is
// accepted by the container's httpd, probed every 2 ms by one resident prober for both.
import { spawn } from 'node:child_process';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { Engine } from '../src/main/engine/engine';
import { rootExecutor } from '../src/main/privileged/root-executor';
import { median } from './lib/bench-stats';

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '50' } } });
const rounds = Number(values.rounds);
const image = process.env.BP_LAB_IMAGE;
const lan = process.env.BP_LAB_LAN_NS;
if (!process.env.BP_LAB || !image || !lan) throw new Error('run inside test/lab/lab.sh');
const LAN_IP = '198.51.100.1';

const docker = (args: string[]) => execa('docker', args).then((r) => r.stdout);

/** One prober in the LAN namespace: ask it for a port, it answers when a connection got through. */
function startProber(): (port: number) => Promise<void> {
  const child = spawn('ip', ['netns', 'exec', lan!, process.execPath, resolve(import.meta.dirname, 'lib/tcp-prober.mjs')], { stdio: ['pipe', 'pipe', 'inherit'] });
  const answers = createInterface({ input: child.stdout! });
  const waiting: Array<(line: string) => void> = [];
  answers.on('line', (line) => waiting.shift()?.(line));
  process.once('exit', () => child.kill());
  return (port) =>
    new Promise((done, fail) => {
      waiting.push((line) => (line === 'ok' ? done() : fail(new Error(`port ${port} never became reachable`))));
      child.stdin!.write(`${LAN_IP} ${port}\n`);
    });
}

const p95 = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
const ms = (t0: bigint) => Number(process.hrtime.bigint() - t0) / 1e6;

async function main(): Promise<void> {
  const reachable = startProber();
  const config = await mkdtemp(join(tmpdir(), 'bench-publish-'));
  const engine = new Engine({ executor: rootExecutor, configDir: config });
  await docker(['run', '-d', '--name', 'benchweb', image!, 'httpd', '-f', '-p', '80', '-h', '/www']);
  const bridgeport: number[] = [];
  const dockerRun: number[] = [];
  try {
    // One warm-up publish each way (first reads learn the firewall variant).
    await engine.call('ports.publish', { container: 'benchweb', hostPort: 9799, containerPort: 80 });
    await engine.call('ports.unpublish', { container: 'benchweb', hostPort: 9799 });
    for (let i = 0; i < rounds; i++) {
      const port = 9800 + i;
      const t0 = process.hrtime.bigint();
      await engine.call('ports.publish', { container: 'benchweb', hostPort: port, containerPort: 80 });
      await reachable(port);
      bridgeport.push(ms(t0));
      await engine.call('ports.unpublish', { container: 'benchweb', hostPort: port });

      const dockerPort = 10800 + i;
      const t1 = process.hrtime.bigint();
      await docker(['run', '-d', '--name', `benchrun${i}`, '-p', `${dockerPort}:80`, image!, 'httpd', '-f', '-p', '80', '-h', '/www']);
      await reachable(dockerPort);
      dockerRun.push(ms(t1));
      await docker(['rm', '-f', `benchrun${i}`]);
    }
  } finally {
    engine.stop();
    await docker(['rm', '-f', 'benchweb']).catch(() => undefined);
    await rm(config, { recursive: true, force: true });
  }
  const line = (name: string, xs: number[]) => `${name.padEnd(38)} median ${median(xs).toFixed(1)} ms   p95 ${p95(xs).toFixed(1)} ms`;
  console.log(`publish → reachable from the LAN client, ${rounds} rounds`);
  console.log(line('bridgeport publish (running container)', bridgeport));
  console.log(line('docker run -p (new container)', dockerRun));
  console.log(`ratio bridgeport/docker run -p (medians): ${(median(bridgeport) / median(dockerRun)).toFixed(2)}   target: bridgeport median ≤ 200 ms`);
  process.exit(0);
}

void main();

// Benchmark: the engine's snapshot (warm, in-process) side by side with the minimal CLI pipeline a
// user would run for the same facts, in one run, on the same lab host. Run inside a lab:
//   sudo bash test/lab/lab.sh npx tsx scripts/bench-snapshot.ts [--containers 50] [--rounds 15]
// Prints the medians and the ratios engine/pipeline (target ≤ 1.0 at 50 containers), for the live
// engine (watching: namespaces whose inside did not change are not entered again) and for a snapshot
// that enters every namespace (what `bridgeport snapshot` does once).
import { execa } from 'execa';
import { parseArgs } from 'node:util';
import { median, timed } from './lib/bench-stats';
import { EngineSet } from '../src/main/engine/engines/engine-set';
import { Engine } from '../src/main/engine/engine';
import { rootAccess, rootExecutor } from '../src/main/privileged/root-executor';
import { readAccessOf } from '../src/main/engine/access/privileged-reads';
import { takeSnapshot } from '../src/main/engine/snapshot/take-snapshot';

const { values } = parseArgs({
  options: { containers: { type: 'string', default: '50' }, rounds: { type: 'string', default: '15' } },
});
const containerCount = Number(values.containers);
const rounds = Number(values.rounds);
const image = process.env.BP_LAB_IMAGE;
if (!process.env.BP_LAB || !image) throw new Error('run inside test/lab/lab.sh');

const docker = (args: string[]) => execa('docker', args).then((r) => r.stdout);

async function setUp(): Promise<void> {
  // Half on the default bridge, half on a user network: both kinds of bridge and veth in play.
  await docker(['network', 'create', '--subnet', '172.30.0.0/16', 'benchnet']);
  const started = Date.now();
  for (let i = 0; i < containerCount; i++) {
    await docker(['run', '-d', '--name', `bench${i}`, ...(i % 2 ? ['--network', 'benchnet'] : []), image!, 'sleep', '1d']);
  }
  console.error(`[bench] ${containerCount} containers started in ${((Date.now() - started) / 1000).toFixed(1)} s`);
}

/** What a user types for the same facts: containers, every network, every running container, links. */
async function cliPipeline(): Promise<void> {
  const ids = (await docker(['ps', '-q', '--no-trunc'])).split('\n').filter(Boolean);
  const networks = (await docker(['network', 'ls', '-q'])).split('\n').filter(Boolean);
  await docker(['network', 'inspect', ...networks]);
  await docker(['inspect', ...ids]);
  await execa('ip', ['-j', '-d', 'link', 'show']);
}

await setUp();
// The live engine as the app and `serve` run it: watching, so only changed namespaces are entered.
const engine = new Engine({ executor: rootExecutor });
engine.startWatching();
const client = new EngineSet();
// Warm up all sides: module loading, the Docker client's connections, the page cache, the cache.
const warm = await engine.refreshNow();
await takeSnapshot(client, readAccessOf(rootAccess));
await cliPipeline();
const matched = warm.containers.flatMap((c) => c.endpoints).filter((e) => e.hostVeth).length;
console.error(`[bench] snapshot sees ${warm.containers.length} containers, ${matched} veths matched exactly`);

const liveMs: number[] = [];
const coldMs: number[] = [];
const pipelineMs: number[] = [];
for (let i = 0; i < rounds; i++) {
  // Interleaved, so drift on the machine affects every side alike.
  liveMs.push(await timed(() => engine.refreshNow()));
  coldMs.push(await timed(() => takeSnapshot(client, readAccessOf(rootAccess))));
  pipelineMs.push(await timed(cliPipeline));
}
engine.stop();
const live = median(liveMs);
const cold = median(coldMs);
const p = median(pipelineMs);
console.log(`containers: ${containerCount}, rounds: ${rounds}`);
console.log(`engine snapshot, live engine (warm, in-process, watching) median: ${live.toFixed(1)} ms`);
console.log(`engine snapshot, every namespace entered (warm, in-process, no cache) median: ${cold.toFixed(1)} ms`);
console.log(`CLI pipeline (docker ps, network ls+inspect, inspect, ip -j -d link) median: ${p.toFixed(1)} ms`);
console.log(`ratio live engine/pipeline: ${(live / p).toFixed(2)} (target <= 1.0)`);
console.log(`ratio no-cache engine/pipeline: ${(cold / p).toFixed(2)}`);

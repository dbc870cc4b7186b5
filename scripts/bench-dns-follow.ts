// Benchmark (issue 16): a new DHCP lease → a container on a user-defined network (Docker's embedded
// resolver at 127.0.0.11) resolving through the new server, median and p95 over N leases, beside
// `docker restart` of the same container (what users do today), in one run. Run inside a lab
// (Docker 28 by default, where dockerd forwards from its own namespace):
//   sudo bash test/lab/lab.sh npx tsx scripts/bench-dns-follow.ts [--rounds 10]
// Each round: the lease flips the lab host's DNS between two dnsmasq servers that answer the probe
// name differently; Bridgeport (the engine's DNS sync in-process, as the app and `bridgeport daemon`
// run it) makes the running container follow; the clock stops at the first answer from the new
// server, asked every 10 ms from inside the container's namespace (busybox nslookup through
// 127.0.0.11, no `docker exec` in the loop). Then the same container is restarted, with Bridgeport's
// sync still running, and the clock runs from `docker restart` to its first answer again.
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { Engine } from '../src/main/engine/engine';
import { rootExecutor } from '../src/main/privileged/root-executor';
import { ANSWER, DhcpLab, DNS_A, DNS_B, PROBE_NAME } from '../test/lab/dhcp-lab';
import { median, p95, sleep, until as untilWithin } from './lib/bench-stats';

/** Every wait of this benchmark gives up after 30 s. */
const until = (probe: () => Promise<boolean>, everyMs: number, what: string) => untilWithin(probe, everyMs, what, 30_000);

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '10' } } });
const rounds = Number(values.rounds);
const image = process.env.BP_LAB_IMAGE;
if (!process.env.BP_LAB || !image) throw new Error('run inside test/lab/lab.sh');

const CONTAINER = 'bench-follow-u';
const docker = (args: string[]) => execa('docker', args).then((r) => r.stdout.trim());

/** What Docker's resolver answers for the probe name inside the container now (its pid's namespace). */
async function answered(pid: string): Promise<string> {
  const r = await execa('nsenter', [`--net=/proc/${pid}/ns/net`, 'busybox', 'nslookup', '-type=a', PROBE_NAME, '127.0.0.11'], { reject: false, timeout: 3000 });
  return r.stdout;
}


const dhcp = new DhcpLab();
const config = await mkdtemp(join(tmpdir(), 'bridgeport-bench-follow-'));
let engine: Engine | null = null;
try {
  await dhcp.start({ dns: DNS_A, domain: 'one.test' });
  await docker(['network', 'create', 'benchfollow']);
  await docker(['run', '-d', '--name', CONTAINER, '--network', 'benchfollow', image, 'sleep', '3600']);
  engine = new Engine({ executor: rootExecutor, configDir: config, resolvConf: dhcp.resolvConf });
  engine.startSyncingDns((e) => console.error(`sync error: ${e.message}`));
  await sleep(1500);
  const version = await docker(['version', '-f', '{{.Server.Version}}']);

  const follows: number[] = [];
  const restarts: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const next = round % 2 === 0 ? DNS_B : DNS_A;
    const pid = await docker(['inspect', '-f', '{{.State.Pid}}', CONTAINER]);
    await dhcp.renew({ dns: next, domain: round % 2 === 0 ? 'two.test' : 'one.test' });
    const leaseAt = await dhcp.lastLeaseWrittenAt();
    const seen = await until(async () => (await answered(pid)).includes(ANSWER[next]), 10, 'the running container to resolve through the new server');
    follows.push(seen - leaseAt);
    // Docker's way: restart it; it starts with the host's DNS as it is now.
    const t0 = Date.now();
    await docker(['restart', '-t', '0', CONTAINER]);
    const newPid = await docker(['inspect', '-f', '{{.State.Pid}}', CONTAINER]);
    restarts.push((await until(async () => (await answered(newPid)).includes(ANSWER[next]), 10, 'the restarted container to resolve')) - t0);
    console.log(`round ${round + 1}: lease → resolves through ${next}: ${follows.at(-1)} ms; docker restart → resolves: ${restarts.at(-1)} ms`);
  }
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log(`\nDocker ${version}, ${rounds} leases`);
  console.log(`bridgeport: lease → user-network container resolves through the new server: median ${ms(median(follows))}, p95 ${ms(p95(follows))} (no restart)`);
  console.log(`docker restart of the same container → resolves again: median ${ms(median(restarts))}, p95 ${ms(p95(restarts))} (drops its connections)`);
  console.log(`ratio bridgeport / docker restart (medians): ${(median(follows) / median(restarts)).toFixed(2)}`);
} finally {
  engine?.stop();
  await execa('docker', ['rm', '-f', CONTAINER], { reject: false });
  await execa('docker', ['network', 'rm', 'benchfollow'], { reject: false });
  await dhcp.stop();
  await rm(config, { recursive: true, force: true });
}

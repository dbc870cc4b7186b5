// Benchmark (issue 6): lag from a new DHCP lease to a container's resolv.conf, median over N
// renewals, beside the only way Docker itself picks new servers up (restarting the container), in
// one run. Run inside a lab:
//   sudo bash test/lab/lab.sh npx tsx scripts/bench-dns-lag.ts [--rounds 10]
// The lease: dnsmasq hands out a new DNS option, udhcpc renews and its script rewrites the lab host's
// resolv.conf, stamping the time. Bridgeport: the engine's DNS sync in-process (what the app and
// `bridgeport daemon` run); the container's file is polled every 5 ms on the host side (the same
// inode the container sees). Containers on user-defined networks: scripts/bench-dns-follow.ts.
import { mkdtemp, readFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { parseArgs } from 'node:util';
import { execa } from 'execa';
import { Engine } from '../src/main/engine/engine';
import { rootExecutor } from '../src/main/privileged/root-executor';
import { DhcpLab, DNS_A, DNS_B } from '../test/lab/dhcp-lab';
import { median, p95, sleep, until as untilWithin } from './lib/bench-stats';

/** Every wait of this benchmark gives up after 20 s. */
const until = (probe: () => Promise<boolean>, everyMs: number, what: string) => untilWithin(probe, everyMs, what, 20_000);

const { values } = parseArgs({ options: { rounds: { type: 'string', default: '10' } } });
const rounds = Number(values.rounds);
const image = process.env.BP_LAB_IMAGE;
if (!process.env.BP_LAB || !image) throw new Error('run inside test/lab/lab.sh');

const docker = (args: string[]) => execa('docker', args).then((r) => r.stdout.trim());


const dhcp = new DhcpLab();
const config = await mkdtemp(join(tmpdir(), 'bridgeport-bench-dns-'));
let engine: Engine | null = null;
try {
  await dhcp.start({ dns: DNS_A, domain: 'one.test' });
  await docker(['network', 'create', 'benchdns']);
  await docker(['run', '-d', '--name', 'bench-dns-w', image, 'sleep', '3600']);
  await docker(['run', '-d', '--name', 'bench-dns-restart', '--stop-timeout', '0', image, 'sleep', '3600']);
  const file = await docker(['inspect', '-f', '{{.ResolvConfPath}}', 'bench-dns-w']);
  const restartFile = await docker(['inspect', '-f', '{{.ResolvConfPath}}', 'bench-dns-restart']);
  engine = new Engine({ executor: rootExecutor, configDir: config, resolvConf: dhcp.resolvConf });
  engine.startSyncingDns((e) => console.error(`sync error: ${e.message}`));
  await sleep(1500);

  const fileLags: number[] = [];
  const restarts: number[] = [];
  for (let round = 0; round < rounds; round++) {
    const next = round % 2 === 0 ? DNS_B : DNS_A;
    await dhcp.renew({ dns: next, domain: round % 2 === 0 ? 'two.test' : 'one.test' });
    const leaseAt = await dhcp.lastLeaseWrittenAt();
    const seen = await until(async () => (await readFile(file, 'utf8')).includes(`nameserver ${next}`), 5, 'the container file');
    fileLags.push(seen - leaseAt);
    // Docker's way: restart the container; it starts with the host file as it is now.
    const t0 = Date.now();
    await docker(['restart', '-t', '0', 'bench-dns-restart']);
    await until(async () => (await readFile(restartFile, 'utf8')).includes(`nameserver ${next}`), 5, 'the restarted container file');
    restarts.push(Date.now() - t0);
    console.log(`round ${round + 1}: lease → file ${fileLags.at(-1)} ms; docker restart ${restarts.at(-1)} ms`);
  }
  const ms = (x: number) => `${x.toFixed(0)} ms`;
  console.log(`\nbridgeport lease → container resolv.conf: median ${ms(median(fileLags))}, p95 ${ms(p95(fileLags))} over ${rounds} renewals`);
  console.log(`docker restart (Docker's only way; drops the container's connections): median ${ms(median(restarts))}, p95 ${ms(p95(restarts))}`);
  console.log(`ratio bridgeport / docker restart: ${(median(fileLags) / median(restarts)).toFixed(2)}`);
} finally {
  engine?.stop();
  await execa('docker', ['rm', '-f', 'bench-dns-w', 'bench-dns-restart'], { reject: false });
  await execa('docker', ['network', 'rm', 'benchdns'], { reject: false });
  await dhcp.stop();
  await rm(config, { recursive: true, force: true });
}

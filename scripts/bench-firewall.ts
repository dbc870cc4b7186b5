// Benchmark: reading and parsing a 10,000-rule firewall in the engine, side by side with
// `iptables-save -c` alone, in one run on the same lab host. Run inside a lab:
//   sudo bash test/lab/lab.sh npx tsx scripts/bench-firewall.ts [--rules 10000] [--rounds 15]
// Prints the medians and the ratios (target: engine read + parse ≤ 100 ms), for a first reading
// and for the live sampling the engine does once per second.
import { execa } from 'execa';
import { parseArgs } from 'node:util';
import { median, timed } from './lib/bench-stats';
import { NatReporter, natReportOf } from '../src/main/engine/firewall/nat-report';
import { FirewallReader } from '../src/main/engine/firewall/read-firewall';
import { readAccessOf } from '../src/main/engine/access/privileged-reads';
import { rootAccess } from '../src/main/privileged/root-executor';
import { parseIptablesSave } from '../src/main/netcore/iptables/parse-iptables-save';

const { values } = parseArgs({ options: { rules: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '15' } } });
const ruleCount = Number(values.rules);
const rounds = Number(values.rounds);
if (!process.env.BP_LAB) throw new Error('run inside test/lab/lab.sh');

/** Half filter ACCEPTs, half DNATs, as a host with thousands of published ports would have. */
function generatedRules(n: number): string {
  const half = Math.floor(n / 2);
  const filter = Array.from({ length: half }, (_, i) => `-A BENCH -s 10.${i >> 8}.${i & 255}.0/24 -p tcp -m tcp --dport ${1000 + i} -j ACCEPT`);
  const nat = Array.from(
    { length: n - half },
    (_, i) => `-A BENCHNAT ! -i docker0 -p tcp -m tcp --dport ${20000 + i} -j DNAT --to-destination 172.17.${Math.floor(i / 250)}.${(i % 250) + 2}:80`,
  );
  return ['*filter', ':BENCH - [0:0]', ...filter, 'COMMIT', '*nat', ':BENCHNAT - [0:0]', ...nat, 'COMMIT', ''].join('\n');
}

await execa('iptables-restore', ['--noflush'], { input: generatedRules(ruleCount) });
const noDocker = { containers: [], networks: [] };
const reads = readAccessOf(rootAccess);
const saveText = await execa('iptables-save', ['-c']).then((r) => r.stdout);
console.error(`[bench] ${parseIptablesSave(saveText).rules.length} rules in the lab host's iptables`);

const live = new NatReporter(new FirewallReader(reads));
await live.read(noDocker); // warm: variant, table list, attributions
const saveMs: number[] = [];
const coldMs: number[] = [];
const liveMs: number[] = [];
const parseMs: number[] = [];
for (let i = 0; i < rounds; i++) {
  // Interleaved, so drift on the machine affects every side alike.
  saveMs.push(await timed(() => execa('iptables-save', ['-c'])));
  coldMs.push(await timed(() => new NatReporter(new FirewallReader(reads)).read(noDocker)));
  liveMs.push(await timed(() => live.read(noDocker)));
  parseMs.push(await timed(async () => natReportOf({ backend: 'iptables-nft', ruleset: parseIptablesSave(saveText), readable: true, warnings: [] }, noDocker)));
}
const save = median(saveMs);
const ratio = (ms: number) => `${ms.toFixed(1)} ms (ratio to iptables-save ${(ms / save).toFixed(2)})`;
console.log(`rules: ${ruleCount}, rounds: ${rounds}`);
console.log(`iptables-save -c alone median: ${save.toFixed(1)} ms`);
console.log(`engine, first reading (read + parse + attribute, every lookup cold) median: ${ratio(median(coldMs))}`);
console.log(`engine, live sampling (the same reader once per second) median: ${ratio(median(liveMs))}`);
console.log(`engine parse + attribute of the text alone, cold median: ${ratio(median(parseMs))}`);

// Benchmark: Bridgeport reading a 10,000-rule native nftables rule set (netavark-like: many Podman
// containers publishing ports) side by side with `nft -j list ruleset` alone, in one run on the same
// lab host. Run inside a lab (the rule set is loaded with `nft -f` into the lab host's namespace):
//   bash test/lab/lab.sh npx tsx scripts/bench-nft-reader.ts [--rules 10000] [--rounds 15]
// Prints the medians and the ratios (target: the engine's read + parse + attribute ≤ 1.5× nft alone).
import { execa } from 'execa';
import { parseArgs } from 'node:util';
import { median, timed } from './lib/bench-stats';
import { NatReporter, natReportOf } from '../src/main/engine/firewall/nat-report';
import { FirewallReader } from '../src/main/engine/firewall/read-firewall';
import { readAccessOf } from '../src/main/engine/access/privileged-reads';
import { rootAccess } from '../src/main/privileged/root-executor';
import type { Container, Network } from '../src/shared/model';
import { parseNftJson } from '../src/main/netcore/nft/parse-nft-json';
import { attributeRules } from '../src/main/engine/firewall/attribute-rules';
import { dockerFacts } from '../src/main/engine/firewall/docker-facts';

const { values } = parseArgs({
  options: { rules: { type: 'string', default: '10000' }, rounds: { type: 'string', default: '15' }, breakdown: { type: 'boolean', default: false } },
});
const ruleTarget = Number(values.rules);
const rounds = Number(values.rounds);
if (!process.env.BP_LAB) throw new Error('run inside test/lab/lab.sh');

const NETWORKS = 50;
const PORTS_PER_CONTAINER = 5;
// netavark writes 4 rules per published port (jump, 2 masquerade marks, DNAT) and 6 per network.
const containerCount = Math.max(1, Math.round((ruleTarget - 6 * NETWORKS - 6) / (4 * PORTS_PER_CONTAINER)));

const hex = (n: number, width: number) => n.toString(16).padStart(width, '0');
const netId = (n: number) => `${hex(0x2f259bab + n * 7919, 8)}${hex(n, 56)}`;
const subnetOf = (n: number) => `10.${100 + (n >> 4)}.${(n & 15) * 16}.0/20`;
const chainOf = (n: number) => `nv_${netId(n).slice(0, 8)}_${subnetOf(n).replace(/\./g, '_').replace('/', '_nm')}`;
const ipOf = (n: number, i: number) => {
  const [a, b, c] = subnetOf(n).split('.').map(Number);
  return `${a}.${b}.${c! + ((i + 2) >> 8)}.${(i + 2) & 255}`;
};

interface Fake {
  containers: Container[];
  networks: Network[];
  text: string;
}

/** The rule set netavark's nftables driver would write for these containers, and the snapshot that goes with it. */
function netavarkLike(count: number): Fake {
  const networks: Network[] = [];
  const input: string[] = [];
  const forward: string[] = [];
  const postrouting = ['meta mark & 0x00002000 == 0x00002000 masquerade'];
  const hostport: string[] = [];
  const chains: string[] = [];
  const dnat = new Map<number, string[]>();
  for (let n = 0; n < NETWORKS; n++) {
    const subnet = subnetOf(n);
    networks.push({ id: netId(n), name: `net${n}`, driver: 'bridge', scope: 'local', bridge: `podman${n}`, subnets: [{ subnet, gateway: ipOf(n, -1) }], options: {}, internal: false, containers: [] });
    input.push(`ip saddr ${subnet} meta l4proto { tcp, udp } th dport 53 accept`);
    forward.push(`ip daddr ${subnet} ct state established,related accept`, `ip saddr ${subnet} accept`);
    postrouting.push(`ip saddr ${subnet} jump ${chainOf(n)}`);
    chains.push(`chain ${chainOf(n)} {\n ip daddr ${subnet} accept\n ip daddr != 224.0.0.0/4 masquerade\n}`);
    dnat.set(n, []);
  }
  const containers: Container[] = [];
  let hostPort = 10000;
  for (let i = 0; i < count; i++) {
    const n = i % NETWORKS;
    const ip = ipOf(n, Math.floor(i / NETWORKS));
    const network = networks[n]!;
    const ports: Container['ports'] = [];
    for (let p = 0; p < PORTS_PER_CONTAINER; p++, hostPort++) {
      const protocol = p === PORTS_PER_CONTAINER - 1 ? 'udp' : 'tcp';
      const containerPort = 80 + p;
      ports.push({ hostIp: '', hostPort, containerPort, protocol });
      hostport.push(`${protocol} dport ${hostPort} jump ${chainOf(n)}_dnat`);
      dnat.get(n)!.push(
        `ip saddr ${subnetOf(n)} ${protocol} dport ${hostPort} jump NETAVARK-HOSTPORT-SETMARK`,
        `ip saddr 127.0.0.1 ${protocol} dport ${hostPort} jump NETAVARK-HOSTPORT-SETMARK`,
        `${protocol} dport ${hostPort} ct mark set meta mark | 0x00001000 dnat ip to ${ip}:${containerPort}`,
      );
    }
    const id = `${hex(Math.imul(i + 1, 2654435761) >>> 0, 8)}${hex(i, 56)}`;
    containers.push({
      id,
      name: `p${i}`,
      image: 'localhost/bench:1',
      state: 'running',
      status: 'Up',
      networkMode: 'bridge',
      pid: 1000 + i,
      endpoints: [{ network: network.name, networkId: network.id, ip: `${ip}/20`, mac: null, gateway: network.subnets[0]!.gateway, hostVeth: null, interface: 'eth0' }],
      ports,
      links: null,
    });
  }
  const body = (lines: string[]) => lines.map((l) => ` ${l}`).join('\n');
  const text = [
    'table inet netavark {',
    `chain INPUT {\n type filter hook input priority filter; policy accept;\n${body(input)}\n}`,
    `chain FORWARD {\n type filter hook forward priority filter; policy accept;\n ct state invalid drop\n ct mark & 0x00001000 == 0x00001000 accept\n jump NETAVARK-ISOLATION-1\n${body(forward)}\n}`,
    `chain POSTROUTING {\n type nat hook postrouting priority srcnat; policy accept;\n${body(postrouting)}\n}`,
    'chain PREROUTING {\n type nat hook prerouting priority dstnat; policy accept;\n fib daddr type local jump NETAVARK-HOSTPORT-DNAT\n}',
    'chain OUTPUT {\n type nat hook output priority -100; policy accept;\n fib daddr type local jump NETAVARK-HOSTPORT-DNAT\n}',
    `chain NETAVARK-HOSTPORT-DNAT {\n${body(hostport)}\n}`,
    'chain NETAVARK-HOSTPORT-SETMARK {\n meta mark set meta mark | 0x00002000\n}',
    'chain NETAVARK-ISOLATION-1 {\n}',
    ...chains,
    ...[...dnat].map(([n, lines]) => `chain ${chainOf(n)}_dnat {\n${body(lines)}\n}`),
    '}',
    '',
  ].join('\n');
  return { containers, networks, text };
}

const fake = netavarkLike(containerCount);
await execa('nft', ['-f', '-'], { input: fake.text });
const snapshot = { containers: fake.containers, networks: fake.networks };
const reads = readAccessOf(rootAccess);

const live = new NatReporter(new FirewallReader(reads));
const first = await live.read(snapshot); // warm: variant, table list, attributions
const native = first.report.rules.filter((r) => r.table === 'inet netavark');
const attributed = native.filter((r) => r.target === 'DNAT' && r.container !== null).length;
console.error(`[bench] ${native.length} rules in table inet netavark (${containerCount} containers, ${NETWORKS} networks); ${attributed} DNATs attributed; ${first.report.rules.length} rules read in all`);
if (native.length < ruleTarget * 0.95 || !first.readable) throw new Error('the rule set was not read as generated');

const nftMs: number[] = [];
const coldMs: number[] = [];
const liveMs: number[] = [];
for (let i = 0; i < rounds; i++) {
  // Interleaved, so drift on the machine affects every side alike.
  nftMs.push(await timed(() => execa('nft', ['-j', 'list', 'ruleset'])));
  coldMs.push(await timed(() => new NatReporter(new FirewallReader(reads)).read(snapshot)));
  liveMs.push(await timed(() => live.read(snapshot)));
}
const nft = median(nftMs);
const ratio = (ms: number) => `${ms.toFixed(1)} ms (ratio to nft alone ${(ms / nft).toFixed(2)})`;
console.log(`rules: ${native.length} native (netavark-like), rounds: ${rounds}`);
console.log(`nft -j list ruleset alone median: ${nft.toFixed(1)} ms`);
console.log(`engine, first reading (list chains + read + parse + attribute, every lookup cold) median: ${ratio(median(coldMs))}`);
console.log(`engine, live sampling (the same reader and snapshot, as once per second) median: ${ratio(median(liveMs))}`);

if (values.breakdown) {
  // Where the engine's time goes: each command it runs (they run in parallel in a read), parse, attribute.
  const stages: Record<string, number[]> = {};
  const stage = async (name: string, fn: () => Promise<unknown>) => (stages[name] ??= []).push(await timed(fn));
  let json = '';
  let ruleset = parseNftJson('{"nftables": []}');
  for (let i = 0; i < rounds; i++) {
    await stage('nft -j list chains (the table list)', () => execa('nft', ['-j', 'list', 'chains']));
    await stage('nft -j list tables (not used)', () => execa('nft', ['-j', 'list', 'tables']));
    await stage('nft -j list table inet netavark', async () => void (json = (await execa('nft', ['-j', 'list', 'table', 'inet', 'netavark'])).stdout));
    await stage('iptables-save -c', () => execa('iptables-save', ['-c']));
    await stage('ip6tables-save -c', () => execa('ip6tables-save', ['-c']));
    await stage('iptables-legacy-save', () => execa('iptables-legacy-save').catch(() => null));
    let read = await new FirewallReader(reads).read();
    await stage('engine: a cold FirewallReader.read()', async () => void (read = await new FirewallReader(reads).read()));
    await stage('engine: natReportOf (cold attribution)', async () => void natReportOf(read, snapshot));
    await stage('parse (parseNftJson)', async () => void (ruleset = parseNftJson(json)));
    await stage('attribute (cold)', async () => void attributeRules(ruleset, dockerFacts(snapshot)));
  }
  for (const [name, ms] of Object.entries(stages)) console.log(`  ${name.padEnd(34)} ${median(ms).toFixed(1)} ms`);
}

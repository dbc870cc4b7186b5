// The privileged side checks what each request MEANS, at the last door, from the system itself:
// the reproductions of the independent review (route_localnet on `all`, DNAT of any host port to
// any address, a veth onto docker0 moved into any process's namespace, sysctls switched off, the
// doctor's rules on a NIC for 0.0.0.0/0, DNS redirects into any process, oversized requests, a
// recycled pid) each refused — kind 'refused', a message naming the problem — with the firewall,
// the links, the sysctls and the containers' rules byte-identical before and after. Through the
// in-process executor (the CLI under sudo) and through the real helper (the desktop app).
import { type ChildProcess, type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalExecutor } from '../../src/main/privileged/local-executor';
import { HelperError, HelperExecutor } from '../../src/main/privileged/helper/helper-client';
import type { PrivilegedExecutor } from '../../src/main/privileged/contract/operations';
import { labEnv, repoRoot, run, seedScenario, waitFor } from './support';
import { ipOf, pidOf } from './publish-support';

const CLI = resolve(repoRoot, 'out/main/cli.js');
const GHOST = 'bpmeaning-ghost';
const started: ChildProcess[] = [];
let lab = '';
let w1Pid = 0;
let w2Pid = 0;
let hostnetPid = 0;
let w1Ip = '';
let intranetBridge = '';
let sleepPid = 0;
let hostSleepPid = 0;
let gonePid = 0;
let recycledPid = 0;

/** A mapping w1 could legitimately have (published 8480 → 80 on docker0); cases change one thing. */
const mapping = (change: Record<string, unknown> = {}) => ({
  id: 'meaning01',
  protocol: 'tcp',
  hostIp: '',
  hostPort: 8480,
  hostPortEnd: 8480,
  containerPort: 80,
  containerPortEnd: 80,
  containerIp: w1Ip,
  containerPid: w1Pid,
  bridge: 'docker0',
  subnet: '172.17.0.0/16',
  ...change,
});
const apply = (...mappings: unknown[]) => ({ mappings, resetRouteLocalnet: [] as string[] });

const readOr = (path: string) => {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
};

/** Rules without counters and the timestamp comments. */
const rulesOf = (text: string) =>
  text
    .split('\n')
    .filter((l) => !l.startsWith('#'))
    .map((l) => l.replace(/\[\d+:\d+\]/g, '[]'))
    .join('\n');

/** Everything a refused request must leave as it was. */
async function systemState(): Promise<Record<string, unknown>> {
  const conf = '/proc/sys/net/ipv4/conf';
  const inW1 = ['nsenter', `--net=/proc/${w1Pid}/ns/net`];
  return {
    rules: rulesOf(await run('iptables-save', ['-c'])),
    // The bridges' running timers aside, byte for byte.
    links: (await run('ip', ['-d', 'link', 'show'])).replace(/(\w+_timer)\s+[\d.]+/g, '$1'),
    addresses: await run('ip', ['-4', 'addr', 'show']),
    // This lab's namespaces (other labs may come and go meanwhile).
    netns: (await run('ip', ['netns', 'list'])).split('\n').filter((l) => l.startsWith(`${lab}-`)).sort(),
    routeLocalnet: Object.fromEntries(readdirSync(conf).map((name) => [name, readOr(`${conf}/${name}/route_localnet`)])),
    ipForward: readOr('/proc/sys/net/ipv4/ip_forward'),
    bridgeNfCall: readOr('/proc/sys/net/bridge/bridge-nf-call-iptables'),
    w1Rules: rulesOf(await run(inW1[0]!, [...inW1.slice(1), 'iptables-save', '-c'])),
    w1Links: await run(inW1[0]!, [...inW1.slice(1), 'ip', '-d', 'addr', 'show']),
    w1Routes: await run(inW1[0]!, [...inW1.slice(1), 'ip', 'route', 'show']),
  };
}

/** A host process listening on a TCP port of the lab host, as sshd or a database would. */
async function listenOn(port: number): Promise<void> {
  const child = spawn(process.execPath, ['-e', `require('net').createServer().listen(${port}, '0.0.0.0', () => console.log('up'))`], { stdio: ['ignore', 'pipe', 'inherit'] });
  started.push(child);
  await new Promise((up) => child.stdout!.once('data', up));
}

/** A process of no container, in the LAN namespace (not Bridgeport's own, so only the container rule can refuse it). */
function lanSleep(): number {
  const child = spawn('nsenter', [`--net=/run/netns/${process.env.BP_LAB_LAN_NS}`, 'sleep', '600'], { stdio: 'ignore' });
  started.push(child);
  return child.pid!;
}

/**
 * A `sleep` in the LAN namespace whose pid is `pid` (a container's, now free): the pid namespace's
 * last pid is set just before sh forks it. Another fork on the machine in between takes the number;
 * then it is tried again.
 */
async function processWithPid(pid: number): Promise<number | null> {
  for (let attempt = 0; attempt < 50; attempt++) {
    const sh = spawn('nsenter', [`--net=/run/netns/${process.env.BP_LAB_LAN_NS}`, 'sh', '-c', `echo ${pid - 1} > /proc/sys/kernel/ns_last_pid; sleep 600 & echo $!`], { stdio: ['ignore', 'pipe', 'ignore'] });
    started.push(sh);
    const got = Number(await new Promise<string>((r) => sh.stdout!.once('data', (d: Buffer) => r(d.toString().trim()))));
    if (got === pid) return pid;
    if (got > 0) process.kill(got, 'SIGKILL');
  }
  return null;
}

interface Case {
  what: string;
  op: string;
  args: () => unknown;
  message: () => RegExp;
}

const cases: Case[] = [
  // ports.apply: bridges
  { what: 'route_localnet on `all` through a mapping', op: 'ports.apply', args: () => apply(mapping({ bridge: 'all' })), message: () => /^bridge all is not a container engine's bridge nor one Bridgeport made \(there is no such link\); refused$/ },
  { what: 'route_localnet on `default`', op: 'ports.apply', args: () => apply(mapping({ bridge: 'default' })), message: () => /^bridge default is not a container engine's bridge/ },
  { what: 'resetting route_localnet of `all`', op: 'ports.apply', args: () => ({ mappings: [], resetRouteLocalnet: ['all'] }), message: () => /^bridge all is not a container engine's bridge nor one Bridgeport made/ },
  { what: 'a mapping onto lo', op: 'ports.apply', args: () => apply(mapping({ bridge: 'lo', subnet: '127.0.0.0/8' })), message: () => /^bridge lo is not .*\(it is a network device, not a bridge\); refused$/ },
  { what: 'a mapping onto the uplink (the lab\'s NIC)', op: 'ports.apply', args: () => apply(mapping({ bridge: `${lab}up`, subnet: '198.51.100.0/24', containerIp: '198.51.100.2' })), message: () => new RegExp(`^bridge ${lab}up is not .*\\(it is a veth, not a bridge\\); refused$`) },
  { what: 'a bridge made by hand', op: 'ports.apply', args: () => apply(mapping({ bridge: 'bphand0', subnet: '10.99.0.0/24', containerIp: '10.99.0.2' })), message: () => /^bridge bphand0 is not a container engine's bridge nor one Bridgeport made; refused$/ },
  // ports.apply: addresses
  { what: 'a DNAT to an address outside the bridge', op: 'ports.apply', args: () => apply(mapping({ containerIp: '198.51.100.2' })), message: () => /^container address 198\.51\.100\.2 is not inside 172\.17\.0\.0\/16, the network of bridge docker0; refused$/ },
  { what: 'a subnet that is not the bridge\'s', op: 'ports.apply', args: () => apply(mapping({ subnet: '198.51.100.0/24' })), message: () => /^subnet 198\.51\.100\.0\/24 is not the network of bridge docker0 \(it has 172\.17\.0\.1\/16\); refused$/ },
  { what: 'another bridge\'s subnet', op: 'ports.apply', args: () => apply(mapping({ bridge: intranetBridge })), message: () => /^subnet 172\.17\.0\.0\/16 is not the network of bridge br-[0-9a-f]{12} \(it has 172\.28\.0\.1\/16\); refused$/ },
  { what: 'a DNAT to the bridge\'s own address', op: 'ports.apply', args: () => apply(mapping({ containerIp: '172.17.0.1' })), message: () => /^container address 172\.17\.0\.1 is bridge docker0's own address, not a container's; refused$/ },
  // ports.apply: host ports
  { what: 'host port 22 (sshd)', op: 'ports.apply', args: () => apply(mapping({ hostPort: 22, hostPortEnd: 22, containerPort: 22, containerPortEnd: 22 })), message: () => /^host port 22\/tcp is in use by \S+ \(pid \d+\) listening on 0\.0\.0\.0, a host process, not a container engine's; refused$/ },
  { what: 'host port 5432 inside a range', op: 'ports.apply', args: () => apply(mapping({ hostPort: 5400, hostPortEnd: 5500, containerPort: 5400, containerPortEnd: 5500 })), message: () => /^host port 5432\/tcp is in use by \S+ \(pid \d+\)/ },
  // ports.apply: the container
  { what: 'a DNAT target held by another container', op: 'ports.apply', args: () => apply(mapping({ containerPid: w2Pid })), message: () => new RegExp(`^process ${w2Pid} holds ${w1Ip.replace(/\./g, '\\.')} on no interface whose peer is a port of bridge docker0`) },
  { what: 'a host process as the container', op: 'ports.apply', args: () => apply(mapping({ containerPid: sleepPid })), message: () => new RegExp(`^process ${sleepPid} is not a running container's \\(its parent .* is not a container runtime's shim run by root\\); refused$`) },
  { what: 'a container that is gone', op: 'ports.apply', args: () => apply(mapping({ containerPid: gonePid })), message: () => new RegExp(`^process ${gonePid} is not running$`) },
  { what: 'a --network host container (the host\'s namespace)', op: 'ports.apply', args: () => apply(mapping({ containerPid: hostnetPid })), message: () => new RegExp(`^the namespace of process ${hostnetPid} is the namespace Bridgeport runs in, not another one$`) },
  // ports.apply: caps
  { what: '257 mappings', op: 'ports.apply', args: () => apply(...Array.from({ length: 257 }, (_, i) => mapping({ hostPort: 20000 + i, hostPortEnd: 20000 + i }))), message: () => /^invalid arguments for ports\.apply: mappings: /i },
  { what: '5 × 1000 ports', op: 'ports.apply', args: () => apply(...Array.from({ length: 5 }, (_, i) => mapping({ hostPort: 20000 + i * 1000, hostPortEnd: 20999 + i * 1000, containerPort: 1, containerPortEnd: 1000 }))), message: () => /^5000 host ports in one request \(at most 4096\); refused$/ },
  // links
  { what: 'a veth onto docker0', op: 'link.addVeth', args: () => ({ name: 'bpmx0', peer: 'bpmx1', master: 'docker0' }), message: () => /^bridge docker0 was not made by Bridgeport; a veth goes only on a bridge Bridgeport made; refused$/ },
  { what: 'a veth onto a hand-made bridge', op: 'link.addVeth', args: () => ({ name: 'bpmx0', peer: 'bpmx1', master: 'bphand0' }), message: () => /^bridge bphand0 was not made by Bridgeport/ },
  { what: 'a veth moved into a host process\'s namespace', op: 'link.move', args: () => ({ link: 'bpmv1', to: { pid: sleepPid } }), message: () => new RegExp(`^process ${sleepPid} is not a running container's`) },
  { what: 'a veth moved into a host process in Bridgeport\'s own namespace', op: 'link.move', args: () => ({ link: 'bpmv1', to: { pid: hostSleepPid } }), message: () => new RegExp(`^the namespace of process ${hostSleepPid} is the namespace Bridgeport runs in, not another one$`) },
  // kthreadd lives in the machine's own namespace, which is not the lab's: only the container rule stands in the way.
  { what: 'a veth moved into the machine\'s namespace (through kthreadd)', op: 'link.move', args: () => ({ link: 'bpmv1', to: { pid: 2 } }), message: () => /^process 2 is not a running container's \(its parent is gone\); refused$/ },
  { what: 'a veth moved to a container that is gone', op: 'link.move', args: () => ({ link: 'bpmv1', to: { pid: gonePid } }), message: () => new RegExp(`^process ${gonePid} is not running$`) },
  { what: 'a veth moved to a recycled pid', op: 'link.move', args: () => ({ link: 'bpmv1', to: { pid: recycledPid } }), message: () => new RegExp(`^process ${recycledPid} is not a running container's`) },
  { what: 'a veth moved into a namespace made by hand', op: 'link.move', args: () => ({ link: 'bpmv1', to: { netns: `${lab}-ns1` } }), message: () => new RegExp(`^namespace ${lab}-ns1 was not made by Bridgeport$`) },
  { what: 'a link set down in a host process\'s namespace', op: 'link.setUp', args: () => ({ link: 'lo', in: { pid: sleepPid }, up: false }), message: () => new RegExp(`^process ${sleepPid} is not a running container's`) },
  { what: 'a link deleted in a host process\'s namespace', op: 'link.delete', args: () => ({ link: 'bpmv1', in: { pid: sleepPid } }), message: () => new RegExp(`^process ${sleepPid} is not a running container's`) },
  // sysctls
  { what: 'ip_forward switched off', op: 'sysctl.set', args: () => ({ key: 'net.ipv4.ip_forward', value: 0 }), message: () => /^net\.ipv4\.ip_forward=0: Bridgeport's fixes only set it to 1; refused$/ },
  { what: 'bridge-nf-call-iptables switched off', op: 'sysctl.set', args: () => ({ key: 'net.bridge.bridge-nf-call-iptables', value: 0 }), message: () => /^net\.bridge\.bridge-nf-call-iptables=0: Bridgeport's fixes only set it to 1; refused$/ },
  // the doctor's rules
  { what: 'forwarding for the uplink', op: 'firewall.applyDoctorRules', args: () => ({ forward: [`${lab}up`], masquerade: [] }), message: () => new RegExp(`^bridge ${lab}up is not .*\\(it is a veth, not a bridge\\); refused$`) },
  { what: 'masquerading 0.0.0.0/0', op: 'firewall.applyDoctorRules', args: () => ({ forward: [], masquerade: [{ subnet: '0.0.0.0/0', bridge: 'docker0' }] }), message: () => /^subnet 0\.0\.0\.0\/0 is not the network of bridge docker0/ },
  { what: 'masquerading on the uplink', op: 'firewall.applyDoctorRules', args: () => ({ forward: [], masquerade: [{ subnet: '198.51.100.0/24', bridge: `${lab}up` }] }), message: () => /it is a veth, not a bridge/ },
  { what: 'forwarding for a hand-made bridge', op: 'firewall.applyDoctorRules', args: () => ({ forward: ['bphand0'], masquerade: [] }), message: () => /^bridge bphand0 is not a container engine's bridge nor one Bridgeport made; refused$/ },
  { what: 'masquerading another bridge\'s subnet', op: 'firewall.applyDoctorRules', args: () => ({ forward: [], masquerade: [{ subnet: '172.28.0.0/16', bridge: 'docker0' }] }), message: () => /^subnet 172\.28\.0\.0\/16 is not the network of bridge docker0/ },
  // DNS redirects
  { what: 'a DNS redirect into a host process', op: 'dns.setRedirects', args: () => ({ pid: sleepPid, redirects: [{ from: '198.51.100.2', to: '198.51.100.3' }] }), message: () => new RegExp(`^process ${sleepPid} is not a running container's`) },
  { what: 'a DNS redirect into a host process in Bridgeport\'s own namespace', op: 'dns.setRedirects', args: () => ({ pid: hostSleepPid, redirects: [] }), message: () => /is the namespace Bridgeport runs in/ },
  { what: 'a DNS redirect into the host (--network host)', op: 'dns.setRedirects', args: () => ({ pid: hostnetPid, redirects: [] }), message: () => /is the namespace Bridgeport runs in/ },
  { what: 'a DNS redirect into a container that is gone', op: 'dns.setRedirects', args: () => ({ pid: gonePid, redirects: [] }), message: () => new RegExp(`^process ${gonePid} is not running$`) },
  { what: 'a DNS redirect to loopback', op: 'dns.setRedirects', args: () => ({ pid: w1Pid, redirects: [{ from: '198.51.100.2', to: '127.0.0.1' }] }), message: () => /^redirect target 127\.0\.0\.1 is a loopback address; refused$/ },
  { what: 'a DNS redirect to 0.0.0.0', op: 'dns.setRedirects', args: () => ({ pid: w1Pid, redirects: [{ from: '198.51.100.2', to: '0.0.0.0' }] }), message: () => /^redirect target 0\.0\.0\.0 is in 0\.0\.0\.0\/8/ },
  // dockerd's forwarded queries (Docker 28): only to a server of the host's DNS as dockerd reads it, only of a real upstream.
  { what: "dockerd's DNS queries redirected to a server the host does not use", op: 'dns.setDockerdRedirects', args: () => ({ redirects: [{ from: '198.51.100.9', to: '203.0.113.66' }] }), message: () => /^redirect target 203\.0\.113\.66 is not a server of the host's DNS that dockerd reads now \(.*\); refused$/ },
  { what: "dockerd's queries to the host's own resolver redirected", op: 'dns.setDockerdRedirects', args: () => ({ redirects: [{ from: '127.0.0.53', to: '203.0.113.66' }] }), message: () => /^redirect of 127\.0\.0\.53 is not of a unicast upstream server; refused$/ },
];

/** Refused, with kind 'refused', a one-line message matching. */
async function expectRefused(executor: PrivilegedExecutor, c: Case): Promise<void> {
  // LocalExecutor throws bad arguments synchronously: both ways count.
  const error = await Promise.resolve()
    .then(() => executor.run(c.op as never, c.args() as never))
    .then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, `${c.what}: was not refused`).not.toBeNull();
  expect((error as { kind?: string }).kind, `${c.what}: ${(error as Error).message}`).toBe('refused');
  expect((error as Error).message, c.what).toMatch(c.message());
  expect((error as Error).message, c.what).not.toMatch(/\n/);
}

beforeAll(async () => {
  lab = labEnv().lab;
  const ns = process.env.BP_LAB_HOST_NS!;
  if (statSync('/proc/self/ns/net').ino !== statSync(`/run/netns/${ns}`).ino) throw new Error(`not inside the lab namespace ${ns}; refusing to run`);
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  await seedScenario();
  [w1Pid, w2Pid, hostnetPid, w1Ip] = await Promise.all([pidOf('w1'), pidOf('w2'), pidOf('hostnet'), ipOf('w1')]);
  intranetBridge = `br-${(await run('docker', ['network', 'inspect', '-f', '{{.Id}}', 'intranet'])).trim().slice(0, 12)}`;
  sleepPid = lanSleep();
  const sleeper = spawn('sleep', ['600'], { stdio: 'ignore' });
  started.push(sleeper);
  hostSleepPid = sleeper.pid!;
  await run('docker', ['run', '-d', '--name', GHOST, labEnv().image, 'sleep', '1d']);
  gonePid = await pidOf(GHOST);
  await run('docker', ['rm', '-f', GHOST]);
  await listenOn(22);
  await listenOn(5432);
  // A veth pair Bridgeport made (legitimately), to try to move where it must not go.
  await new LocalExecutor().run('link.addVeth', { name: 'bpmv0', peer: 'bpmv1' });
}, 120_000);

afterAll(async () => {
  for (const child of started) if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  if (recycledPid > 0) {
    try {
      process.kill(recycledPid, 'SIGKILL');
    } catch {
      // already gone
    }
  }
  await new LocalExecutor().run('link.delete', { link: 'bpmv0' }).catch(() => undefined);
  await run('docker', ['rm', '-f', GHOST]).catch(() => undefined);
});

describe('the last door refuses what a request must not mean', () => {
  it('recycles the pid of a container that is gone into a host process (for the recycled-pid case)', async () => {
    // The container's pid now belongs to a host `sleep`: the same number, another process.
    const got = await processWithPid(gonePid);
    expect(got, `could not get pid ${gonePid} back for a host process`).toBe(gonePid);
    recycledPid = gonePid;
    // sh forked it; it becomes `sleep` when the fork has exec'd.
    await waitFor(() => (readFileSync(`/proc/${recycledPid}/comm`, 'utf8').trim() === 'sleep' ? true : undefined), 5000, 'the recycled pid to run sleep');
    expect(statSync(`/proc/${recycledPid}/ns/net`).ino).toBe(statSync(`/run/netns/${process.env.BP_LAB_LAN_NS}`).ino);
    // The gone-pid cases below need a pid that is free: take the ghost's place with a fresh, removed container.
    await run('docker', ['run', '-d', '--name', GHOST, labEnv().image, 'sleep', '1d']);
    gonePid = await pidOf(GHOST);
    await run('docker', ['rm', '-f', GHOST]);
    expect(existsSync(`/proc/${gonePid}`)).toBe(false);
  });

  it(`refuses ${cases.length} requests in-process (the CLI under sudo), changing nothing`, async () => {
    expect(cases.length).toBeGreaterThanOrEqual(25);
    const executor = new LocalExecutor();
    const before = await systemState();
    for (const c of cases) await expectRefused(executor, c);
    expect(await systemState()).toEqual(before);
  }, 120_000);

  it('refuses them through the real helper too (the desktop app\'s path), changing nothing', async () => {
    const env: Record<string, string> = {};
    for (const [k, v] of Object.entries(process.env)) if (v !== undefined && k !== 'PKEXEC_UID' && k !== 'SUDO_UID') env[k] = v;
    const child: ChildProcessWithoutNullStreams = spawn(process.execPath, [CLI, 'helper', '--stdio', '--for-uid', '65534'], { env, stdio: 'pipe' });
    started.push(child);
    const executor = new HelperExecutor(child.stdin, child.stdout);
    try {
      const before = await systemState();
      const picked = ['route_localnet on `all` through a mapping', 'host port 22 (sshd)', 'a host process as the container', 'a veth onto docker0', 'a veth moved to a recycled pid', 'ip_forward switched off', 'masquerading 0.0.0.0/0', 'a DNS redirect to loopback', 'a DNS redirect into a host process'];
      for (const what of picked) {
        const c = cases.find((x) => x.what === what)!;
        await expectRefused(executor, c);
      }
      const error = await executor.run('link.move', { link: 'bpmv1', to: { pid: sleepPid } }).catch((e: unknown) => e);
      expect(error).toBeInstanceOf(HelperError);
      expect(await systemState()).toEqual(before);
    } finally {
      executor.close();
    }
  }, 60_000);

  it('reads no DNS redirects from a host process (null, as for a gone one)', async () => {
    const read = await new LocalExecutor().run('dns.readRedirects', { pids: [sleepPid, gonePid, w1Pid] });
    expect(read.redirects).toEqual({ [sleepPid]: null, [gonePid]: null, [w1Pid]: [] });
  });

  it('still applies what the engine legitimately asks (a mapping of w1 on docker0, then none); the loopback guard outlives a forgotten route_localnet reset', async () => {
    const executor = new LocalExecutor();
    const applied = await executor.run('ports.apply', apply(mapping()) as never);
    expect(applied.changed).toBe(true);
    expect(await run('iptables-save', ['-t', 'nat'])).toContain(`--to-destination ${w1Ip}:80`);
    expect(applied.routeLocalnetSet).toEqual(['docker0']);
    // A caller that "forgets" to reset route_localnet: the ports go, the loopback guard stays while it is on.
    const forgot = await executor.run('ports.apply', { mappings: [], resetRouteLocalnet: [] });
    expect(forgot.changed).toBe(true);
    expect(readFileSync('/proc/sys/net/ipv4/conf/docker0/route_localnet', 'utf8').trim()).toBe('1');
    const kept = await run('iptables-save', []);
    expect(kept).not.toContain('BRIDGEPORT-DNAT');
    expect(kept).toMatch(/^-A BRIDGEPORT-RAW -d 127\.0\.0\.0\/8 ! -i lo -m comment --comment "bridgeport: loopback guard" -j DROP$/m);
    expect(kept).toMatch(/^-A PREROUTING -j BRIDGEPORT-RAW$/m);
    // Reset as the engine does: route_localnet off, and the guard goes with it.
    const removed = await executor.run('ports.apply', { mappings: [], resetRouteLocalnet: applied.routeLocalnetSet });
    expect(removed.changed).toBe(true);
    expect(readFileSync('/proc/sys/net/ipv4/conf/docker0/route_localnet', 'utf8').trim()).toBe('0');
    expect(await run('iptables-save', [])).not.toContain('BRIDGEPORT');
  });
});

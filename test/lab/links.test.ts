// Issue 5, namespaces and links: real namespaces, bridges and veth pairs in the lab host, wired
// pipework-style into a running container and a named namespace through the built CLI, checked with
// `ip -j` from outside and inside, pinged across, set down, deleted; refusals change nothing; the
// privileged side refuses on its own to touch what Bridgeport did not make.
import { existsSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { Engine } from '../../src/main/engine/engine';
import { rootExecutor } from '../../src/main/privileged/root-executor';
import { LocalExecutor } from '../../src/main/privileged/local-executor';
import type { Snapshot } from '../../src/shared/model';
import type { MadeThing } from '../../src/shared/namespace-model';
import { pidOf, rulesText, tempConfigDir, waitUntil } from './publish-support';
import { bridgeport, labEnv, repoRoot, run, runJson } from './support';

const { lab, image } = labEnv();
const NS = `${lab}-lk1`;
const NS2 = `${lab}-lk2`;
const BR = 'bplkbr0';
const C1 = 'lnk1';
const C2 = 'lnk2';
const OURS = ['bplkbr0', 'bplkbr1', 'bplkv0', 'bplkv1', 'bplkv2', 'bplkv3', 'bplkv4', 'bplkv5', 'bplkv6', 'bplkv7', 'bplkx', 'bplky'];

let config: Awaited<ReturnType<typeof tempConfigDir>>;
let env: Record<string, string>;

interface AddrLink {
  ifname: string;
  mtu: number;
  operstate: string;
  flags: string[];
  master?: string;
  ifalias?: string;
  linkinfo?: { info_kind?: string };
  addr_info: Array<{ family: string; local: string; prefixlen: number }>;
}

const cli = async (...args: string[]) => {
  const result = await bridgeport(args, env);
  return { code: result.exitCode, out: result.stdout.trim(), err: result.stderr.trim() };
};

async function ok(...args: string[]): Promise<string> {
  const result = await cli(...args);
  expect(result.code, `bridgeport ${args.join(' ')}: ${result.err}`).toBe(0);
  expect(result.err).toBe('');
  return result.out;
}

const hostAddr = (name: string) => runJson<AddrLink[]>('ip', ['-j', '-d', 'addr', 'show', 'dev', name]).then((l) => l[0]!);
const insideAddr = async (pid: number) => runJson<AddrLink[]>('nsenter', [`--net=/proc/${pid}/ns/net`, 'ip', '-j', '-d', 'addr', 'show']);
const nsAddr = (ns: string) => runJson<AddrLink[]>('nsenter', [`--net=/run/netns/${ns}`, 'ip', '-j', '-d', 'addr', 'show']);
const insideRoutes = (pid: number) => runJson<Array<{ dst: string; gateway?: string; dev: string }>>('nsenter', [`--net=/proc/${pid}/ns/net`, 'ip', '-j', 'route', 'show']);
const hostLinkNames = async () => (await runJson<Array<{ ifname: string }>>('ip', ['-j', 'link', 'show'])).map((l) => l.ifname);

/** One ping with the host's busybox, from a namespace file's network. */
async function pings(nsFile: string, ip: string): Promise<boolean> {
  const result = await execa('nsenter', [`--net=${nsFile}`, 'busybox', 'ping', '-c', '1', '-W', '2', ip], { reject: false });
  return result.exitCode === 0;
}

/** Named namespaces, without other labs' (they come and go while we run): ours and the machine's. */
async function namespaces(): Promise<string[]> {
  const text = await run('ip', ['netns', 'list']);
  return text
    .split('\n')
    .map((l) => l.split(' ')[0]!)
    .filter((n) => n !== '' && (n.startsWith(`${lab}-`) || !/^bp[a-z0-9]{5}-/.test(n)))
    .sort();
}

/** IPv4 only: IPv6 link-local addresses finish duplicate address detection on their own time. */
const v4 = (l: AddrLink) => [l.ifname, l.operstate, l.mtu, l.master ?? null, l.ifalias ?? null, l.addr_info.filter((a) => a.family === 'inet')];

/** What a refusal must leave as it was: links, namespaces, routes, rules, the record, a container's inside. */
async function systemState() {
  const pid = await pidOf(C1);
  return {
    links: (await runJson<AddrLink[]>('ip', ['-j', '-d', 'addr', 'show'])).map(v4),
    namespaces: await namespaces(),
    routes: await run('ip', ['-4', '-j', 'route', 'show', 'table', 'all']),
    rules: await rulesText(),
    made: existsSync(join(config.dir, 'made.json')) ? readFileSync(join(config.dir, 'made.json'), 'utf8') : '',
    inside: (await insideAddr(pid)).map(v4),
    insideRoutes: await insideRoutes(pid),
    ns: (await nsAddr(NS)).map(v4),
  };
}

async function cleanUp(): Promise<void> {
  // Only what this file makes: its links by name, its namespaces, its containers.
  const present = await hostLinkNames().catch((): string[] => []);
  for (const name of OURS) if (present.includes(name)) await execa('ip', ['link', 'del', 'dev', name], { reject: false });
  for (const ns of [NS, NS2]) if (existsSync(`/run/netns/${ns}`)) await execa('ip', ['netns', 'del', ns], { reject: false });
  await execa('docker', ['rm', '-f', C1, C2, 'lnkhost', 'lnkstopped', 'lnknone'], { reject: false });
  const rules = await run('iptables-save', []).catch(() => '');
  for (const name of ['bplkbr0', 'bplkbr1']) {
    if (rules.includes(`-i ${name} -o ${name}`)) await execa('iptables', ['-D', 'FORWARD', '-i', name, '-o', name, '-m', 'comment', '--comment', 'bridgeport:made', '-j', 'ACCEPT'], { reject: false });
  }
}

beforeAll(async () => {
  // Links and namespaces are made below: only ever in the lab namespace, never the machine's own.
  const hostNs = process.env.BP_LAB_HOST_NS!;
  if (statSync('/proc/self/ns/net').ino !== statSync(`/run/netns/${hostNs}`).ino) throw new Error(`not inside the lab namespace ${hostNs}; refusing to run`);
  if (!existsSync(join(repoRoot, 'out/main/cli.js'))) throw new Error('out/main/cli.js is missing: run "npx electron-vite build" first');
  config = await tempConfigDir();
  env = { BRIDGEPORT_CONFIG_DIR: config.dir };
  await cleanUp();
  await run('docker', ['run', '-d', '--name', C1, image, 'sleep', '1d']);
  await run('docker', ['run', '-d', '--name', 'lnknone', '--network', 'none', image, 'sleep', '1d']);
  await run('docker', ['run', '-d', '--name', 'lnkhost', '--network', 'host', image, 'sleep', '1d']);
  await run('docker', ['create', '--name', 'lnkstopped', image, 'sleep', '1d']);
});

afterAll(async () => {
  await cleanUp();
  await config?.remove();
});

describe('making and wiring', () => {
  it('makes a namespace, a bridge and two veth pairs, tagged and recorded', async () => {
    expect(await ok('ns', 'add', NS)).toBe(`created namespace ${NS}`);
    expect(await ok('link', 'add-bridge', BR, '--address', '10.123.0.1/24', '--mtu', '1450')).toBe(`created bridge ${BR}`);
    expect(await ok('link', 'add-veth', 'bplkv0', 'bplkv1', '--master', BR, '--mtu', '1450')).toBe('created veth pair bplkv0 <-> bplkv1 (bplkv0 on bplkbr0)');
    expect(await ok('link', 'add-veth', 'bplkv2', 'bplkv3', '--master', BR)).toMatch(/^created veth pair bplkv2 <-> bplkv3/);

    expect(await namespaces()).toContain(NS);
    const lo = (await nsAddr(NS)).find((l) => l.ifname === 'lo')!;
    expect(lo).toMatchObject({ ifalias: 'bridgeport:made' });
    expect(lo.flags).toContain('UP');
    const bridge = await hostAddr(BR);
    expect(bridge).toMatchObject({ mtu: 1450, ifalias: 'bridgeport:made', linkinfo: { info_kind: 'bridge' } });
    expect(bridge.flags).toContain('UP');
    expect(bridge.addr_info.filter((a) => a.family === 'inet')).toMatchObject([{ local: '10.123.0.1', prefixlen: 24 }]);
    const v0 = await hostAddr('bplkv0');
    expect(v0).toMatchObject({ mtu: 1450, master: BR, ifalias: 'bridgeport:made', linkinfo: { info_kind: 'veth' } });
    expect(await hostAddr('bplkv1')).toMatchObject({ mtu: 1450, ifalias: 'bridgeport:made' });
    // Traffic between the bridge's own ports gets through Docker's FORWARD policy DROP.
    expect(await run('iptables', ['-S', 'FORWARD'])).toContain(`-A FORWARD -i ${BR} -o ${BR} -m comment --comment "bridgeport:made" -j ACCEPT`);

    const made = JSON.parse(await ok('made', '--json')) as MadeThing[];
    expect(made.map((m) => [m.kind, m.name, m.peer, m.place ?? null, m.peerPlace ?? null])).toEqual([
      ['netns', NS, null, null, null],
      ['bridge', BR, null, 'host', null],
      ['veth', 'bplkv0', 'bplkv1', 'host', 'host'],
      ['veth', 'bplkv2', 'bplkv3', 'host', 'host'],
    ]);
  });

  it('attaches a veth end pipework-style into a running container: eth1 with address, MTU and default route; pings across', async () => {
    const pid = await pidOf(C1);
    expect(await ok('link', 'move', 'bplkv1', '--container', C1, '--name', 'eth1', '--address', '10.123.0.2/24', '--gateway', '10.123.0.1', '--mtu', '1400')).toBe(
      `moved bplkv1 into container ${C1} as eth1`,
    );
    const inside = await insideAddr(pid);
    const eth1 = inside.find((l) => l.ifname === 'eth1');
    expect(eth1).toMatchObject({ mtu: 1400, operstate: 'UP', linkinfo: { info_kind: 'veth' } });
    expect(eth1!.addr_info.filter((a) => a.family === 'inet')).toMatchObject([{ local: '10.123.0.2', prefixlen: 24 }]);
    expect(inside.find((l) => l.ifname === 'eth0')).toBeDefined(); // Docker's own stays
    expect(await insideRoutes(pid)).toContainEqual(expect.objectContaining({ dst: 'default', gateway: '10.123.0.1', dev: 'eth1' }));
    expect(await hostLinkNames()).not.toContain('bplkv1');
    expect(await pings(`/proc/${pid}/ns/net`, '10.123.0.1')).toBe(true);
    expect(await pings('/proc/self/ns/net', '10.123.0.2')).toBe(true);
  });

  it('moves a veth end into a named namespace and pings the container across the bridge', async () => {
    expect(await ok('link', 'move', 'bplkv3', '--netns', NS, '--name', 'eth0', '--address', '10.123.0.3/24')).toBe(`moved bplkv3 into netns ${NS} as eth0`);
    const eth0 = (await nsAddr(NS)).find((l) => l.ifname === 'eth0');
    expect(eth0).toMatchObject({ operstate: 'UP', ifalias: 'bridgeport:made' });
    expect(eth0!.addr_info.filter((a) => a.family === 'inet')).toMatchObject([{ local: '10.123.0.3', prefixlen: 24 }]);
    expect(await pings(`/run/netns/${NS}`, '10.123.0.1')).toBe(true);
    expect(await pings(`/run/netns/${NS}`, '10.123.0.2')).toBe(true);
    const made = JSON.parse(await ok('made', '--json')) as MadeThing[];
    expect(made.filter((m) => m.kind === 'veth').map((m) => [m.name, m.place, m.peer, m.peerPlace])).toEqual([
      ['bplkv0', 'host', 'eth1', `container ${C1}`],
      ['bplkv2', 'host', 'eth0', `netns ${NS}`],
    ]);
    expect(await ok('made')).toContain(`veth    bplkv0 (host) <-> eth1 (container ${C1})`);
  });

  it('gives a --network none container its only interface', async () => {
    expect(await ok('link', 'add-veth', 'bplkv4', 'bplkv5', '--master', BR)).toMatch(/^created/);
    await ok('link', 'move', 'bplkv5', '--container', 'lnknone', '--name', 'eth0', '--address', '10.123.0.4/24', '--gateway', '10.123.0.1');
    const pid = await pidOf('lnknone');
    expect(await pings(`/proc/${pid}/ns/net`, '10.123.0.2')).toBe(true);
    expect(await insideRoutes(pid)).toContainEqual(expect.objectContaining({ dst: 'default', gateway: '10.123.0.1', dev: 'eth0' }));
  });

  it('sets links down and up, inside a container and in the host', async () => {
    const pid = await pidOf(C1);
    expect(await ok('link', 'down', 'eth1', '--container', C1)).toBe('eth1 is down');
    expect((await insideAddr(pid)).find((l) => l.ifname === 'eth1')).toMatchObject({ operstate: 'DOWN' });
    expect(await pings(`/run/netns/${NS}`, '10.123.0.2')).toBe(false);
    expect(await ok('link', 'up', 'eth1', '--container', C1)).toBe('eth1 is up');
    await waitUntil(async () => (await insideAddr(pid)).find((l) => l.ifname === 'eth1')?.operstate === 'UP', 5000, 'eth1 to come up');
    expect(await pings(`/run/netns/${NS}`, '10.123.0.2')).toBe(true);

    expect(await ok('link', 'down', 'eth0', '--netns', NS)).toBe('eth0 is down');
    expect((await nsAddr(NS)).find((l) => l.ifname === 'eth0')).toMatchObject({ operstate: 'DOWN' });
    await ok('link', 'up', 'eth0', '--netns', NS);
    expect(await ok('link', 'down', BR)).toBe(`${BR} is down`);
    expect((await hostAddr(BR)).operstate).toBe('DOWN');
    await ok('link', 'up', BR);
  });
});

const long = 'a'.repeat(16);

/** [argv after `bridgeport`, what the one-line reason must say]. */
const refusals = (): Array<[string[], RegExp]> => [
  [['ns', 'add', 'x'.repeat(65)], /name: a namespace name is at most 64 characters/],
  [['ns', 'add', '../etc'], /name: a namespace name has only letters, digits/],
  [['ns', 'add', 'ns;reboot'], /a namespace name has only letters/],
  [['ns', 'add', `${lab}-host`], new RegExp(`namespace ${lab}-host already exists`)],
  [['ns', 'del', `${lab}-lan`], new RegExp(`namespace ${lab}-lan was not made by Bridgeport: Bridgeport changes and deletes only`)],
  [['ns', 'del', `${lab}-host`], /was not made by Bridgeport/],
  [['ns', 'del', `${lab}-nosuch`], new RegExp(`no namespace named ${lab}-nosuch`)],
  [['link', 'add-bridge', long], /name: an interface name is at most 15 characters/],
  [['link', 'add-bridge', 'br0;reboot'], /name: an interface name has only letters, digits/],
  [['link', 'add-bridge', '$(reboot)'], /an interface name has only letters/],
  [['link', 'add-bridge', 'br`id`'], /an interface name has only letters/],
  [['link', 'add-bridge', 'br0 up'], /an interface name has only letters/],
  [['link', 'add-bridge', 'docker0'], /a link named docker0 already exists in the host/],
  [['link', 'add-bridge', 'bplkx', '--address', '10.124.0.0/24'], /10\.124\.0\.0 is the network address of 10\.124\.0\.0\/24/],
  [['link', 'add-bridge', 'bplkx', '--address', '300.1.1.1/24'], /"300\.1\.1\.1" is not an IPv4 or IPv6 address/],
  [['link', 'add-bridge', 'bplkx', '--address', '10.124.0.1'], /is not an address with a prefix length, like 10\.0\.0\.1\/24/],
  [['link', 'add-bridge', 'bplkx', '--address', '10.124.0.1/33'], /must be 1-32/],
  [['link', 'add-bridge', 'bplkx', '--address', '10.124.0.1/24;reboot'], /is not an address with a prefix length/],
  [['link', 'add-bridge', 'bplkx', '--address', '172.17.9.1/24'], /172\.17\.9\.1\/24 overlaps 172\.17\.0\.0\/16 on docker0, a route of this host/],
  [['link', 'add-bridge', 'bplkx', '--address', '198.51.100.9/24'], /overlaps 198\.51\.100\.0\/24 on \w+up, a route of this host/],
  [['link', 'add-bridge', 'bplkx', '--address', '10.123.0.9/24'], /overlaps 10\.123\.0\.0\/24 on bplkbr0/],
  [['link', 'add-bridge', 'bplkx', '--mtu', '0'], /mtu: MTU is at least 68/],
  [['link', 'add-bridge', 'bplkx', '--mtu', '70000'], /mtu: MTU is at most 65535/],
  [['link', 'add-bridge', 'bplkx', '--mtu', '1500x'], /MTU must be a whole number, got "1500x"/],
  [['link', 'add-veth', 'bplkx', 'bplkx'], /the two ends of a veth pair need different names/],
  [['link', 'add-veth', 'bplkx', long], /peer: an interface name is at most 15 characters/],
  [['link', 'add-veth', 'bplkx', 'bplky', '--master', 'nosuchbr'], /no bridge named nosuchbr in the host/],
  [['link', 'add-veth', 'bplkx', 'bplky', '--master', `${lab}up`], new RegExp(`${lab}up is not a bridge \\(it is a veth\\)`)],
  [['link', 'add-veth', 'bplkx', 'bplky', '--mtu', '67'], /MTU is at least 68/],
  [['link', 'move', 'nosuchlink', '--netns', NS], /no link named nosuchlink in the host/],
  [['link', 'move', long, '--netns', NS], /link: an interface name is at most 15 characters/],
  [['link', 'move', 'bplkv6', '--netns', `${lab}-nosuch`], new RegExp(`no namespace named ${lab}-nosuch`)],
  [['link', 'move', 'bplkv6', '--netns', `${lab}-host`], new RegExp(`namespace ${lab}-host is the one Bridgeport runs in`)],
  [['link', 'move', 'bplkv6', '--netns', '../../proc/1/ns/net'], /to\.namespace: a namespace name has only letters, digits/],
  [['link', 'move', 'bplkv6', '--container', 'nosuchcontainer'], /no container named or with id "nosuchcontainer"/],
  [['link', 'move', 'bplkv6', '--container', 'lnkstopped'], /container lnkstopped is created: only a running container has a network namespace/],
  [['link', 'move', 'bplkv6', '--container', 'lnkhost'], /container lnkhost uses the host's network/],
  [['link', 'move', 'bplkv6', '--container', 'c;reboot'], /invalid input for links\.move: to\.container: a container name or id has only letters, digits/],
  [['link', 'move', 'bplkv6'], /say where to move it: --netns NAME or --container NAME/],
  [['link', 'move', 'bplkv6', '--netns', NS, '--container', C1], /give --netns or --container, not both/],
  [['link', 'move', 'docker0', '--netns', NS], /docker0 was not made by Bridgeport/],
  [['link', 'move', `${lab}up`, '--netns', NS], new RegExp(`${lab}up was not made by Bridgeport`)],
  [['link', 'move', BR, '--netns', NS], /bplkbr0 is a bridge: only the ends of veth pairs can be moved/],
  [['link', 'move', 'bplkv6', '--container', C1, '--gateway', '10.123.0.1'], /a gateway needs an address on the link/],
  [['link', 'move', 'bplkv6', '--container', C1, '--address', '10.124.0.2/24', '--gateway', '10.123.0.1'], /gateway 10\.123\.0\.1 is outside 10\.124\.0\.0\/24/],
  [['link', 'move', 'bplkv6', '--container', C1, '--address', '10.124.0.2/24', '--gateway', '10.124.0.2'], /is the link's own address/],
  [['link', 'move', 'bplkv6', '--container', C1, '--mtu', '70000'], /MTU is at most 65535/],
  [['link', 'move', 'bplkv6', '--container', C1, '--name', 'eth 1'], /rename: an interface name has only letters/],
  [['link', 'move', 'bplkv6', '--container', C1, '--name', 'eth0'], /a link named eth0 already exists in the namespace of process \d+/],
  [['link', 'move', 'bplkv6', '--netns', NS, '--name', 'eth0'], new RegExp(`a link named eth0 already exists in namespace ${NS}`)],
  [['link', 'del', 'docker0'], /^bridgeport: docker0 was not made by Bridgeport: Bridgeport changes and deletes only the namespaces, bridges and veth pairs it made$/],
  [['link', 'del', `${lab}up`], new RegExp(`${lab}up was not made by Bridgeport`)],
  [['link', 'del', 'lo'], /lo was not made by Bridgeport/],
  [['link', 'del', 'nosuch'], /no link named nosuch in the host/],
  [['link', 'del', 'eth1'], new RegExp(`no link named eth1 in the host \\(Bridgeport's eth1 is in container ${C1}\\)`)],
  [['link', 'del', 'eth0', '--container', C1], new RegExp(`Bridgeport made no link named eth0 in container ${C1}`)],
  [['link', 'del', 'lo', '--netns', NS], new RegExp(`Bridgeport made no link named lo in netns ${NS}`)],
  [['link', 'del', 'eth1', '--netns', `${lab}-lan`], new RegExp(`Bridgeport made no link named eth1 in netns ${lab}-lan`)],
  [['link', 'down', 'docker0'], /docker0 was not made by Bridgeport/],
  [['link', 'down', `${lab}up`], /was not made by Bridgeport/],
  [['link', 'up', 'eth0', '--container', C1], /Bridgeport made no link named eth0 in container/],
  [['link', 'down', 'eth1', '--container', 'nosuchcontainer'], /no container named or with id "nosuchcontainer"/],
];

describe('refusals', () => {
  it('bad input and others’ links are refused with one line (exit 1), changing nothing', async () => {
    // A made veth to aim the moves at.
    await ok('link', 'add-veth', 'bplkv6', 'bplkv7');
    const cases = refusals();
    expect(cases.length).toBeGreaterThanOrEqual(50);
    const before = await systemState();
    // Six at a time: refusals do not change anything, so their order does not matter.
    for (let i = 0; i < cases.length; i += 6) {
      await Promise.all(
        cases.slice(i, i + 6).map(async ([argv, reason]) => {
          const result = await cli(...argv);
          expect(result.code, `${argv.join(' ')}: ${result.out}`).toBe(1);
          expect(result.err.split('\n'), argv.join(' ')).toHaveLength(1);
          expect(result.err, argv.join(' ')).toMatch(/^bridgeport: /);
          expect(result.err, argv.join(' ')).toMatch(reason);
          expect(result.out, argv.join(' ')).toBe('');
        }),
      );
    }
    expect(await systemState()).toEqual(before);
  }, 480_000);

  it('the privileged side itself refuses links and namespaces Bridgeport did not make (the last door)', async () => {
    const executor = new LocalExecutor();
    const before = await systemState();
    const pid = await pidOf(C1);
    const cases: Array<[string, unknown, RegExp]> = [
      ['link.delete', { link: 'docker0' }, /^docker0 in this namespace was not made by Bridgeport$/],
      ['link.delete', { link: `${lab}up` }, /was not made by Bridgeport/],
      ['link.delete', { link: 'eth0', in: { pid } }, new RegExp(`^eth0 in the namespace of process ${pid} was not made by Bridgeport$`)],
      ['link.delete', { link: 'lo', in: { netns: NS } }, /^lo is a device, not a bridge or veth$/],
      ['link.setUp', { link: 'docker0', up: false }, /docker0 in this namespace was not made by Bridgeport/],
      ['link.setUp', { link: 'eth0', in: { pid }, up: false }, /was not made by Bridgeport/],
      ['link.move', { link: `${lab}up`, to: { netns: NS } }, /was not made by Bridgeport/],
      ['link.move', { link: BR, to: { netns: NS } }, /^bplkbr0 is a bridge, not a veth$/],
      ['link.move', { link: 'bplkv6', to: { netns: `${lab}-host` } }, new RegExp(`^namespace ${lab}-host is the namespace Bridgeport runs in, not another one$`)],
      ['link.move', { link: 'bplkv6', to: { pid: process.pid } }, /is the namespace Bridgeport runs in/],
      ['link.move', { link: 'bplkv6', to: { netns: `${lab}-nosuch` } }, new RegExp(`^no namespace named ${lab}-nosuch$`)],
      ['link.move', { link: 'bplkv6', to: { pid }, rename: 'eth0' }, /^a link named eth0 already exists in the namespace of process/],
      ['netns.delete', { name: `${lab}-lan` }, new RegExp(`^namespace ${lab}-lan was not made by Bridgeport$`)],
      ['netns.delete', { name: `${lab}-host` }, /is the namespace Bridgeport runs in/],
      ['netns.add', { name: NS }, new RegExp(`^namespace ${NS} already exists$`)],
      ['link.addBridge', { name: BR }, /^a link named bplkbr0 already exists in this namespace$/],
      ['link.addVeth', { name: 'bplkx', peer: 'bplky', master: `${lab}up` }, new RegExp(`^${lab}up is not a bridge$`)],
    ];
    for (const [op, args, message] of cases) {
      await expect(executor.run(op as never, args as never), op).rejects.toThrow(message);
    }
    expect(await systemState()).toEqual(before);
  });
});

describe('the topology follows', () => {
  it('a watching engine pushes a snapshot with a new bridge, and without it once deleted', async () => {
    const engine = new Engine({ executor: rootExecutor, configDir: config.dir });
    const snapshots: Snapshot[] = [];
    const stop = engine.subscribe('snapshot', (s) => snapshots.push(s));
    try {
      engine.startWatching();
      await engine.call('snapshot.get', {});
      const has = (name: string) => snapshots.at(-1)?.links.some((l) => l.name === name) ?? false;
      await engine.call('links.createBridge', { name: 'bplkbr1' });
      await waitUntil(async () => has('bplkbr1'), 3000, 'the snapshot to show bplkbr1');
      const made = await engine.call('made.list', {});
      expect(made.map((m) => m.name)).toContain('bplkbr1');
      expect(await engine.call('links.delete', { link: 'bplkbr1' })).toMatchObject({ kind: 'bridge', name: 'bplkbr1' });
      await waitUntil(async () => !has('bplkbr1'), 3000, 'the snapshot to lose bplkbr1');
    } finally {
      stop();
      engine.stop();
    }
  });
});

describe('deleting what Bridgeport made', () => {
  it('forgets a pair whose container went away (the kernel took both ends)', async () => {
    await run('docker', ['run', '-d', '--name', C2, image, 'sleep', '1d']);
    await ok('link', 'move', 'bplkv7', '--container', C2, '--name', 'eth1');
    expect((JSON.parse(await ok('made', '--json')) as MadeThing[]).some((m) => m.name === 'bplkv6')).toBe(true);
    await run('docker', ['rm', '-f', C2]);
    await waitUntil(async () => !(await hostLinkNames()).includes('bplkv6'), 5000, 'bplkv6 to go with the container');
    expect((JSON.parse(await ok('made', '--json')) as MadeThing[]).some((m) => m.name === 'bplkv6')).toBe(false);
  });

  it('deletes veth pairs from either end, the namespace and the bridge, and they are gone', async () => {
    const pid = await pidOf(C1);
    expect(await ok('link', 'del', 'eth1', '--container', C1)).toBe('deleted veth pair bplkv0 <-> eth1');
    expect((await insideAddr(pid)).map((l) => l.ifname)).not.toContain('eth1');
    expect(await hostLinkNames()).not.toContain('bplkv0');
    expect(await ok('link', 'del', 'bplkv4')).toBe('deleted veth pair bplkv4 <-> eth0');
    // Deleting the namespace takes the veth end inside it, and so its pair.
    expect(await ok('ns', 'del', NS)).toBe(`deleted namespace ${NS}`);
    expect(await namespaces()).not.toContain(NS);
    await waitUntil(async () => !(await hostLinkNames()).includes('bplkv2'), 5000, 'bplkv2 to go with the namespace');
    expect(await ok('link', 'del', BR)).toBe(`deleted bridge ${BR}`);
    const names = await hostLinkNames();
    for (const name of OURS) expect(names).not.toContain(name);
    expect(await run('iptables', ['-S', 'FORWARD'])).not.toContain('bridgeport:made');
    expect(JSON.parse(await ok('made', '--json'))).toEqual([]);
    expect(await ok('made')).toBe('Bridgeport made no namespaces or links (or they are gone)');
    // Docker's own interface of the container is untouched.
    expect((await insideAddr(pid)).find((l) => l.ifname === 'eth0')?.operstate).toBe('UP');
  });

  it('refuses to delete what is gone, and what it no longer made', async () => {
    const result = await cli('link', 'del', BR);
    expect(result).toMatchObject({ code: 1, err: `bridgeport: no link named ${BR} in the host` });
    // Made by Bridgeport, deleted and made again by hand under the same name: no longer Bridgeport's.
    await ok('ns', 'add', NS2);
    await run('ip', ['netns', 'del', NS2]);
    await run('ip', ['netns', 'add', NS2]);
    const refused = await cli('ns', 'del', NS2);
    expect(refused.code).toBe(1);
    expect(refused.err).toMatch(new RegExp(`^bridgeport: namespace ${NS2} was not made by Bridgeport`));
    expect(await namespaces()).toContain(NS2);
    await run('ip', ['netns', 'del', NS2]);
    expect(JSON.parse(await ok('made', '--json'))).toEqual([]);
  });
});

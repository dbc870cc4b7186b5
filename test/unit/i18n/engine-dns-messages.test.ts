// The DNS view's sentences as messages (issue 18): per-container notes, timeline entries, the host's
// DHCP detail and read errors, over the DNS tests' captures (Docker 20.10, 26, 28, Podman 5). The
// English the engine prints is the English catalogue's; every sentence is said in Korean with no key
// missing, and every key of the catalogue is reached by some producer.
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  couldNotSync,
  describeAardvarkReload,
  describeAction,
  describeDockerdAction,
  describeDockerdFollow,
  describeFailure,
  describeHostChange,
  describeLeftAlone,
  describeSwitch,
  DNS_FILES_NEED_ROOT,
  outOfDateDockerdMessage,
  outOfDateMessage,
  UNREAD_NOTE,
} from '../../../src/main/engine/dns/describe-sync';
import { lastDhclientLease } from '../../../src/main/engine/dns/dhclient-lease';
import { dhclientDetail, FILE_ALONE, networkManagerDetail } from '../../../src/main/engine/dns/dhcp-source';
import { DnsSyncError } from '../../../src/main/engine/dns/dns-words';
import { planDns, type DnsAction, type PlanInput } from '../../../src/main/engine/dns/plan-dns-sync';
import { readHostDns } from '../../../src/main/engine/dns/read-host-dns';
import type { ContainerDns, DnsEvent } from '../../../src/shared/dns-model';
import { inEnglish } from '../../../src/shared/i18n/english';
import { message, type Message } from '../../../src/shared/message';
import { CAPTURE_HOST_TEXT, captureHost as capture, docker20Facts as docker20, docker20Resolv, fixture, hostState as state, inspected, planInput as input, vpnHost as vpn } from '../dns/dns-fixtures';
import { p2Facts as p2, podmanText } from '../engines/podman5-fixture';
import { sayIn } from './engine-say';

const home = state('2026-11-22T11:10:00.000Z', 'nameserver 192.168.1.1\n');
const back = state('2026-11-22T13:00:00.000Z', CAPTURE_HOST_TEXT);
const loopback = state('2026-11-22T12:00:00.000Z', 'nameserver 127.0.0.1\nnameserver 10.8.0.1\n');

/** Docker 28's embedded file naming upstreams dockerd asks from the host's namespace. */
const docker28 = (name: string, servers: string) =>
  docker20('u1', { container: { id: `id-${name}`, name }, resolvConf: { text: `nameserver 127.0.0.11\noptions ndots:0\n# ExtServers: [${servers}]\n`, hash: null } });

const SCOPE = '/system.slice/docker.service';
const PROBLEM = 'dockerd shares its cgroup /user.slice with bash (pid 42): a redirect there would change their DNS too';
const redirect = { from: '10.255.255.53', to: '10.8.0.1' };
const dockerdRedirect = { from: '192.168.65.7', to: '10.8.0.1' };

/** Every capture in every situation the DNS tests put it in. */
function plans(): PlanInput[] {
  const names = inspected.map((c) => c.Name.slice(1)).filter((n) => n !== 'c1');
  const settings = [
    { enabled: true, disabledContainers: [] },
    { enabled: false, disabledContainers: [] },
  ];
  const out: PlanInput[] = [];
  for (const s of settings) {
    for (const host of [{ host: vpn, history: [capture, home] }, { host: capture, history: [] }, { host: back, history: [capture, vpn] }, { host: loopback, history: [capture] }]) {
      const changes = { ...host, settings: s };
      out.push(input(names.map((n) => docker20(n)), changes));
      out.push(input(names.map((n) => docker20(n, { running: false })), changes));
      out.push(input(names.map((n) => docker20(n, { currentRedirects: [redirect] })), changes));
      out.push(input(names.map((n) => docker20(n, { resolvConf: { text: 'nameserver 1.1.1.1\n', hash: docker20Resolv(n).hash } })), changes));
      out.push(input(names.map((n) => docker20(n, { resolvConf: null })), changes));
      out.push(input(names.map((n) => docker20(n)), { ...changes, settings: { ...s, disabledContainers: names } }));
      out.push(input(names.map((n) => docker20(n, { currentRedirects: [redirect] })), { ...changes, settings: { ...s, disabledContainers: names } }));
    }
  }
  // A container in another's namespace, with and without that one.
  out.push(input([docker20('d1'), docker20('c1', { resolvConf: docker20Resolv('d1') })]));
  out.push(input([docker20('c1', { resolvConf: docker20Resolv('d1') })]));
  // The host's own resolver on the host's network; a hash matching nothing; Docker 26's files.
  out.push(input([docker20('h1', { resolvConf: { text: 'nameserver 127.0.0.53\noptions edns0\n', hash: null } })]));
  out.push(input([docker20('u1', { resolvConf: { text: docker20Resolv('u1').text, hash: 'sha256:0000' } })], { history: [capture, home] }));
  out.push(input([docker20('u1', { resolvConf: { text: docker20Resolv('u1').text, hash: 'sha256:0000' } })], { history: [] }));
  for (const file of ['docker26/embedded.resolv.conf', 'docker26/embedded-stub.resolv.conf']) {
    const u26 = docker20('u1', { resolvConf: { text: fixture(file), hash: null } });
    out.push(input([u26]), input([u26], { host: state('2026-11-22T12:00:00.000Z', 'nameserver 192.168.65.7\n') }));
  }
  out.push(input([docker20('u1', { resolvConf: { text: 'nameserver 127.0.0.11\noptions ndots:0\n# ExtServers: [10.1.0.1 host(127.0.0.1)]\n', hash: null } })]));
  // An IPv6 upstream no redirect can reach (a DNAT keeps the family).
  out.push(input([docker20('u1', { resolvConf: { text: 'nameserver 127.0.0.11\noptions ndots:0\n# ExtServers: [2001:db8::53]\n', hash: null } })]));
  // Docker 28: dockerd's queries, redirected, blocked, or not read; one container switched off.
  const both = [docker28('a', 'host(192.168.65.7)'), docker28('b', 'host(192.168.1.1) host(192.168.65.7) 10.1.0.1')];
  for (const dockerd of [{ current: [], scope: SCOPE, problem: null }, { current: [dockerdRedirect], scope: SCOPE, problem: null }, { current: [dockerdRedirect], scope: null, problem: PROBLEM }, { current: [], scope: null, problem: null }]) {
    out.push(input(both, { dockerd }), input(both, { dockerd, settings: { enabled: true, disabledContainers: ['a'] } }));
    out.push(input(both, { dockerd, host: state('2026-11-22T13:00:00.000Z', 'nameserver 192.168.65.7\n') }));
    out.push(input([docker28('c28', 'host(127.0.0.53)')], { dockerd }));
  }
  // Podman 5: aardvark-dns (told, not told, none, not read, switched off), copies, no network, --dns.
  const moved = { host: state('2026-12-06T05:00:00.000Z', 'search two.test\nnameserver 198.51.100.54\n'), history: [state('2026-12-06T03:00:00.000Z', 'nameserver 198.51.100.2\n')] };
  for (const aardvark of [undefined, { pids: [4242], stale: [4242] }, { pids: [4242], stale: [] }, { pids: [], stale: [] }]) {
    const a = aardvark ? { aardvark } : {};
    out.push(input([p2(['10.89.0.1'])], { ...moved, ...a }), input([p2(['10.89.0.1'], null)], { ...moved, ...a }));
    out.push(input([p2(['10.89.0.1'])], { ...moved, ...a, settings: { enabled: true, disabledContainers: [p2(undefined).container.name] } }));
    out.push(input([p2(['10.89.0.1'], podmanText('resolv-p2.conf'), ['192.0.2.53'])], { ...moved, ...a }));
  }
  out.push(input([p2([], podmanText('resolv-p1.conf'))], moved), input([p2([], 'nameserver 192.0.2.99\n')], moved), input([p2(undefined)], moved));
  out.push(input([{ ...p2([], null), networkMode: 'none', networks: [] }], moved), input([p2([], null)], moved));
  out.push(input([{ ...p2(['10.89.0.1']), custom: { dns: ['9.9.9.9'], search: [], options: ['ndots:1'] } }], moved));
  return out;
}

interface Said {
  english: string;
  message: Message;
}

const planned = plans().map(planDns);
const views: ContainerDns[] = planned.flatMap((p) => p.containers.map((c) => c.view));

function notes(): Said[] {
  const out: Said[] = [];
  for (const p of planned) {
    for (const c of p.containers) {
      out.push({ english: c.view.note, message: c.view.noteMessage! });
      if (c.untoldNote) out.push({ english: c.untoldNote, message: c.untoldNoteMessage! });
      if (c.action.kind !== 'none') out.push({ english: inEnglish(outOfDateMessage(c.action)), message: outOfDateMessage(c.action) });
      if (c.dockerdNeeds.length > 0) out.push({ english: inEnglish(outOfDateDockerdMessage(c.dockerdNeeds)), message: outOfDateDockerdMessage(c.dockerdNeeds) });
    }
  }
  for (const error of [new DnsSyncError(message('engine-dns:error.resolvUnknown')), new DnsSyncError(message('engine-dns:error.notRunning')), new DnsSyncError(message('engine-dns:error.noAardvark')), new Error('EACCES: permission denied')]) {
    const { note, noteMessage } = couldNotSync(error);
    out.push({ english: note, message: noteMessage });
  }
  out.push({ english: inEnglish(UNREAD_NOTE), message: UNREAD_NOTE }, { english: inEnglish(DNS_FILES_NEED_ROOT), message: DNS_FILES_NEED_ROOT });
  return out;
}

function events(): Array<Omit<DnsEvent, 'at'>> {
  const out: Array<Omit<DnsEvent, 'at'>> = [];
  const w1 = { id: 'a'.repeat(64), name: 'w1' };
  out.push(describeHostChange(capture.settings, vpn.settings, '/run/systemd/resolve/resolv.conf'), describeHostChange(vpn.settings, { nameservers: [], search: [], options: [] }, '/etc/resolv.conf'));
  for (const p of planned) {
    for (const c of p.containers) {
      if (c.action.kind !== 'none') out.push(describeAction(c.view.container, c.action as Exclude<DnsAction, { kind: 'none' }>));
      if (c.dockerdNeeds.length > 0) out.push(describeDockerdFollow(c.view.container, c.dockerdNeeds));
      const leftAlone = describeLeftAlone(c.view);
      if (leftAlone) out.push(leftAlone);
    }
    if (p.dockerd) out.push(describeDockerdAction(p.dockerd, SCOPE), describeDockerdAction(p.dockerd, null));
  }
  out.push(
    describeAardvarkReload([{ pid: 4242, servers: ['198.51.100.54'] }], [], [{ name: 'p2' }]),
    describeAardvarkReload([{ pid: 4242, servers: ['198.51.100.54'] }, { pid: 4343, servers: ['198.51.100.55'] }], [], []),
    describeAardvarkReload([], [{ pid: 4242, reason: 'pid 4242 is not aardvark-dns' }], [{ name: 'p2' }]),
    describeAardvarkReload([], [], []),
  );
  out.push(describeSwitch({ enabled: true }), describeSwitch({ enabled: false }), describeSwitch({ enabled: true, container: 'w1' }), describeSwitch({ enabled: false, container: 'w1' }));
  out.push(describeFailure(w1, new DnsSyncError(message('engine-dns:error.notRunning'))), describeFailure(w1, new Error('resolv.conf changed meanwhile')), describeFailure(null, new Error('nft: permission denied')));
  return out;
}

async function hostDetails(): Promise<Said[]> {
  const out: Said[] = [];
  const lease = lastDhclientLease(fixture('dhclient/dhclient.eth0.leases'))!;
  const path = '/var/lib/dhcp/dhclient.eth0.leases';
  for (const l of [lease, { ...lease, server: null }, { ...lease, renew: null }, { ...lease, server: null, renew: null }]) out.push({ english: inEnglish(dhclientDetail(l, path)), message: dhclientDetail(l, path) });
  for (const m of [networkManagerDetail('wlp2s0', 'Home', ['192.168.1.1', '192.168.1.2']), networkManagerDetail('wlp2s0', '?', []), FILE_ALONE]) out.push({ english: inEnglish(m), message: m });
  // The host's file missing, and unreadable (a folder).
  const dir = mkdtempSync(join(tmpdir(), 'bp-dns-msg-'));
  for (const paths of [{ path: join(dir, 'absent'), stubTarget: join(dir, 'absent-too') }, { path: dir, stubTarget: join(dir, 'absent') }]) {
    const { view } = await readHostDns(paths);
    out.push({ english: view.error!, message: view.errorMessage! }, { english: view.dhcp.detail, message: view.dhcp.detailMessage! });
  }
  return out;
}

/** Words the Korean keeps: names of programs, files, flags and kernel things. */
const KEPT = new Set(['Docker', 'Podman', 'NetworkManager', 'dhclient', 'dockerd', 'aardvark-dns', 'resolv.conf', 'hosts', 'cgroup', 'pid', 'root', 'rootless', 'sudo', 'bridgeport', 'daemon', '--network', 'none', 'podman', 'network', 'create', '--dns', 'Bridgeport']);

/** The data of a message tree (its string parameters), which stays as it is in every language. */
function dataOf(m: Message): string[] {
  return Object.values(m.params).flatMap((value) => (Array.isArray(value) ? value.flatMap(dataOf) : typeof value === 'object' ? dataOf(value) : [String(value)]));
}

/** Every key a message tree uses. */
function keysOf(m: Message, into: Set<string>): Set<string> {
  into.add(m.key);
  for (const value of Object.values(m.params)) {
    for (const v of Array.isArray(value) ? value : [value]) if (typeof v === 'object') keysOf(v, into);
  }
  return into;
}

function flatKeys(tree: object, prefix: string): string[] {
  return Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : flatKeys(v as object, `${prefix}${k}.`)));
}

describe('DNS sentences in both languages', async () => {
  const all: Said[] = [...notes(), ...events().map((e) => ({ english: e.message, message: e.messageMessage! })), ...(await hostDetails())];

  it('come from the captures, each with its message', () => {
    expect(views.length).toBeGreaterThan(500);
    expect(new Set(all.map((s) => s.english)).size).toBeGreaterThan(80);
    for (const s of all) expect(s.message, s.english).toBeDefined();
  });

  it('say in English, through the catalogue, exactly the sentence the engine prints', () => {
    for (const s of all) expect(sayIn('en', s.message)).toBe(s.english);
  });

  it('say every sentence in Korean, with no English word of the engine left', () => {
    for (const s of all) {
      const korean = sayIn('ko', s.message);
      // What may stay Latin: the data (addresses, names, paths, a tool's error) and the names of things.
      const leftover = dataOf(s.message)
        .sort((a, b) => b.length - a.length)
        .reduce((text, data) => text.split(data).join(' '), korean)
        .split(/[^A-Za-z.-]+/)
        .filter((w) => /[a-z]{3,}/.test(w) && !KEPT.has(w));
      expect(leftover, `${s.english} → ${korean}`).toEqual([]);
    }
  });

  it('reach every key of the DNS catalogue', () => {
    const used = new Set<string>();
    for (const s of all) keysOf(s.message, used);
    const catalogue = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../../src/shared/i18n/locales/en/engine-dns.json'), 'utf8')) as object;
    // Only a host state Bridgeport never saw leaves upstreams unknown, and planDns always has the one in force.
    const unreachable = ['engine-dns:note.upstreamsUnknown'];
    expect(flatKeys(catalogue, 'engine-dns:').filter((k) => !used.has(k) && !unreachable.includes(k))).toEqual([]);
  });

  it('a container whose Docker resolver is redirected, and a timeline entry, in Korean', () => {
    const [u1] = planDns(input([docker20('u1', { currentRedirects: [redirect] })])).containers;
    expect(u1!.view.note).toBe("Docker's resolver forwards to 10.255.255.53; Bridgeport redirects that to 10.8.0.1 in its namespace");
    expect(sayIn('ko', u1!.view.noteMessage!)).toBe('Docker 리졸버가 10.255.255.53(으)로 전달함. Bridgeport가 컨테이너 네임스페이스에서 이를 10.8.0.1(으)로 리디렉션함');
    const change = describeHostChange(capture.settings, vpn.settings, '/etc/resolv.conf');
    expect(sayIn('ko', change.messageMessage!)).toBe('호스트 DNS가 바뀜 (/etc/resolv.conf): 10.255.255.53 → 10.8.0.1, 10.8.0.2 (검색 도메인 vpn.corp)');
  });
});

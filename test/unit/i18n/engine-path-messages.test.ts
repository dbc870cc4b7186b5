// Packet-path sentences as messages (issue 18): every step, outcome and caveat the path computation
// writes on the inputs of the path unit tests (captured Docker 20.10 and Podman 5.8 hosts and crafted
// variations) is said in English exactly as the engine prints it, and in Korean with no key missing.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import type { Message } from '../../../src/shared/message';
import type { PathResult } from '../../../src/main/engine/path/path-types';
import { tracePacket } from '../../../src/main/engine/path/trace-packet';
import { withoutFirewall } from '../../../src/main/engine/path/without-firewall';
import { FIREWALL_NEEDS_ROOT } from '../../../src/main/engine/firewall/read-firewall';
import { parseNftJson } from '../../../src/main/netcore/nft/parse-nft-json';
import type { Container } from '../../../src/shared/model';
import { containers, dockerRulesText, fixture, fromContainer, host, HOST_IP, lan, link, links, listeners, routes, rulesetOf, trace, withRules } from '../path/path-host';
import { docker29Document, docker29Links, docker29Routes } from '../path/docker29-host';
import { HOST_IP as PODMAN_IP, nftDocument, podmanRuleset, tracePodman } from '../path/podman5-host';
import { sayIn } from './engine-say';

const tcpDport = (port: number) => ({ match: { op: '==', left: { payload: { protocol: 'tcp', field: 'dport' } }, right: port } });

/** One nft table as `nft -j` lists it, added beside netavark's captured tables. */
function withTable(family: string, name: string, chains: Array<{ name: string; base?: Record<string, unknown>; rules?: unknown[][] }>, extra: unknown[] = []) {
  const table = [
    { table: { family, name } },
    ...extra,
    ...chains.map((c) => ({ chain: { family, table: name, name: c.name, ...(c.base ? { policy: 'accept', ...c.base } : {}) } })),
    ...chains.flatMap((c) => (c.rules ?? []).map((expr) => ({ rule: { family, table: name, chain: c.name, expr } }))),
  ];
  return podmanRuleset(JSON.stringify({ nftables: [...nftDocument().nftables, ...table] }));
}
const forward = (prio: number, rules: unknown[][], policy = 'accept') => ({ name: 'fwd', base: { type: 'filter', hook: 'forward', prio, policy }, rules });

const noUserlandProxy = fixture('docker20-no-userland-proxy.txt');
const filterBase = `*filter\n:INPUT DROP [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:CHECKS - [0:0]\n:MORE - [0:0]\n`;
const noDefault = routes.filter((r) => r.destination !== '0.0.0.0/0');
const p2 = { kind: 'container', containerId: 'p2' } as const;

function docker29(extra: unknown[]): PathResult {
  const ruleset = parseNftJson(JSON.stringify({ nftables: [...docker29Document().nftables, ...extra] }));
  const web = { ...containers[0]!, id: 'webid', name: 'web', state: 'exited', endpoints: [{ network: 'bridge1', networkId: 'b1', ip: '192.0.2.2/24', mac: null, gateway: '192.0.2.1', hostVeth: 'vethweb', interface: null }] };
  return tracePacket({ ruleset, routes: docker29Routes, links: docker29Links, containers: [web], listeners: [], packet: { protocol: 'tcp', destination: '198.51.100.1', port: 8080, from: lan } });
}

const docker = (rules: string, lines: string[], table = 'filter') => ({ rules: withRules(rules, table, lines) });

/** A container of path-host's docker0 with one endpoint, changed as given. */
function oddContainer(id: string, endpoint: Partial<Container['endpoints'][number]>, extra: Partial<Container> = {}): Container {
  const base = containers[0]!;
  return { ...base, id, name: id, ports: [], endpoints: [{ ...base.endpoints[0]!, ip: '172.17.0.20/16', hostVeth: null, ...endpoint }], ...extra };
}

/** Traces on the Docker 20.10 host with containers of odd shapes beside its own. */
function traceWith(extra: Container[], from: Parameters<typeof trace>[0], destination: string, port: number, rules = dockerRulesText): PathResult {
  return tracePacket({ ruleset: rulesetOf(rules), routes, links, containers: [...containers, ...extra], listeners, packet: { protocol: 'tcp', destination, port, from } });
}

/** A rule set whose REJECT rule carries arguments other than --reject-with. */
function oddReject() {
  const ruleset = rulesetOf(withRules(dockerRulesText, 'filter', ['-A DOCKER-USER -j REJECT --reject-with tcp-reset']));
  const reject = ruleset.rules.find((r) => r.target === 'REJECT')!;
  reject.targetArgs = '--some-future-option';
  return ruleset;
}

const tun = [...links, link('tun0', 'physical', [])];
const viaTun = [...routes, { ...noDefault[0]!, destination: '10.77.0.0/16', dev: 'tun0', gateway: null, prefsrc: null }];
const prerouting = (rules: unknown[][]) => ({ name: 'pre', base: { type: 'filter', hook: 'prerouting', prio: -200 }, rules });
const byMap = (verdict: unknown) => [{ vmap: { key: { meta: { key: 'iifname' } }, data: { set: [['bp5q0izup', verdict]] } } }];

/** The inputs of test/unit/path (and a few more shapes), traced for real. */
function paths(): PathResult[] {
  const results: PathResult[] = [
    // Docker 20.10, userland proxy on.
    trace(lan, HOST_IP, 8080),
    trace(lan, '127.0.0.1', 9999),
    trace(lan, '127.0.0.1', 8443),
    trace(lan, HOST_IP, 8443),
    trace(lan, HOST_IP, 8443, { listeners: [...listeners, { protocol: 'tcp', address: '0.0.0.0', port: 8443, process: 'nginx', pid: 42 }] }),
    trace(lan, HOST_IP, 8443, { listeners: [...listeners, { protocol: 'tcp', address: '127.0.0.1', port: 8443, process: null, pid: null }] }),
    trace(lan, HOST_IP, 22, { listeners: [{ protocol: 'tcp', address: '0.0.0.0', port: 22, process: null, pid: null }] }),
    trace(host, '127.0.0.1', 8443),
    trace(host, HOST_IP, 8080),
    trace(fromContainer('w2id'), '172.17.0.1', 8080),
    trace(lan, HOST_IP, 5353, { protocol: 'udp' }),
    trace(lan, HOST_IP, 8080, { protocol: 'udp' }),
    trace(fromContainer('api'), '172.17.0.2', 80),
    trace(fromContainer('w1'), '8.8.8.8', 53, { protocol: 'udp' }),
    trace(lan, '172.17.0.2', 80),
    trace(lan, '172.17.0.2', 22),
    trace(lan, '172.17.0.9', 80, { rules: withRules(dockerRulesText, 'filter', ['-A DOCKER-USER -j ACCEPT']) }),
    trace(fromContainer('w1id'), '127.0.0.1', 80),
    trace(fromContainer('w1id'), '172.17.0.2', 80),
    trace(fromContainer('nope'), HOST_IP, 80),
    // Userland proxy off: hairpin NAT.
    trace(fromContainer('w1id'), HOST_IP, 8080, { rules: noUserlandProxy }),
    trace(fromContainer('w2id'), HOST_IP, 8080, { rules: noUserlandProxy }),
    trace(host, '127.0.0.1', 8080, { rules: noUserlandProxy }),
    // Rules in DOCKER-USER.
    trace(lan, HOST_IP, 8080, docker(dockerRulesText, ['-A DOCKER-USER -i enp1s0 -p tcp -m tcp --dport 80 -j DROP'])),
    trace(lan, HOST_IP, 8080, docker(dockerRulesText, ['-A DOCKER-USER -s 192.168.50.0/24 -j REJECT --reject-with icmp-host-prohibited'])),
    trace(lan, HOST_IP, 8080, docker(dockerRulesText, ['-A DOCKER-USER -s 192.168.50.0/24 -j REJECT'])),
    trace(lan, HOST_IP, 8080, docker(dockerRulesText, ['-A DOCKER-USER -m set --match-set blocklist src -j DROP'])),
    trace(lan, HOST_IP, 8080, docker(dockerRulesText, ['-A DOCKER-USER -j MARK --set-xmark 0x1/0xffffffff', '-A DOCKER-USER -m mark --mark 0x1 -j DROP'])),
    trace(lan, HOST_IP, 8080, docker(dockerRulesText, ['-A DOCKER-USER -p tcp --sport 1024:65535 -j DROP', '-A DOCKER-USER -j LOG', '-A DOCKER-USER -p tcp -j TARPIT'])),
    trace(lan, HOST_IP, 8080, docker(dockerRulesText, ['-A DOCKER-USER -p tcp --dport 80 -j NFQUEUE --queue-num 1'])),
    trace(lan, HOST_IP, 8080, docker(dockerRulesText, ['-A DOCKER -p tcp --dport 8080 -j DNAT --to-destination bogus'], 'nat')),
    trace(fromContainer('w1'), '8.8.8.8', 53, docker(dockerRulesText, ['-A POSTROUTING -o nowhere0 -j MASQUERADE', '-A POSTROUTING -s 172.17.0.0/16 -j SNAT --to-source 192.168.50.10'], 'nat')),
    // Chain mechanics.
    trace(lan, HOST_IP, 22, { rules: `${filterBase}-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n` }),
    trace(lan, HOST_IP, 8443, { rules: `${filterBase}-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n` }),
    trace(lan, HOST_IP, 22, { rules: `${filterBase}-A INPUT -j CHECKS\n-A INPUT -j ACCEPT\n-A CHECKS -j MORE\n-A CHECKS -j DROP\nCOMMIT\n` }),
    trace(lan, HOST_IP, 22, { rules: `${filterBase}-A INPUT -j CHECKS\n-A INPUT -j ACCEPT\n-A CHECKS -g MORE\n-A CHECKS -j DROP\nCOMMIT\n` }),
    trace(lan, HOST_IP, 22, { rules: `${filterBase}-A INPUT -j CHECKS\n-A CHECKS -j MORE\n-A MORE -j CHECKS\nCOMMIT\n` }),
    trace(lan, HOST_IP, 22, { rules: `${filterBase}-A INPUT -j CHECKS\n-A CHECKS -j RETURN\nCOMMIT\n` }),
    trace(lan, HOST_IP, 22, { rules: `*filter\n:INPUT QUEUE [0:0]\nCOMMIT\n` }),
    trace(lan, HOST_IP, 80, { rules: `*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -i enp1s0 -p tcp --dport 80 -j REDIRECT --to-ports 22\nCOMMIT\n` }),
    trace(lan, '172.17.0.2', 80, { rules: dockerRulesText.replace('*filter', '*raw\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP\nCOMMIT\n*filter') }),
    trace(lan, HOST_IP, 8080, { rules: dockerRulesText.replace('*filter', '*raw\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -p tcp --dport 8080 -j CT --notrack\nCOMMIT\n*filter') }),
    trace(lan, '127.0.0.1', 8443, { rules: `${dockerRulesText}\n*raw\n:PREROUTING ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n-A PREROUTING -d 127.0.0.1/32 ! -i lo -p tcp -m tcp --dport 8443 -j DROP\nCOMMIT\n` }),
    // Routing dead ends and standing caveats.
    trace(lan, '10.9.9.9', 80, { routes: noDefault }),
    trace(host, '10.9.9.9', 80, { routes: noDefault }),
    trace(lan, '10.66.1.1', 80, { routes: [...routes, { ...noDefault[0]!, destination: '10.66.0.0/16', type: 'blackhole', dev: null }] }),
    trace(host, '10.66.1.1', 80, { routes: [...routes, { ...noDefault[0]!, destination: '10.66.0.0/16', type: 'unreachable', dev: null }] }),
    trace(lan, HOST_IP, 8080, { ruleset: { chains: [], rules: [] } }),
    trace(lan, '2001:db8::1', 80),
    trace(lan, '192.168.50.255', 80, { protocol: 'udp' }),
    trace(host, '239.1.2.3', 5000, { protocol: 'udp' }),
    trace(lan, HOST_IP, 80, { links: [link('lo', 'loopback', ['127.0.0.1/8'])] }),
    trace(host, '192.168.50.77', 80),
    trace(lan, HOST_IP, 8080, { ruleset: oddReject() }),
    trace(lan, HOST_IP, 8080, docker(dockerRulesText, ['-A DOCKER-USER -p tcp'])),
    trace(lan, HOST_IP, 80, docker(dockerRulesText, ['-A PREROUTING -p tcp --dport 80 -j REDIRECT --to-ports many'], 'nat')),
    trace(lan, HOST_IP, 80, docker(dockerRulesText, ['-A PREROUTING -p tcp --dport 80 -j MASQUERADE'], 'nat')),
    trace(fromContainer('w1id'), '10.77.0.5', 80, { links: tun, routes: viaTun }),
    // Containers of odd shapes: no veth known, no interface name, no address, no bridge, the host's network.
    traceWith([oddContainer('noveth', {})], lan, '172.17.0.20', 80, '*filter\n:FORWARD ACCEPT [0:0]\nCOMMIT\n'),
    traceWith([oddContainer('noname', { hostVeth: 'vethw1', interface: null })], fromContainer('noname'), HOST_IP, 22),
    traceWith([oddContainer('noip', { ip: null })], fromContainer('noip'), HOST_IP, 22),
    traceWith([oddContainer('nobridge', { ip: '10.200.0.2/24', network: 'elsewhere', networkId: 'ffff' })], fromContainer('nobridge'), HOST_IP, 22),
    traceWith([oddContainer('hostnet', { ip: null }, { networkMode: 'host' })], fromContainer('hostnet'), HOST_IP, 22),
    // Podman 5.8 (netavark's native table).
    tracePodman(lan, PODMAN_IP, 9090),
    tracePodman(lan, PODMAN_IP, 5353, { protocol: 'udp' }),
    tracePodman(lan, PODMAN_IP, 9191, { protocol: 'udp' }),
    tracePodman(lan, PODMAN_IP, 8000),
    tracePodman(host, '127.0.0.1', 9090),
    tracePodman(host, PODMAN_IP, 9090),
    tracePodman(p2, PODMAN_IP, 9090),
    tracePodman(p2, '10.89.0.1', 53, { protocol: 'udp' }),
    // nftables semantics on crafted tables.
    tracePodman(lan, PODMAN_IP, 9090, { ruleset: withTable('inet', 'early', [forward(-10, [[tcpDport(80), { accept: null }]])]) }),
    tracePodman(p2, PODMAN_IP, 9090, { ruleset: withTable('inet', 'filter', [forward(0, [], 'drop')]) }),
    tracePodman(p2, PODMAN_IP, 9090, { ruleset: withTable('inet', 'filter', [forward(0, [[{ reject: null }]])]) }),
    tracePodman(lan, PODMAN_IP, 9090, {
      ruleset: withTable('inet', 'vm', [
        { name: 'pre', base: { type: 'filter', hook: 'prerouting', prio: -200 }, rules: [[{ vmap: { key: { meta: { key: 'iifname' } }, data: { set: [['bp5q0izup', { jump: { target: 'from_lan' } }]] } } }]] },
        { name: 'from_lan', rules: [[tcpDport(9090), { drop: null }]] },
      ]),
    }),
    tracePodman(lan, PODMAN_IP, 9090, {
      ruleset: withTable('inet', 'vm', [
        { name: 'pre', base: { type: 'filter', hook: 'prerouting', prio: -200 }, rules: [[{ vmap: { key: { meta: { key: 'iifname' } }, data: { set: [['bp5q0izup', { goto: { target: 'from_lan' } }]] } } }], [{ jump: { target: 'gone' } }]] },
        { name: 'from_lan', rules: [[tcpDport(9191), { drop: null }], [{ return: null }]] },
      ]),
    }),
    tracePodman(lan, PODMAN_IP, 8000, {
      ruleset: withTable('inet', 'fw', [
        { name: 'input', base: { type: 'filter', hook: 'input', prio: 10 }, rules: [[{ vmap: { key: { ct: { key: 'state' } }, data: { set: [['established', { accept: null }], ['new', { continue: null }]] } } }], [{ jump: { target: 'in_public' } }]] },
        { name: 'in_public', rules: [[tcpDport(22), { accept: null }], [{ reject: { type: 'icmpx', expr: 'admin-prohibited' } }]] },
      ]),
    }),
    tracePodman(lan, PODMAN_IP, 9090, {
      ruleset: withTable('inet', 'mk', [
        { name: 'pre', base: { type: 'filter', hook: 'prerouting', prio: -250 }, rules: [[tcpDport(9090), { mangle: { key: { meta: { key: 'mark' } }, value: 66 } }], [{ mangle: { key: { ct: { key: 'mark' } }, value: 1 } }], [{ mangle: { key: { meta: { key: 'mark' } }, value: { meta: { key: 'skuid' } } } }]] },
        forward(5, [[{ match: { op: '==', left: { meta: { key: 'mark' } }, right: 66 } }, { drop: null }]]),
      ]),
    }),
    tracePodman(lan, PODMAN_IP, 9090, { ruleset: withTable('ip', 'mine', [{ name: 'pre', base: { type: 'nat', hook: 'prerouting', prio: -100 }, rules: [[tcpDport(9090), { dnat: { addr: '10.89.0.2', port: 80 } }]] }]) }),
    tracePodman(lan, PODMAN_IP, 9090, { ruleset: withTable('ip', 'mine', [{ name: 'pre', base: { type: 'nat', hook: 'prerouting', prio: -150 }, rules: [[tcpDport(9090), { dnat: { addr: 'somewhere' } }]] }]) }),
    tracePodman(lan, PODMAN_IP, 9090, { ruleset: withTable('ip', 'mine', [{ name: 'pre', base: { type: 'nat', hook: 'prerouting', prio: -150 }, rules: [[tcpDport(9090), { redirect: { port: 22 } }]] }]) }),
    tracePodman(lan, PODMAN_IP, 9090, { ruleset: withTable('ip', 'mine', [{ name: 'post', base: { type: 'nat', hook: 'postrouting', prio: 50 }, rules: [[{ snat: { addr: '10.88.0.1' } }]] }]) }),
    tracePodman(lan, PODMAN_IP, 9090, {
      ruleset: withTable('inet', 'u', [
        { name: 'pre', base: { type: 'filter', hook: 'prerouting', prio: -200 }, rules: [[tcpDport(9090), { limit: { rate: 1, per: 'second' } }, { drop: null }], [{ counter: null }, { set: { op: 'add', elem: 'x', set: '@s' } }], [{ match: { op: '==', left: { payload: { protocol: 'tcp', field: 'sport' } }, right: 5 } }, { drop: null }], [{ vmap: { key: { meta: { key: 'skuid' } }, data: { set: [] } } }], [{ vmap: { key: { meta: { key: 'iifname' } }, data: { set: [['bp5q0izup', 'weird']] } } }]] },
        { name: 'ing', base: { type: 'filter', hook: 'ingress', prio: 0 }, rules: [[{ drop: null }]] },
      ]),
    }),
    tracePodman(lan, PODMAN_IP, 9090, { ruleset: withTable('netdev', 'nd', [{ name: 'ing', base: { type: 'filter', hook: 'ingress', prio: 0 }, rules: [[{ drop: null }]] }]) }),
    tracePodman(lan, PODMAN_IP, 9090, { ruleset: withTable('inet', 'q', [forward(5, [[{ queue: { num: 1 } }]])]) }),
    // Verdicts a map gives, a goto, a jump to a chain that was not listed.
    tracePodman(lan, PODMAN_IP, 9090, { ruleset: withTable('inet', 'vm', [prerouting([byMap({ accept: null })])]) }),
    tracePodman(lan, PODMAN_IP, 9090, { ruleset: withTable('inet', 'vm', [prerouting([byMap({ drop: null })])]) }),
    tracePodman(lan, PODMAN_IP, 9090, { ruleset: withTable('inet', 'vm', [prerouting([byMap('reject')])]) }),
    tracePodman(lan, PODMAN_IP, 9090, {
      ruleset: withTable('inet', 'vm', [prerouting([[{ jump: { target: 'sub' } }], [{ goto: { target: 'tail' } }]]), { name: 'sub', rules: [byMap({ return: null })] }, { name: 'tail', rules: [[{ jump: { target: 'gone' } }]] }]),
    }),
    // Docker 29's nftables backend, a container that is not running, with no interface name.
    docker29([]),
    docker29([
      { table: { family: 'inet', name: 'filter' } },
      { chain: { family: 'inet', table: 'filter', name: 'fwd', type: 'filter', hook: 'forward', prio: 0, policy: 'drop' } },
    ]),
  ];
  // Mangle rules, another routing table, IPv6 rules: the standing caveats.
  const ruleset = rulesetOf(`${dockerRulesText}*mangle\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j MARK --set-mark 0x2\n-A PREROUTING -j MARK --set-mark 0x3\nCOMMIT\n`);
  ruleset.rules.push({ ...ruleset.rules[0]!, family: 'ipv6' });
  results.push(trace(lan, HOST_IP, 8080, { ruleset, routes: [...routes, { ...noDefault[0]!, table: '100' }, { ...noDefault[0]!, table: '200' }] }));
  results.push(trace(lan, HOST_IP, 8080, { rules: `${dockerRulesText}*mangle\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j MARK --set-mark 0x2\nCOMMIT\n`, routes: [...routes, { ...noDefault[0]!, table: '100' }] }));
  // The path without the firewall (a user's CLI).
  const guessed = trace(lan, HOST_IP, 8080, { ruleset: { chains: [], rules: [] } });
  results.push(withoutFirewall(guessed, [FIREWALL_NEEDS_ROOT]), withoutFirewall(guessed, []));
  return results;
}

interface Said {
  english: string;
  message: Message;
}

function sentencesOf(result: PathResult): Said[] {
  expect(result.caveatMessages).toHaveLength(result.caveats.length);
  return [
    ...result.steps.map((s) => ({ english: s.description, message: s.descriptionMessage })),
    { english: result.outcome.description, message: result.outcome.descriptionMessage },
    ...result.caveats.map((english, i) => ({ english, message: result.caveatMessages[i]! })),
  ];
}

function keysOf(m: Message, into = new Set<string>()): Set<string> {
  into.add(m.key);
  for (const value of Object.values(m.params)) {
    if (Array.isArray(value)) value.forEach((v) => keysOf(v, into));
    else if (typeof value === 'object') keysOf(value, into);
  }
  return into;
}

const flatKeys = (tree: object, prefix = ''): string[] =>
  Object.entries(tree).flatMap(([k, v]) => (typeof v === 'string' ? [`${prefix}${k}`] : flatKeys(v as object, `${prefix}${k}.`)));

describe('packet-path sentences in both languages', () => {
  const said = paths().flatMap(sentencesOf);

  it('come from many paths', () => {
    expect(said.length).toBeGreaterThan(500);
  });

  it('say in English, through the catalogue, exactly the sentence the engine prints', () => {
    for (const s of said) expect(sayIn('en', s.message)).toBe(s.english);
  });

  it('say every sentence in Korean, with no key missing', () => {
    for (const s of said) expect(sayIn('ko', s.message)).not.toBe('');
  });

  it('use every sentence of the engine-path catalogue', () => {
    const used = new Set<string>();
    for (const s of said) keysOf(s.message, used);
    const catalogue = JSON.parse(readFileSync(join(import.meta.dirname, '../../../src/shared/i18n/locales/en/engine-path.json'), 'utf8')) as object;
    expect(flatKeys(catalogue).filter((k) => !used.has(`engine-path:${k}`))).toEqual([]);
  });

  it('a DNAT step and a refused port, in Korean', () => {
    const published = trace(lan, HOST_IP, 8080);
    const dnat = published.steps.find((s) => s.verdict === 'dnat')!;
    expect(sayIn('ko', dnat.descriptionMessage)).toBe(
      'nat DOCKER의 규칙 3(TCP, 포트 8080, docker0(으)로 들어오지 않음): 목적지를 172.17.0.2:80(으)로 바꿉니다(DNAT).',
    );
    const refused = trace(lan, HOST_IP, 8443);
    expect(sayIn('ko', refused.outcome.descriptionMessage)).toBe(
      '192.168.50.10:8443/tcp에서 수신 대기하는 소켓이 없습니다(포트 8443은(는) 127.0.0.1의 docker-proxy만 사용 중): 호스트가 TCP 리셋으로 응답합니다(connection refused).',
    );
  });
});

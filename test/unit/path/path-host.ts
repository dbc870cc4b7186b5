// A crafted Docker 20.10 host around the captured rule set: uplink enp1s0 (192.168.50.10/24),
// docker0 with four containers, a user bridge, the usual docker-proxy listeners.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Container, Link } from '../../../src/shared/model';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import type { ParsedRuleset } from '../../../src/main/netcore/rules/parsed-rule';
import { ruleIds } from '../../../src/main/netcore/rules/rule-id';
import type { Listener } from '../../../src/main/engine/host/parse-listeners';
import { parseIpRoutes } from '../../../src/main/engine/path/parse-ip-route';
import type { PacketOrigin, PathInput, PathResult } from '../../../src/main/engine/path/path-types';
import { tracePacket } from '../../../src/main/engine/path/trace-packet';

export const fixture = (name: string) => readFileSync(join(import.meta.dirname, 'fixtures', name), 'utf8');

export const dockerRulesText = fixture('docker20-iptables-save.txt');
export const routes = parseIpRoutes(fixture('ip-route-table-all.json'));
export const HOST_IP = '192.168.50.10';
export const USER_BRIDGE = 'br-3c39124cc40a';

let ifindex = 0;
export function link(name: string, kind: Link['kind'], addresses: string[] = [], extra: Partial<Link> = {}): Link {
  return { name, ifindex: ++ifindex, kind, driver: null, mac: null, mtu: 1500, up: true, operState: 'UP', addresses, master: null, peer: null, ...extra };
}

function veth(name: string, master: string, containerId: string): Link {
  return link(name, 'veth', [], { master, peer: { ifindex: 2, netnsId: 1, containerId, namespace: null, interface: 'eth0' } });
}

export const links: Link[] = [
  link('lo', 'loopback', ['127.0.0.1/8', '::1/128']),
  link('enp1s0', 'physical', [`${HOST_IP}/24`, 'fe80::5054:ff:fe12:3456/64']),
  link('docker0', 'bridge', ['172.17.0.1/16']),
  link(USER_BRIDGE, 'bridge', ['172.28.0.1/16']),
  veth('vethw1', 'docker0', 'w1id'),
  veth('vethw2', 'docker0', 'w2id'),
  veth('vethw3', 'docker0', 'w3id'),
  veth('vethdns', 'docker0', 'dnsid'),
  veth('vethapi', USER_BRIDGE, 'apiid'),
];

function container(id: string, name: string, ip: string, hostVeth: string, ports: Container['ports'], network = 'bridge'): Container {
  const gateway = ip.startsWith('172.28.') ? '172.28.0.1' : '172.17.0.1';
  return {
    id,
    name,
    image: 'nginx',
    state: 'running',
    status: 'Up',
    networkMode: network === 'bridge' ? 'bridge' : 'custom',
    pid: 100,
    endpoints: [{ network, networkId: network === 'bridge' ? 'aaaa' : '3c39124cc40a77', ip: `${ip}/16`, mac: null, gateway, hostVeth, interface: 'eth0' }],
    ports,
    links: null,
  };
}

export const containers: Container[] = [
  container('w1id', 'w1', '172.17.0.2', 'vethw1', [{ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' }]),
  container('w2id', 'w2', '172.17.0.3', 'vethw2', [{ hostIp: '0.0.0.0', hostPort: 8181, containerPort: 80, protocol: 'tcp' }]),
  container('w3id', 'w3', '172.17.0.5', 'vethw3', [{ hostIp: '127.0.0.1', hostPort: 8443, containerPort: 80, protocol: 'tcp' }]),
  container('dnsid', 'dns', '172.17.0.6', 'vethdns', [{ hostIp: '0.0.0.0', hostPort: 5353, containerPort: 53, protocol: 'udp' }]),
  container('apiid', 'api', '172.28.0.2', 'vethapi', [], 'backend'),
];

const proxy = (protocol: 'tcp' | 'udp', address: string, port: number): Listener => ({ protocol, address, port, process: 'docker-proxy', pid: 900 + port });

export const listeners: Listener[] = [
  proxy('tcp', '0.0.0.0', 8080),
  proxy('tcp', '::', 8080),
  proxy('tcp', '0.0.0.0', 8181),
  proxy('tcp', '127.0.0.1', 8443),
  proxy('udp', '0.0.0.0', 5353),
  { protocol: 'tcp', address: '0.0.0.0', port: 22, process: 'sshd', pid: 700 },
];

export const lan: PacketOrigin = { kind: 'lan' };
export const host: PacketOrigin = { kind: 'host' };
export const fromContainer = (containerId: string): PacketOrigin => ({ kind: 'container', containerId });

export function rulesetOf(text: string): ParsedRuleset {
  return parseIptablesSave(text);
}

/** The id ruleIds gives the rule whose text (without counters) is `spec`. */
export function idOf(ruleset: ParsedRuleset, table: string, spec: string): string {
  const at = ruleset.rules.findIndex((r) => r.table === table && r.spec === spec);
  if (at < 0) throw new Error(`no rule ${table}: ${spec}`);
  return ruleIds(ruleset.rules)[at]!;
}

/** Inserts rule lines right after the `:CHAIN` declarations of a table, i.e. first in their chains. */
export function withRules(text: string, table: string, lines: string[]): string {
  const start = text.indexOf(`*${table}\n`);
  const firstRule = text.indexOf('\n[', start);
  return `${text.slice(0, firstRule + 1)}${lines.join('\n')}\n${text.slice(firstRule + 1)}`;
}

export interface TraceOptions {
  rules?: string;
  /** An already parsed rule set, taking precedence over `rules`. */
  ruleset?: ParsedRuleset;
  listeners?: Listener[];
  routes?: PathInput['routes'];
  links?: Link[];
  protocol?: 'tcp' | 'udp';
}

export function trace(from: PacketOrigin, destination: string, port: number, options: TraceOptions = {}): PathResult {
  return tracePacket({
    ruleset: options.ruleset ?? rulesetOf(options.rules ?? dockerRulesText),
    routes: options.routes ?? routes,
    links: options.links ?? links,
    containers,
    listeners: options.listeners ?? listeners,
    packet: { protocol: options.protocol ?? 'tcp', destination, port, from },
  });
}

export const verdicts = (result: PathResult) => result.steps.map((s) => s.verdict);
export const stages = (result: PathResult) => result.steps.map((s) => s.stage);

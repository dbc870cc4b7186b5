// Gathered facts for the doctor's checks, built from captured rule sets (test/fixtures/firewall)
// with the real parsers: a Docker host with an uplink enp1s0 (192.168.50.10/24, default route via
// .1), the default bridge docker0 (172.17.0.0/16) and the seed's user network intranet
// (172.28.0.0/16). Each test changes only what it is about.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import type { Link, Network } from '../../../src/shared/model';
import type { DoctorFacts } from '../../../src/main/engine/doctor/doctor-facts';
import { parseNftJson } from '../../../src/main/netcore/nft/parse-nft-json';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import type { ParsedRuleset } from '../../../src/main/netcore/rules/parsed-rule';
import type { Route } from '../../../src/main/engine/path/parse-ip-route';

export const firewallFixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/firewall', name), 'utf8');

/** The intranet bridge of each captured rule set. */
export const INTRANET_BRIDGE = { docker20: 'br-023249dff2ea', docker27: 'br-5d1e3c7a9f20', docker28: 'br-5d1e3c7a9f20', docker29: 'br-5d1e3c7a9f20' } as const;
export type Layout = keyof typeof INTRANET_BRIDGE;

export function network(name: string, bridge: string, subnet: string, extra: Partial<Network> = {}, options: Record<string, string> = {}): Network {
  return { id: `${name}-id`, name, driver: 'bridge', scope: 'local', bridge, subnets: [{ subnet, gateway: null }], options, internal: false, containers: [], ...extra };
}

export function seedNetworks(layout: Layout): Network[] {
  return [
    network('bridge', 'docker0', '172.17.0.0/16', {}, {
      'com.docker.network.bridge.default_bridge': 'true',
      'com.docker.network.bridge.enable_icc': 'true',
      'com.docker.network.bridge.enable_ip_masquerade': 'true',
      'com.docker.network.bridge.name': 'docker0',
    }),
    network('intranet', INTRANET_BRIDGE[layout], '172.28.0.0/16', { subnets: [{ subnet: '172.28.0.0/16', gateway: '172.28.0.1' }] }),
    { id: 'host-id', name: 'host', driver: 'host', scope: 'local', bridge: null, subnets: [], options: {}, internal: false, containers: [] },
  ];
}

export function route(destination: string, dev: string | null, extra: Partial<Route> = {}): Route {
  return { destination, type: 'unicast', table: 'main', dev, gateway: null, prefsrc: null, protocol: 'kernel', scope: 'link', metric: null, ...extra };
}

export const hostRoutes = (layout: Layout): Route[] => [
  route('0.0.0.0/0', 'enp1s0', { gateway: '192.168.50.1', scope: null, protocol: 'dhcp' }),
  route('192.168.50.0/24', 'enp1s0', { prefsrc: '192.168.50.10' }),
  route('172.17.0.0/16', 'docker0', { prefsrc: '172.17.0.1' }),
  route('172.28.0.0/16', INTRANET_BRIDGE[layout], { prefsrc: '172.28.0.1' }),
  route('192.168.50.10/32', 'enp1s0', { type: 'local', table: 'local', scope: 'host' }),
  route('172.17.0.1/32', 'docker0', { type: 'local', table: 'local', scope: 'host' }),
  route('127.0.0.0/8', 'lo', { type: 'local', table: 'local', scope: 'host' }),
];

export function link(name: string, kind: Link['kind'], addresses: string[]): Link {
  return { name, ifindex: 1, kind, driver: null, mac: null, mtu: 1500, up: true, operState: 'UP', addresses, master: null, peer: null };
}

export const hostLinks = (layout: Layout): Link[] => [
  link('lo', 'loopback', ['127.0.0.1/8']),
  link('enp1s0', 'physical', ['192.168.50.10/24']),
  link('docker0', 'bridge', ['172.17.0.1/16']),
  link(INTRANET_BRIDGE[layout], 'bridge', ['172.28.0.1/16']),
];

const SAVE_FILES: Record<Exclude<Layout, 'docker29'>, string> = {
  docker20: 'docker20-iptables-save.txt',
  docker27: 'docker27-iptables-save.txt',
  docker28: 'docker28-iptables-save.txt',
};

export function saveText(layout: Exclude<Layout, 'docker29'>): string {
  return firewallFixture(SAVE_FILES[layout]);
}

export function rulesetOf(layout: Layout, save?: string): ParsedRuleset {
  if (layout === 'docker29') return parseNftJson(firewallFixture('docker29-nftables.json'));
  return parseIptablesSave(save ?? saveText(layout), 'ipv4');
}

/** Removes one rule line (matched without its counters) from a save text; fails loudly when absent. */
export function withoutRule(save: string, rule: string): string {
  const lines = save.split('\n');
  const index = lines.findIndex((l) => l.replace(/^\[\d+:\d+\]\s*/, '') === rule);
  if (index < 0) throw new Error(`fixture has no rule ${rule}`);
  return [...lines.slice(0, index), ...lines.slice(index + 1)].join('\n');
}

/** Adds rule lines to a table of a save text, just before its COMMIT (after the table's rules). */
export function withRules(save: string, table: string, rules: string[], chains: string[] = []): string {
  const lines = save.split('\n');
  const start = lines.indexOf(`*${table}`);
  if (start < 0) throw new Error(`fixture has no table ${table}`);
  const commit = lines.indexOf('COMMIT', start);
  const declared = chains.map((c) => `:${c} - [0:0]`);
  return [...lines.slice(0, start + 1), ...declared, ...lines.slice(start + 1, commit), ...rules, ...lines.slice(commit)].join('\n');
}

/** Changes a chain's policy in a save text. */
export function withPolicy(save: string, chain: string, policy: string): string {
  return save.replace(new RegExp(`^:${chain} \\w+ `, 'm'), `:${chain} ${policy} `);
}

export function facts(layout: Layout = 'docker20', overrides: Partial<DoctorFacts> & { save?: string; networks?: Network[] } = {}): DoctorFacts {
  const { save, networks, ...rest } = overrides;
  return {
    sysctls: { ipForward: '1', bridgeNfCallIptables: '1' },
    firewall: {
      readable: true,
      variant: 'nft',
      backend: layout === 'docker29' ? 'nftables' : 'iptables-nft',
      ruleset: rulesetOf(layout, save),
      otherSave: '',
    },
    docker: { available: true, version: '20.10.24', networks: networks ?? seedNetworks(layout) },
    routes: hostRoutes(layout),
    links: hostLinks(layout),
    dropIns: { dir: '/test/docker.service.d', files: [], error: null },
    daemonJson: { path: '/test/daemon.json', text: null, error: null },
    resolvConf: { path: '/test/resolv.conf', text: 'nameserver 192.168.50.1\n', error: null },
    resolvedUpstream: { path: '/test/resolved.conf', text: null, error: null },
    ...rest,
  };
}

export const unreadableFirewall: DoctorFacts['firewall'] = {
  readable: false,
  reason: 'The firewall could not be read (iptables-save failed (exit 4): Permission denied (you must be root)): reading iptables needs root.',
};

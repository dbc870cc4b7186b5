// The Podman 5.8 lab host captured in test/fixtures/podman5: netavark's native `table inet
// netavark` (nftables driver, no iptables rules at all), podman0 (10.88.0.0/16) with p1 publishing
// 9090:80, podman1 (appnet, 10.89.0.0/24) with p2 publishing 9191:80/tcp and 5353:53/udp, the lab
// uplink bp5q0izup (198.51.100.1/24), conmon holding the published ports.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Container, Link } from '../../../src/shared/model';
import { parseListeners } from '../../../src/main/engine/host/parse-listeners';
import { parseIpRoutes } from '../../../src/main/engine/path/parse-ip-route';
import type { PacketOrigin, PathResult } from '../../../src/main/engine/path/path-types';
import { tracePacket } from '../../../src/main/engine/path/trace-packet';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import { parseNftJson, isIptablesNftTable } from '../../../src/main/netcore/nft/parse-nft-json';
import type { ParsedRuleset } from '../../../src/main/netcore/rules/parsed-rule';

const captured = (name: string) => readFileSync(join(import.meta.dirname, '..', '..', 'fixtures', 'podman5', name), 'utf8');

export const HOST_IP = '198.51.100.1';
export const P1 = '314acc5ee160e534b8d1456706bf8ec943ed682fc209225049e7ef59c6249db7';
export const P2 = 'bcb19721c7fbb5ace94ad01046f1810c1cfb0d3a65fd1aa50815cd297c51a7bd';

/** As the engine reads it: iptables-save (empty here) plus the native tables from nft -j. */
export function podmanRuleset(nftJson = captured('nft-ruleset.json')): ParsedRuleset {
  const iptables = parseIptablesSave(captured('iptables-save.txt'));
  const native = parseNftJson(nftJson, { onlyTables: (family, name) => !isIptablesNftTable(family, name) });
  return { chains: [...iptables.chains, ...native.chains], rules: [...iptables.rules, ...native.rules] };
}

export const nftDocument = (): { nftables: unknown[] } => JSON.parse(captured('nft-ruleset.json')) as { nftables: unknown[] };

interface IpAddrEntry {
  ifindex: number;
  ifname: string;
  master?: string;
  link_netnsid?: number;
  linkinfo?: { info_kind?: string };
  addr_info?: Array<{ local: string; prefixlen: number }>;
}

// veth0 (netns id 1) was made for p1, the first container started; veth1 (netns id 2) for p2.
const VETH_OWNER: Record<string, string> = { veth0: P1, veth1: P2 };

function linkOf(entry: IpAddrEntry): Link {
  const kind = entry.ifname === 'lo' ? 'loopback' : entry.linkinfo?.info_kind === 'bridge' ? 'bridge' : entry.linkinfo?.info_kind === 'veth' ? 'veth' : 'physical';
  const owner = VETH_OWNER[entry.ifname];
  return {
    name: entry.ifname,
    ifindex: entry.ifindex,
    kind,
    driver: null,
    mac: null,
    mtu: 1500,
    up: true,
    operState: 'UP',
    addresses: (entry.addr_info ?? []).map((a) => `${a.local}/${a.prefixlen}`),
    master: entry.master ?? null,
    peer: owner ? { ifindex: 2, netnsId: entry.link_netnsid ?? null, containerId: owner, namespace: null, interface: 'eth0' } : null,
  } as Link;
}

export const links: Link[] = (JSON.parse(captured('ip-addr.json')) as IpAddrEntry[]).map(linkOf);

// No route listing was captured: these are the routes the kernel derives from the addresses above
// (the lab host has no default route).
export const routes = parseIpRoutes(
  JSON.stringify([
    { dst: '10.88.0.0/16', dev: 'podman0', protocol: 'kernel', scope: 'link', prefsrc: '10.88.0.1', flags: [] },
    { dst: '10.89.0.0/24', dev: 'podman1', protocol: 'kernel', scope: 'link', prefsrc: '10.89.0.1', flags: [] },
    { dst: '198.51.100.0/24', dev: 'bp5q0izup', protocol: 'kernel', scope: 'link', prefsrc: '198.51.100.1', flags: [] },
    { type: 'local', dst: '127.0.0.0/8', table: 'local', dev: 'lo', protocol: 'kernel', scope: 'host', prefsrc: '127.0.0.1', flags: [] },
    { type: 'local', dst: '127.0.0.1', table: 'local', dev: 'lo', protocol: 'kernel', scope: 'host', prefsrc: '127.0.0.1', flags: [] },
    { type: 'local', dst: '10.88.0.1', table: 'local', dev: 'podman0', protocol: 'kernel', scope: 'host', prefsrc: '10.88.0.1', flags: [] },
    { type: 'local', dst: '10.89.0.1', table: 'local', dev: 'podman1', protocol: 'kernel', scope: 'host', prefsrc: '10.89.0.1', flags: [] },
    { type: 'local', dst: '198.51.100.1', table: 'local', dev: 'bp5q0izup', protocol: 'kernel', scope: 'host', prefsrc: '198.51.100.1', flags: [] },
  ]),
);

function container(id: string, name: string, ip: string, gateway: string, network: string, networkId: string, hostVeth: string, ports: Container['ports']): Container {
  return {
    id,
    name,
    image: 'bridgeport-lab/busybox:1',
    state: 'running',
    status: 'Up',
    networkMode: network === 'podman' ? 'bridge' : 'custom',
    pid: 100,
    endpoints: [{ network, networkId, ip, mac: null, gateway, hostVeth, interface: 'eth0' }],
    ports,
    links: null,
  };
}

export const containers: Container[] = [
  container(P1, 'p1', '10.88.0.2/16', '10.88.0.1', 'podman', '2f259bab93aaaaa2542ba43ef33eb990d0999ee1b9924b557b7be53c0b7a1bb9', 'veth0', [
    { hostIp: '0.0.0.0', hostPort: 9090, containerPort: 80, protocol: 'tcp' },
  ]),
  container(P2, 'p2', '10.89.0.2/24', '10.89.0.1', 'appnet', '492f0b8f2b33b68325c666bd801c15e77ffdab89db635309fb28c99994d4b88f', 'veth1', [
    { hostIp: '0.0.0.0', hostPort: 9191, containerPort: 80, protocol: 'tcp' },
    { hostIp: '0.0.0.0', hostPort: 5353, containerPort: 53, protocol: 'udp' },
  ]),
];

export const listeners = parseListeners(captured('ss-listeners.txt'));

export interface PodmanTraceOptions {
  ruleset?: ParsedRuleset;
  protocol?: 'tcp' | 'udp';
}

export function tracePodman(from: PacketOrigin, destination: string, port: number, options: PodmanTraceOptions = {}): PathResult {
  return tracePacket({
    ruleset: options.ruleset ?? podmanRuleset(),
    routes,
    links,
    containers,
    listeners,
    packet: { protocol: options.protocol ?? 'tcp', destination, port, from },
  });
}

import { describe, expect, it } from 'vitest';
import type { Container, Link } from '../../../src/shared/model';
import { networkConnectSchema, type NetworkDetail } from '../../../src/shared/network-model';
import { checkConnectForm } from '../../../src/renderer/src/views/networks/connect-form';
import {
  acceptsConnections,
  addressingLines,
  connectableContainers,
  hostSide,
  optionLabels,
  sortNetworks,
} from '../../../src/renderer/src/views/networks/network-describe';
import { parentOptions } from '../../../src/renderer/src/views/networks/parent-options';
import { networksEnglish } from './networks-say';

const network = (patch: Partial<NetworkDetail>): NetworkDetail => ({
  id: 'id-' + (patch.name ?? 'n'),
  name: 'n',
  driver: 'bridge',
  scope: 'local',
  builtIn: false,
  subnets: [],
  bridge: null,
  parent: null,
  options: {},
  internal: false,
  attachable: false,
  mtu: null,
  icc: null,
  masquerade: null,
  hostBindingIpv4: null,
  containers: [],
  ...patch,
});

const container = (name: string, patch: Partial<Container> = {}): Container => ({
  id: `id-${name}`,
  name,
  image: 'busybox',
  state: 'running',
  status: 'Up',
  networkMode: 'bridge',
  pid: 100,
  endpoints: [],
  ports: [],
  links: null,
  ...patch,
});

const link = (name: string, kind: Link['kind'], patch: Partial<Link> = {}): Link => ({
  name,
  ifindex: 1,
  kind,
  driver: null,
  mac: null,
  mtu: 1500,
  up: true,
  operState: 'UP',
  addresses: [],
  master: null,
  peer: null,
  ...patch,
});

describe('a network in the table', () => {
  it('says its options, the ones off Docker’s defaults marked', () => {
    const seed = network({
      options: {
        'com.docker.network.bridge.name': 'bre2e0',
        'com.docker.network.bridge.enable_icc': 'false',
        'com.docker.network.bridge.enable_ip_masquerade': 'true',
        'com.docker.network.bridge.host_binding_ipv4': '127.0.0.1',
        'com.docker.network.driver.mtu': '1450',
        'com.docker.network.bridge.inhibit_ipv4': 'true',
      },
      icc: false,
      masquerade: true,
      hostBindingIpv4: '127.0.0.1',
      mtu: 1450,
    });
    expect(optionLabels(seed, networksEnglish)).toEqual([
      { label: 'bridge name bre2e0', notable: false, source: 'com.docker.network.bridge.name=bre2e0' },
      { label: 'ICC off', notable: true },
      { label: 'masquerade on', notable: false },
      { label: 'host binding 127.0.0.1', notable: true },
      { label: 'MTU 1450', notable: true },
      { label: 'inhibit_ipv4=true', notable: false, source: 'com.docker.network.bridge.inhibit_ipv4=true', raw: true },
    ]);
  });

  it('leaves out the default bridge’s own markers and an all-addresses binding', () => {
    const bridge = network({
      name: 'bridge',
      builtIn: true,
      options: { 'com.docker.network.bridge.default_bridge': 'true', 'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0' },
      hostBindingIpv4: '0.0.0.0',
      icc: true,
      masquerade: true,
      mtu: 1500,
    });
    expect(optionLabels(bridge, networksEnglish).map((o) => o.label)).toEqual(['ICC on', 'masquerade on', 'MTU 1500']);
  });

  it('says a macvlan’s mode and parent', () => {
    const mv = network({ driver: 'macvlan', parent: 'dummy0', options: { parent: 'dummy0', macvlan_mode: 'bridge' } });
    expect(optionLabels(mv, networksEnglish)).toEqual([{ label: 'mode bridge', notable: false }]);
    expect(hostSide(mv)).toEqual({ label: 'parent', value: 'dummy0' });
    expect(hostSide(network({ bridge: 'bre2e0' }))).toEqual({ label: 'bridge', value: 'bre2e0' });
    expect(hostSide(network({ driver: 'null' }))).toBeNull();
  });

  it('writes each subnet with its gateway and range', () => {
    expect(
      addressingLines(
        network({
          subnets: [
            { subnet: '172.31.0.0/24', gateway: '172.31.0.1', ipRange: '172.31.0.128/25' },
            { subnet: '10.1.0.0/16', gateway: null, ipRange: null },
          ],
        }),
        networksEnglish,
      ),
    ).toEqual(['172.31.0.0/24 · gw 172.31.0.1 · range 172.31.0.128/25', '10.1.0.0/16']);
  });

  it('takes no connections on host and none', () => {
    expect(acceptsConnections(network({ name: 'host', driver: 'host', builtIn: true }))).toBe(false);
    expect(acceptsConnections(network({ name: 'none', driver: 'null', builtIn: true }))).toBe(false);
    expect(acceptsConnections(network({ name: 'bridge', builtIn: true }))).toBe(true);
    expect(acceptsConnections(network({ name: 'mv', driver: 'macvlan' }))).toBe(true);
  });

  it('offers the containers not on it yet that have a namespace of their own', () => {
    const net = network({ name: 'e2enet', containers: [{ id: 'id-a', name: 'a', ipv4: '172.31.0.2/24', aliases: [] }] });
    const containers = [
      container('a', { endpoints: [{ network: 'e2enet', networkId: 'id-e2enet', ip: null, mac: null, gateway: null, hostVeth: null, interface: null }] }),
      container('c'),
      container('b', { networkMode: 'custom', state: 'exited', pid: null }),
      container('hostnet', { networkMode: 'host' }),
      container('nonet', { networkMode: 'none' }),
      container('sidecar', { networkMode: 'container' }),
    ];
    expect(connectableContainers(net, containers)).toEqual(['b', 'c']);
  });

  it('lists built-ins first, then by name', () => {
    const sorted = sortNetworks([network({ name: 'zeta' }), network({ name: 'none', builtIn: true }), network({ name: 'alpha' }), network({ name: 'bridge', builtIn: true })]);
    expect(sorted.map((n) => n.name)).toEqual(['bridge', 'none', 'alpha', 'zeta']);
  });
});

describe('parent NICs for macvlan/ipvlan', () => {
  it('offers the host’s NICs, physical first, never loopback, a container’s or bridged veth, or Docker’s bridges', () => {
    const links = [
      link('lo', 'loopback'),
      link('dummy0', 'dummy', { up: false }),
      link('docker0', 'bridge'),
      link('br-abc', 'bridge'),
      link('vethabc', 'veth', { master: 'docker0' }),
      link('vethc1', 'veth', { peer: { ifindex: 3, netnsId: 1, containerId: 'abc', namespace: null, interface: 'eth0' } }),
      link('uplink0', 'veth', { addresses: ['198.51.100.1/24'], peer: { ifindex: 4, netnsId: 2, containerId: null, namespace: 'lan', interface: 'lan0' } }),
      link('eth0', 'physical', { addresses: ['198.51.100.1/24'] }),
      link('eth0.10', 'other', { driver: 'vlan' }),
      link('bphand0', 'bridge'),
    ];
    expect(parentOptions(links, networksEnglish)).toEqual([
      { value: 'eth0', label: 'eth0 (physical, 198.51.100.1/24)' },
      { value: 'uplink0', label: 'uplink0 (veth, 198.51.100.1/24)' },
      { value: 'dummy0', label: 'dummy0 (dummy, down)' },
      { value: 'eth0.10', label: 'eth0.10 (vlan)' },
      { value: 'bphand0', label: 'bphand0 (bridge)' },
    ]);
  });
});

describe('the connect form', () => {
  it('makes the request: static IP and aliases only when given', () => {
    const plain = checkConnectForm('e2enet', { container: 'c1', ip: ' ', aliases: [] }, networksEnglish);
    expect(plain.input).toEqual({ network: 'e2enet', container: 'c1', aliases: [] });
    const full = checkConnectForm('e2enet', { container: 'c1', ip: '172.31.0.10', aliases: ['web', ' db '] }, networksEnglish);
    expect(full.input).toEqual({ network: 'e2enet', container: 'c1', ip: '172.31.0.10', aliases: ['web', 'db'] });
    expect(networkConnectSchema.safeParse(full.input).success).toBe(true);
  });

  it('names each wrong field', () => {
    expect(checkConnectForm('e2enet', { container: null, ip: '172.31.0.0/24', aliases: ['bad alias'] }, networksEnglish).errors).toEqual({
      container: 'Pick a container',
      ip: '“172.31.0.0/24” is not an IPv4 address: write one like 172.30.0.10, or leave it empty for Docker to pick',
      aliases: '“bad alias” is not an alias: letters, digits, _ . and -, starting with a letter or digit',
    });
    expect(checkConnectForm('e2enet', { container: 'c1', ip: '', aliases: ['web', 'web'] }, networksEnglish).errors).toEqual({ aliases: 'An alias is given twice' });
    expect(checkConnectForm('e2enet', { container: 'c1', ip: '', aliases: Array.from({ length: 33 }, (_, i) => `a${i}`) }, networksEnglish).errors).toEqual({
      aliases: 'At most 32 aliases',
    });
  });
});

import { describe, expect, it } from 'vitest';
import type { Container, Link, Network } from '../../../src/shared/model';
import { bridgeNetworksOf, canPublishOn, hostIpOptions, offeredContainers } from '../../../src/renderer/src/views/publish/publish-options';

const network = (name: string, bridge: string | null, driver = 'bridge'): Network => ({
  id: `id-${name}`,
  name,
  driver,
  scope: 'local',
  bridge,
  subnets: [],
  options: {},
  internal: false,
  containers: [],
});

const networks = [network('bridge', 'docker0'), network('intranet', 'br-1234'), network('mv', null, 'macvlan'), network('host', null, 'host'), network('none', null, 'null')];

const endpoint = (name: string) => ({ network: name, networkId: `id-${name}`, ip: null, mac: null, gateway: null, hostVeth: null, interface: null });

const container = (name: string, patch: Partial<Container> = {}): Container => ({
  id: `${name}-id`,
  name,
  image: 'busybox',
  state: 'running',
  status: 'Up',
  networkMode: 'bridge',
  pid: 100,
  endpoints: [endpoint('bridge')],
  ports: [],
  links: null,
  ...patch,
});

const containers = [
  container('w2'),
  container('w1'),
  container('dual', { endpoints: [endpoint('bridge'), endpoint('intranet')] }),
  container('i1', { networkMode: 'custom', endpoints: [endpoint('intranet')] }),
  container('stopped', { state: 'exited', pid: null }),
  container('hostnet', { networkMode: 'host', endpoints: [endpoint('host')] }),
  container('nonet', { networkMode: 'none', endpoints: [endpoint('none')] }),
  container('shared', { networkMode: 'container', endpoints: [] }),
  container('macv', { networkMode: 'custom', endpoints: [endpoint('mv')] }),
];

describe('the containers the publish form offers', () => {
  it('are the running ones on a bridge network, by name, with their bridge networks', () => {
    expect(offeredContainers({ containers, networks })).toEqual([
      { name: 'dual', networks: ['bridge', 'intranet'] },
      { name: 'i1', networks: ['intranet'] },
      { name: 'w1', networks: ['bridge'] },
      { name: 'w2', networks: ['bridge'] },
    ]);
  });

  it('leave out stopped, host, none, shared-namespace and non-bridge containers', () => {
    for (const name of ['stopped', 'hostnet', 'nonet', 'shared', 'macv']) {
      expect(canPublishOn(containers.find((c) => c.name === name)!, networks)).toBe(false);
    }
    expect(bridgeNetworksOf(container('x', { networkMode: 'custom', endpoints: [endpoint('mv'), endpoint('intranet')] }), networks)).toEqual(['intranet']);
  });
});

const link = (name: string, kind: Link['kind'], addresses: string[]): Link => ({
  name,
  ifindex: 1,
  kind,
  driver: null,
  mac: null,
  mtu: 1500,
  up: true,
  operState: 'up',
  addresses,
  master: null,
  peer: null,
});

describe('the host IPs the publish form offers', () => {
  it('are all addresses, loopback, then each IPv4 address of the host once, LAN links first', () => {
    const links = [
      link('lo', 'loopback', ['127.0.0.1/8', '::1/128']),
      link('docker0', 'bridge', ['172.17.0.1/16', 'fe80::1/64']),
      link('eth0', 'physical', ['198.51.100.1/24', '2001:db8::1/64', '198.51.100.7/24']),
      link('wg0', 'other', ['10.8.0.1/24']),
      link('eth1', 'physical', ['198.51.100.1/24']),
      link('uplink0', 'veth', ['192.0.2.5/24']),
      link('veth1234', 'veth', ['fe80::2/64']),
    ];
    expect(hostIpOptions(links)).toEqual([
      { value: '0.0.0.0', label: 'All addresses' },
      { value: '127.0.0.1', label: '127.0.0.1 (this host only)' },
      { value: '198.51.100.1', label: '198.51.100.1 (eth0)' },
      { value: '198.51.100.7', label: '198.51.100.7 (eth0)' },
      { value: '10.8.0.1', label: '10.8.0.1 (wg0)' },
      { value: '192.0.2.5', label: '192.0.2.5 (uplink0)' },
      { value: '172.17.0.1', label: '172.17.0.1 (docker0)' },
    ]);
  });

  it('are at least all addresses and loopback when no link is known', () => {
    expect(hostIpOptions([]).map((o) => o.value)).toEqual(['0.0.0.0', '127.0.0.1']);
  });
});

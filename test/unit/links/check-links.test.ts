// Refusals before anything changes, each in one sentence, and what the operations are given.
import { describe, expect, it } from 'vitest';
import {
  checkBridgeCreate,
  checkMove,
  checkNetnsCreate,
  checkNetnsDelete,
  checkVethCreate,
  containerPlace,
  type HostView,
  madeLinkAt,
  namespacePlace,
} from '../../../src/main/engine/links/check-links';
import { HOST, type RecordedThing } from '../../../src/main/engine/links/made-record';
import type { Route } from '../../../src/main/engine/path/parse-ip-route';
import type { Container } from '../../../src/shared/model';

const route = (destination: string, dev: string, table = 'main', type = 'unicast'): Route => ({
  destination, type, table, dev, gateway: null, prefsrc: null, protocol: 'kernel', scope: 'link', metric: null,
});

const web = { container: { id: 'c0ffee'.padEnd(64, '0'), name: 'web' }, pid: 4242 };
const things: RecordedThing[] = [
  { kind: 'netns', name: 'lab-ns1', id: '4:1', createdAt: '' },
  { kind: 'bridge', name: 'bpbr0', createdAt: '' },
  { kind: 'veth', ends: [{ name: 'bpv0', place: HOST }, { name: 'eth1', place: web }], createdAt: '' },
  { kind: 'veth', ends: [{ name: 'bpv2', place: HOST }, { name: 'bpv3', place: HOST }], createdAt: '' },
];

const view: HostView = {
  links: new Map([
    ['lo', { tagged: false, kind: null }],
    ['eth0', { tagged: false, kind: null }],
    ['docker0', { tagged: false, kind: 'bridge' }],
    ['vethab12', { tagged: false, kind: 'veth' }],
    ['bpbr0', { tagged: true, kind: 'bridge' }],
    ['bpv0', { tagged: true, kind: 'veth' }],
    ['bpv2', { tagged: true, kind: 'veth' }],
    ['bpv3', { tagged: true, kind: 'veth' }],
  ]),
  namespaces: [
    { name: 'lab-host', current: true },
    { name: 'lab-ns1', current: false },
    { name: 'byhand', current: false },
  ],
  routes: [route('0.0.0.0/0', 'eth0'), route('172.17.0.0/16', 'docker0'), route('198.51.100.0/24', 'eth0'), route('10.99.0.0/24', 'x', 'local', 'local')],
  things,
};

function container(name: string, overrides: Partial<Container> = {}): Container {
  return {
    id: `${name}0123456789abcdef`.padEnd(64, '0'), name, image: 'img', state: 'running', status: 'running',
    networkMode: 'bridge', pid: 100, endpoints: [], ports: [], links: null, ...overrides,
  };
}

describe('namespaces', () => {
  it('refuses a name in use and deleting what Bridgeport did not make', () => {
    expect(() => checkNetnsCreate('new', view)).not.toThrow();
    expect(() => checkNetnsCreate('byhand', view)).toThrow('namespace byhand already exists');
    expect(checkNetnsDelete('lab-ns1', view)).toBe(things[0]);
    expect(() => checkNetnsDelete('byhand', view)).toThrow('namespace byhand was not made by Bridgeport: Bridgeport changes and deletes only the namespaces, bridges and veth pairs it made');
    expect(() => checkNetnsDelete('lab-host', view)).toThrow(/lab-host was not made by Bridgeport/);
    expect(() => checkNetnsDelete('nosuch', view)).toThrow('no namespace named nosuch');
  });

  it('a target namespace exists and is not the one Bridgeport runs in', () => {
    expect(namespacePlace('byhand', view)).toEqual({ namespace: 'byhand' });
    expect(() => namespacePlace('lab-host', view)).toThrow('namespace lab-host is the one Bridgeport runs in (the host)');
    expect(() => namespacePlace('nosuch', view)).toThrow('no namespace named nosuch');
  });
});

describe('creating links', () => {
  it('a bridge: free name, a host address, no overlap with the host routes', () => {
    expect(checkBridgeCreate({ name: 'br1', address: '10.20.0.1/24', mtu: 1400 }, view)).toEqual({ name: 'br1', address: '10.20.0.1/24', mtu: 1400 });
    expect(checkBridgeCreate({ name: 'br1', address: '10.99.0.1/24' }, view).address).toBe('10.99.0.1/24'); // local table: not a clash
    expect(checkBridgeCreate({ name: 'br1', address: 'fd00::1/64' }, view).address).toBe('fd00::1/64');
    expect(() => checkBridgeCreate({ name: 'docker0' }, view)).toThrow('a link named docker0 already exists in the host');
    expect(() => checkBridgeCreate({ name: 'br1', address: '172.17.5.1/24' }, view)).toThrow('172.17.5.1/24 overlaps 172.17.0.0/16 on docker0, a route of this host: choose another network');
    expect(() => checkBridgeCreate({ name: 'br1', address: '198.51.0.1/16' }, view)).toThrow(/overlaps 198\.51\.100\.0\/24 on eth0/);
    expect(() => checkBridgeCreate({ name: 'br1', address: '10.20.0.0/24' }, view)).toThrow(/network address/);
    expect(() => checkBridgeCreate({ name: 'br1', address: 'x' }, view)).toThrow(/is not an address with a prefix length/);
  });

  it('a veth pair: two free names, an existing bridge as master', () => {
    expect(checkVethCreate({ name: 'va', peer: 'vb', master: 'docker0' }, view)).toEqual({ name: 'va', peer: 'vb', master: 'docker0' });
    expect(() => checkVethCreate({ name: 'va', peer: 'va' }, view)).toThrow('the two ends of a veth pair need different names');
    expect(() => checkVethCreate({ name: 'va', peer: 'eth0' }, view)).toThrow('a link named eth0 already exists in the host');
    expect(() => checkVethCreate({ name: 'va', peer: 'vb', master: 'nobr' }, view)).toThrow('no bridge named nobr in the host');
    expect(() => checkVethCreate({ name: 'va', peer: 'vb', master: 'vethab12' }, view)).toThrow('vethab12 is not a bridge (it is a veth)');
  });
});

describe('moving, setting and deleting made links only', () => {
  const to = { namespace: 'lab-ns1' };

  it('moves a made veth end with its address and gateway', () => {
    expect(checkMove({ link: 'bpv3', rename: 'eth0', address: '10.5.0.2/24', gateway: '10.5.0.1' }, to, view)).toEqual({
      found: { thing: things[3], end: 1 },
      address: '10.5.0.2/24',
      gateway: '10.5.0.1',
    });
    expect(checkMove({ link: 'bpv2' }, to, view)).toEqual({ found: { thing: things[3], end: 0 } });
  });

  it.each([
    [{ link: 'eth0' }, 'eth0 was not made by Bridgeport: Bridgeport changes and deletes only the namespaces, bridges and veth pairs it made'],
    [{ link: 'vethab12' }, 'vethab12 was not made by Bridgeport'],
    [{ link: 'bpbr0' }, 'bpbr0 is a bridge: only the ends of veth pairs can be moved'],
    [{ link: 'eth1' }, "no link named eth1 in the host (Bridgeport's eth1 is in container web)"],
    [{ link: 'nosuch' }, 'no link named nosuch in the host'],
    [{ link: 'bpv3', gateway: '10.5.0.1' }, 'a gateway needs an address on the link (give one)'],
    [{ link: 'bpv3', address: '10.5.0.2/24', gateway: '10.6.0.1' }, 'gateway 10.6.0.1 is outside 10.5.0.0/24, the network of 10.5.0.2/24'],
    [{ link: 'bpv3', address: '10.5.0.2' }, 'is not an address with a prefix length'],
  ])('refuses %j', (request, message) => {
    expect(() => checkMove(request, to, view)).toThrow(message);
  });

  it('finds made links where they are, and says where else they are', () => {
    expect(madeLinkAt('eth1', web, view)).toEqual({ thing: things[2], end: 1 });
    expect(() => madeLinkAt('docker0', HOST, view)).toThrow('docker0 was not made by Bridgeport');
    expect(() => madeLinkAt('lo', { namespace: 'lab-ns1' }, view)).toThrow('Bridgeport made no link named lo in netns lab-ns1');
    expect(() => madeLinkAt('eth1', { namespace: 'lab-ns1' }, view)).toThrow("Bridgeport made no link named eth1 in netns lab-ns1 (Bridgeport's eth1 is in container web)");
  });
});

describe('containerPlace', () => {
  const containers = [
    container('web', { id: web.container.id, pid: 4242 }),
    container('hostnet', { networkMode: 'host' }),
    container('shared', { networkMode: 'container' }),
    container('idle', { pid: null, state: 'exited' }),
    container('nonet', { networkMode: 'none', pid: 77 }),
  ];
  it('a running container with a namespace of its own (none is fine: pipework gives it one)', () => {
    expect(containerPlace('web', containers)).toEqual(web);
    expect(containerPlace('c0ffee', containers)).toEqual(web);
    expect(containerPlace('nonet', containers)).toMatchObject({ pid: 77 });
  });
  it.each([
    ['hostnet', "container hostnet uses the host's network (--network host): its links are the host's"],
    ['shared', "container shared shares another container's network: use that container"],
    ['idle', 'container idle is exited: only a running container has a network namespace'],
    ['nosuch', 'no container named or with id "nosuch"'],
  ])('refuses %s', (ref, message) => {
    expect(() => containerPlace(ref, containers)).toThrow(message);
  });
});

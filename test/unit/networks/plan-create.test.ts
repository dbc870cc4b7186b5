import { describe, expect, it } from 'vitest';
import { NetworkRefused } from '../../../src/shared/network-refused';
import { planCreate, type CreateReadings } from '../../../src/main/engine/networks/plan-create';
import type { Route } from '../../../src/main/engine/path/parse-ip-route';
import { networkCreateSchema } from '../../../src/shared/network-model';
import { link, readings, route } from './fixture';

/** The captured lab, plus a laptop's NIC on a LAN, a VPN on 172.16.0.0/12 and a default route. */
function host(): CreateReadings {
  const base = readings();
  return {
    ...base,
    links: [...base.links, link('eth0', { addresses: ['192.168.1.20/24'], mtu: 1500 }), link('tun0', { kind: 'tun', driver: 'tun', addresses: ['10.8.0.6/24'] }), link('jumbo0', { mtu: 9000 })],
    routes: [...base.routes, route('0.0.0.0/0', 'eth0', { gateway: '192.168.1.1' }), route('192.168.1.0/24', 'eth0'), route('172.16.0.0/12', 'tun0'), route('10.8.0.0/24', 'tun0'), route('10.123.0.0/16', 'bpsoyb9up', { gateway: '198.51.100.2', protocol: 'static' })],
  };
}

const withRoutes = (...routes: Route[]): CreateReadings => {
  const base = host();
  return { ...base, routes: [...base.routes, ...routes] };
};

const plan = (input: Record<string, unknown>, ctx: CreateReadings = host()) => planCreate(networkCreateSchema.parse(input), ctx);

function refusal(input: Record<string, unknown>, ctx: CreateReadings = host()): NetworkRefused {
  try {
    plan(input, ctx);
  } catch (error) {
    if (error instanceof NetworkRefused) return error;
    throw error;
  }
  throw new Error(`not refused: ${JSON.stringify(input)}`);
}

const seedOptions = {
  'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
  'com.docker.network.bridge.enable_icc': 'true',
  'com.docker.network.driver.mtu': '1500',
  'com.docker.network.bridge.name': 'seed_net',
  'com.docker.network.bridge.enable_ip_masquerade': 'true',
};

describe('planCreate: what goes to Docker when everything checks out', () => {
  it("the seed's command (004): every -o option, subnet and gateway", () => {
    expect(plan({ name: 'seed_net', subnet: '10.20.0.0/16', gateway: '10.20.0.1', options: seedOptions })).toEqual({
      Name: 'seed_net', Driver: 'bridge', CheckDuplicate: true, Internal: false, Attachable: false,
      IPAM: { Driver: 'default', Config: [{ Subnet: '10.20.0.0/16', Gateway: '10.20.0.1' }] },
      Options: seedOptions,
    });
  });

  it('ip-range, internal and attachable; no subnet leaves the choice to Docker', () => {
    expect(plan({ name: 'n1', subnet: '10.60.0.0/16', ipRange: '10.60.5.0/24', internal: true, attachable: true })).toMatchObject({
      Internal: true, Attachable: true, IPAM: { Config: [{ Subnet: '10.60.0.0/16', IPRange: '10.60.5.0/24' }] },
    });
    expect(plan({ name: 'n2' }).IPAM.Config).toEqual([]);
  });

  it("macvlan on a NIC: the parent's own LAN subnet is what it is for, not a collision", () => {
    expect(plan({ name: 'lan', driver: 'macvlan', subnet: '192.168.1.0/24', gateway: '192.168.1.1', options: { parent: 'eth0', macvlan_mode: 'bridge', 'com.docker.network.driver.mtu': '1500' } })).toMatchObject({
      Driver: 'macvlan', Options: { parent: 'eth0', macvlan_mode: 'bridge' },
    });
  });

  it('ipvlan with mode and flag', () => {
    expect(plan({ name: 'iv', driver: 'ipvlan', subnet: '10.70.0.0/24', options: { parent: 'eth0', ipvlan_mode: 'l3', ipvlan_flag: 'bridge' } }).Driver).toBe('ipvlan');
  });

  it('overlay when the engine is in an active Swarm', () => {
    expect(plan({ name: 'ov', driver: 'overlay', attachable: true, options: { encrypted: '' } }, { ...host(), swarmActive: true })).toMatchObject({ Driver: 'overlay', Attachable: true });
  });
});

/** [input, field, what the one-line reason says]. */
const refusals: Array<[string, Record<string, unknown>, string, RegExp]> = [
  ['built-in name host', { name: 'host' }, 'name', /"host" is one of Docker's built-in networks .* cannot be created/],
  ['built-in name bridge', { name: 'bridge', subnet: '10.61.0.0/16' }, 'name', /"bridge" is one of Docker's built-in networks/],
  ['duplicate name', { name: 'intranet' }, 'name', /^a network named intranet already exists \(bridge, 172\.28\.0\.0\/16\)$/],
  ['overlay without Swarm', { name: 'ov', driver: 'overlay' }, 'driver', /overlay network spans the hosts of a Docker Swarm.*Swarm is inactive.*docker swarm init/],
  ['subnet not a CIDR', { name: 'x', subnet: '172.30.0.0' }, 'subnet', /^subnet "172\.30\.0\.0" is not an IPv4 network like 172\.20\.0\.0\/16$/],
  ['subnet octet > 255', { name: 'x', subnet: '172.300.0.0/16' }, 'subnet', /is not an IPv4 network/],
  ['subnet leading zero', { name: 'x', subnet: '172.030.0.0/16' }, 'subnet', /is not an IPv4 network/],
  ['subnet IPv6', { name: 'x', subnet: 'fd00::/64' }, 'subnet', /is not an IPv4 network/],
  ['subnet prefix 33', { name: 'x', subnet: '10.0.0.0/33' }, 'subnet', /prefix length over 32/],
  ['subnet host bits', { name: 'x', subnet: '172.30.0.1/16' }, 'subnet', /^subnet 172\.30\.0\.1\/16 has host bits set: the network is 172\.30\.0\.0\/16$/],
  ['subnet too large', { name: 'x', subnet: '64.0.0.0/4' }, 'subnet', /too large: use a prefix from \/8 to \/30/],
  ['subnet too small', { name: 'x', subnet: '10.62.0.0/31' }, 'subnet', /too small/],
  ['subnet loopback', { name: 'x', subnet: '127.1.0.0/16' }, 'subnet', /loopback \(127\.0\.0\.0\/8\) range/],
  ['subnet multicast', { name: 'x', subnet: '239.1.0.0/16' }, 'subnet', /multicast/],
  ['subnet link-local', { name: 'x', subnet: '169.254.0.0/24' }, 'subnet', /link-local/],
  ['overlaps a Docker network', { name: 'x', subnet: '172.28.5.0/24' }, 'subnet', /^172\.28\.5\.0\/24 overlaps Docker network intranet \(172\.28\.0\.0\/16\); choose another subnet/],
  ['overlaps the default bridge', { name: 'x', subnet: '172.17.0.0/16' }, 'subnet', /overlaps Docker network bridge \(172\.17\.0\.0\/16\)/],
  ['overlaps a host address', { name: 'x', subnet: '198.51.100.0/25' }, 'subnet', /^198\.51\.100\.0\/25 overlaps the address 198\.51\.100\.1\/24 on bpsoyb9up;/],
  ['overlaps a VPN route', { name: 'x', subnet: '172.24.0.0/16' }, 'subnet', /^172\.24\.0\.0\/16 overlaps the route 172\.16\.0\.0\/12 via tun0 \(a VPN\?\);/],
  ['overlaps a static route', { name: 'x', subnet: '10.123.4.0/24' }, 'subnet', /overlaps the route 10\.123\.0\.0\/16 via 198\.51\.100\.2 on bpsoyb9up;/],
  ['a bridge on the LAN of eth0', { name: 'x', subnet: '192.168.0.0/16' }, 'subnet', /overlaps the address 192\.168\.1\.20\/24 on eth0/],
  ['gateway without subnet', { name: 'x', gateway: '10.63.0.1' }, 'gateway', /--gateway needs --subnet/],
  ['ip-range without subnet', { name: 'x', ipRange: '10.63.0.0/24' }, 'ipRange', /--ip-range needs --subnet/],
  ['gateway outside', { name: 'x', subnet: '10.63.0.0/16', gateway: '10.64.0.1' }, 'gateway', /^gateway 10\.64\.0\.1 is outside the subnet 10\.63\.0\.0\/16$/],
  ['gateway network address', { name: 'x', subnet: '10.63.0.0/16', gateway: '10.63.0.0' }, 'gateway', /is the subnet's network address; use a host address such as 10\.63\.0\.1/],
  ['gateway broadcast', { name: 'x', subnet: '10.63.0.0/16', gateway: '10.63.255.255' }, 'gateway', /broadcast address/],
  ['gateway not an address', { name: 'x', subnet: '10.63.0.0/16', gateway: 'router' }, 'gateway', /^gateway "router" is not an IPv4 address like 10\.63\.0\.1$/],
  ['gateway with prefix', { name: 'x', subnet: '10.63.0.0/16', gateway: '10.63.0.1/16' }, 'gateway', /is not an IPv4 address/],
  ['ip-range outside', { name: 'x', subnet: '10.63.0.0/16', ipRange: '10.64.0.0/24' }, 'ipRange', /^ip-range 10\.64\.0\.0\/24 is not inside the subnet 10\.63\.0\.0\/16$/],
  ['ip-range larger than subnet', { name: 'x', subnet: '10.63.0.0/16', ipRange: '10.62.0.0/15' }, 'ipRange', /not inside the subnet/],
  ['ip-range host bits', { name: 'x', subnet: '10.63.0.0/16', ipRange: '10.63.5.1/24' }, 'ipRange', /^ip-range 10\.63\.5\.1\/24 has host bits set/],
  ['unknown option', { name: 'x', options: { 'com.docker.network.bridge.enable_icc_typo': 'false' } }, 'options', /unknown option "com\.docker\.network\.bridge\.enable_icc_typo" for a bridge network \(known: /],
  ['option of another driver', { name: 'x', options: { parent: 'eth0' } }, 'options', /^option parent is for macvlan\/ipvlan networks, not bridge$/],
  ['default_bridge option', { name: 'x', options: { 'com.docker.network.bridge.default_bridge': 'true' } }, 'options', /unknown option/],
  ['icc not a boolean', { name: 'x', options: { 'com.docker.network.bridge.enable_icc': 'yes' } }, 'options', /enable_icc is true or false, got "yes"/],
  ['masquerade empty', { name: 'x', options: { 'com.docker.network.bridge.enable_ip_masquerade': '' } }, 'options', /enable_ip_masquerade is true or false, got ""/],
  ['host binding not an IPv4', { name: 'x', options: { 'com.docker.network.bridge.host_binding_ipv4': '::' } }, 'options', /host_binding_ipv4 is an IPv4 address/],
  ['host binding elsewhere', { name: 'x', options: { 'com.docker.network.bridge.host_binding_ipv4': '203.0.113.9' } }, 'options', /203\.0\.113\.9 .* is not an address of this host/],
  ['MTU text', { name: 'x', options: { 'com.docker.network.driver.mtu': 'big' } }, 'options', /MTU\) is a whole number from 68 to 65535, got "big"/],
  ['MTU 67', { name: 'x', options: { 'com.docker.network.driver.mtu': '67' } }, 'options', /from 68 to 65535, got "67"/],
  ['MTU 65536', { name: 'x', options: { 'com.docker.network.driver.mtu': '65536' } }, 'options', /from 68 to 65535/],
  ['MTU negative', { name: 'x', options: { 'com.docker.network.driver.mtu': '-1' } }, 'options', /from 68 to 65535/],
  ['bridge name 16 chars', { name: 'x', options: { 'com.docker.network.bridge.name': 'abcdefghijklmnop' } }, 'options', /^bridge name "abcdefghijklmnop" is 16 characters; Linux allows at most 15/],
  ['bridge name unsafe', { name: 'x', options: { 'com.docker.network.bridge.name': 'br;reboot' } }, 'options', /may only have letters, digits/],
  ['bridge name with slash', { name: 'x', options: { 'com.docker.network.bridge.name': 'br/0' } }, 'options', /may only have letters, digits/],
  ['bridge name empty', { name: 'x', options: { 'com.docker.network.bridge.name': '' } }, 'options', /bridge name is empty/],
  ['bridge name of a link', { name: 'x', options: { 'com.docker.network.bridge.name': 'bphand0' } }, 'options', /^a link named bphand0 already exists on this host/],
  ['bridge name of a network', { name: 'x', options: { 'com.docker.network.bridge.name': 'docker0' } }, 'options', /bridge name docker0 is already used by Docker network bridge/],
  ['macvlan without parent', { name: 'x', driver: 'macvlan' }, 'options', /a macvlan network needs its parent NIC: -o parent=/],
  ['parent missing', { name: 'x', driver: 'ipvlan', options: { parent: 'eth9' } }, 'options', /^there is no link named eth9 on this host \(candidates: .*eth0/],
  ['parent VLAN not there', { name: 'x', driver: 'macvlan', options: { parent: 'eth0.10' } }, 'options', /create the VLAN sub-interface first \(ip link add link eth0 name eth0\.10 type vlan id 10\)/],
  ['parent loopback', { name: 'x', driver: 'macvlan', options: { parent: 'lo' } }, 'options', /lo is the loopback interface/],
  ['parent taken by macvlan', { name: 'x', driver: 'macvlan', options: { parent: 'bpp0' } }, 'options', /Docker network mv1 already uses bpp0 as its macvlan parent/],
  ['parent name unsafe', { name: 'x', driver: 'macvlan', options: { parent: 'eth0 up' } }, 'options', /parent "eth0 up" may only have/],
  ['macvlan mode', { name: 'x', driver: 'macvlan', options: { parent: 'eth0', macvlan_mode: 'l2' } }, 'options', /macvlan_mode is one of bridge, vepa, private, passthru, got "l2"/],
  ['ipvlan mode', { name: 'x', driver: 'ipvlan', options: { parent: 'eth0', ipvlan_mode: 'bridge' } }, 'options', /ipvlan_mode is one of l2, l3, l3s/],
  ['ipvlan flag', { name: 'x', driver: 'ipvlan', options: { parent: 'eth0', ipvlan_flag: 'x' } }, 'options', /ipvlan_flag is one of bridge, private, vepa/],
  ['MTU over the parent', { name: 'x', driver: 'macvlan', options: { parent: 'eth0', 'com.docker.network.driver.mtu': '9000' } }, 'options', /^MTU 9000 is more than the MTU 1500 of the parent eth0$/],
  ['macvlan subnet on a Docker network', { name: 'x', driver: 'macvlan', subnet: '172.28.0.0/24', options: { parent: 'eth0' } }, 'subnet', /overlaps Docker network intranet/],
  ['macvlan subnet on another NIC', { name: 'x', driver: 'macvlan', subnet: '198.51.100.0/24', options: { parent: 'eth0' } }, 'subnet', /overlaps the address 198\.51\.100\.1\/24 on bpsoyb9up/],
];

describe('planCreate refuses before anything changes, saying why', () => {
  it.each(refusals)('%s', (_what, input, field, reason) => {
    const refused = refusal(input);
    expect(refused.message).toMatch(reason);
    expect(refused.field).toBe(field);
    expect(refused.message).not.toContain('\n');
  });

  it('a jumbo parent allows a jumbo MTU', () => {
    expect(plan({ name: 'j', driver: 'macvlan', options: { parent: 'jumbo0', 'com.docker.network.driver.mtu': '9000' } }).Options['com.docker.network.driver.mtu']).toBe('9000');
  });

  it('the default route and a VPN catch-all (0.0.0.0/1, 128.0.0.0/1) are no collision; local-table entries are left to the address check', () => {
    const ctx = withRoutes(route('0.0.0.0/1', 'tun0'), route('128.0.0.0/1', 'tun0'));
    expect(plan({ name: 'free', subnet: '10.64.0.0/16' }, ctx).IPAM.Config[0]!.Subnet).toBe('10.64.0.0/16');
  });

  it('a blackhole route is a collision too', () => {
    const ctx = withRoutes({ ...route('10.99.0.0/16', ''), dev: null, type: 'blackhole' });
    expect(refusal({ name: 'x', subnet: '10.99.1.0/24' }, ctx).message).toMatch(/overlaps the blackhole route 10\.99\.0\.0\/16;/);
  });

  it('a route in another table is named with its table', () => {
    const ctx = withRoutes(route('10.200.0.0/16', 'wg0', { table: '51820' }));
    expect(refusal({ name: 'x', subnet: '10.200.0.0/24' }, ctx).message).toMatch(/the route 10\.200\.0\.0\/16 via wg0 \(table 51820\) \(a VPN\?\)/);
  });
});

import { describe, expect, it } from 'vitest';
import { parseIpLinks } from '../../../src/main/engine/host/parse-ip-links';
import { fixtureText, lab } from '../lab-fixture';

describe('parseIpLinks on a captured lab host (Docker 20.10)', () => {
  const links = parseIpLinks(fixtureText('ip-addr.json'));
  const byName = (name: string) => links.find((l) => l.name === name);

  it('reads loopback, bridges and veths with their kinds and addresses', () => {
    expect(byName('lo')).toMatchObject({ kind: 'loopback', mac: null, up: true });
    expect(byName('lo')?.addresses).toContain('127.0.0.1/8');
    expect(byName('docker0')).toMatchObject({ kind: 'bridge', driver: 'bridge' });
    expect(byName('docker0')?.addresses).toContain('172.17.0.1/16');
    expect(byName('bphand0')?.kind).toBe('bridge');
    expect(byName(`${lab}up`)).toMatchObject({ kind: 'veth', addresses: expect.arrayContaining(['198.51.100.1/24']) });
  });

  it('keeps each container veth with its master and the peer it names (ifindex in another namespace)', () => {
    const dockerVeths = links.filter((l) => l.kind === 'veth' && l.master === 'docker0');
    expect(dockerVeths.length).toBe(3);
    for (const v of dockerVeths) {
      expect(v.peerIfindex).toEqual(expect.any(Number));
      expect(v.peerNetnsId).toEqual(expect.any(Number));
    }
  });

  it('sorts by ifindex and leaves no field of a non-veth pointing at a peer', () => {
    expect(links.map((l) => l.ifindex)).toEqual([...links.map((l) => l.ifindex)].sort((a, b) => a - b));
    expect(links.filter((l) => l.kind !== 'veth').every((l) => l.peerIfindex === null && l.peerNetnsId === null)).toBe(true);
  });
});

describe('parseIpLinks kinds', () => {
  const one = (extra: object) =>
    parseIpLinks(JSON.stringify([{ ifindex: 7, ifname: 'x', flags: ['UP'], mtu: 1500, operstate: 'UP', link_type: 'ether', ...extra }]))[0]!;

  it.each([
    ['macvlan', 'macvlan'],
    ['macvtap', 'macvlan'],
    ['ipvlan', 'ipvlan'],
    ['vxlan', 'vxlan'],
    ['tun', 'tun'],
    ['dummy', 'dummy'],
    ['ifb', 'other'],
    ['wireguard', 'other'],
  ])('driver %s is %s', (driver, kind) => {
    expect(one({ linkinfo: { info_kind: driver } })).toMatchObject({ kind, driver });
  });

  it('an ethernet link without a driver kind is a physical NIC', () => {
    expect(one({}).kind).toBe('physical');
  });

  it('a macvlan names its parent in link_index, which is not a veth peer', () => {
    expect(one({ linkinfo: { info_kind: 'macvlan' }, link_index: 2 }).peerIfindex).toBeNull();
  });

  it('reads an empty output as no links and rejects garbage', () => {
    expect(parseIpLinks('')).toEqual([]);
    expect(() => parseIpLinks('[{"ifname": 3}]')).toThrow();
  });
});

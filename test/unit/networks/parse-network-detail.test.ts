import { describe, expect, it } from 'vitest';
import { formatNetworks } from '../../../src/main/cli/format-networks';
import { networkDetailSchema } from '../../../src/shared/network-model';
import { readings } from './fixture';

const { networks, members } = readings();
const net = (name: string) => networks.find((n) => n.name === name)!;

describe('parseNetworkDetail on captured docker network inspect (20.10)', () => {
  it('every network fits the contract', () => {
    for (const n of networks) expect(() => networkDetailSchema.parse(n), n.name).not.toThrow();
    expect(networks.map((n) => n.name).sort()).toEqual(['auto1', 'bridge', 'host', 'intranet', 'mv1', 'network_name', 'none']);
  });

  it('host, none and the default bridge are the built-ins', () => {
    expect(networks.filter((n) => n.builtIn).map((n) => n.name).sort()).toEqual(['bridge', 'host', 'none']);
  });

  it("the seed's bridge network: subnet, gateway, ip-range, bridge name, every -o option", () => {
    expect(net('network_name')).toMatchObject({
      driver: 'bridge',
      scope: 'local',
      subnets: [{ subnet: '172.20.0.0/16', gateway: '172.20.0.1', ipRange: '172.20.5.0/24' }],
      bridge: 'network_name',
      parent: null,
      attachable: true,
      internal: false,
      mtu: 1400,
      icc: false,
      masquerade: false,
      hostBindingIpv4: '0.0.0.0',
    });
  });

  it("the default bridge: docker0, its options, and its gateway read from docker0's address (20.10 reports none)", () => {
    expect(net('bridge')).toMatchObject({ bridge: 'docker0', mtu: 1500, icc: true, masquerade: true, subnets: [{ subnet: '172.17.0.0/16', gateway: '172.17.0.1', ipRange: null }] });
  });

  it("a bridge network without options: br-<id>, Docker's defaults, no MTU set", () => {
    expect(net('intranet')).toMatchObject({ bridge: `br-${net('intranet').id.slice(0, 12)}`, mtu: null, icc: true, masquerade: true, hostBindingIpv4: '0.0.0.0' });
  });

  it('macvlan: the parent NIC, no bridge, no bridge settings', () => {
    expect(net('mv1')).toMatchObject({ driver: 'macvlan', parent: 'bpp0', bridge: null, icc: null, masquerade: null, hostBindingIpv4: null, options: { macvlan_mode: 'bridge', parent: 'bpp0' } });
  });

  it("containers with their IPv4 and the user's aliases (not Docker's short-id alias)", () => {
    expect(net('network_name').containers).toEqual([{ id: expect.any(String), name: 'w1', ipv4: '172.20.9.9', aliases: ['web', 'www'] }]);
    expect(net('intranet').containers.map((c) => [c.name, c.ipv4, c.aliases])).toEqual([
      ['dual', '172.28.0.2', []],
      ['i1', '172.28.0.3', []],
    ]);
    expect(net('host').containers.map((c) => [c.name, c.ipv4])).toEqual([['hostnet', null]]);
  });

  it("a stopped container keeps its requested address; a failed connect's leftover is no membership", () => {
    const st1 = members.find((m) => m.name === 'st1')!;
    expect(st1).toMatchObject({ running: false, memberships: [{ network: 'network_name', ipv4: null, configuredIpv4: '172.20.9.10' }] });
    const w2 = members.find((m) => m.name === 'w2')!;
    expect(w2.memberships.map((m) => m.network)).toEqual(['bridge']);
  });

  it('the CLI text names each network with its settings and containers', () => {
    const text = formatNetworks(networks);
    expect(text).toContain('network_name  (bridge, local)');
    expect(text).toContain('  subnet 172.20.0.0/16  gateway 172.20.0.1  ip-range 172.20.5.0/24');
    expect(text).toContain('  bridge network_name  mtu 1400  icc off  masquerade off  host binding 0.0.0.0  attachable');
    expect(text).toContain('  containers: w1 172.20.9.9 (alias web, www)');
    expect(text).toContain('  parent bpp0  mode bridge');
    expect(text).toContain('bridge  (bridge, local, built-in)');
  });
});

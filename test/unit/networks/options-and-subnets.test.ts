import { describe, expect, it } from 'vitest';
import { dockerFailure } from '../../../src/main/engine/networks/docker-failure';
import type { HostReadings } from '../../../src/main/engine/networks/find-overlap';
import { looseBlock, strictBlock, specialRangeOf } from '../../../src/main/engine/networks/ipv4-block';
import { effectiveOptions } from '../../../src/main/engine/networks/network-options';
import { parseDriver, parseOptionPairs } from '../../../src/shared/network-model';
import { suggestSubnet } from '../../../src/main/engine/networks/suggest-subnet';
import type { Route } from '../../../src/main/engine/path/parse-ip-route';
import { readings } from './fixture';

const route = (destination: string, dev: string): Route => ({ destination, type: 'unicast', table: 'main', dev, gateway: null, prefsrc: null, protocol: 'kernel', scope: 'link', metric: null });

describe('parseOptionPairs (-o key=value, repeatable)', () => {
  it("reads the seed's flags as the shell hands them over", () => {
    expect(
      parseOptionPairs([
        'com.docker.network.bridge.host_binding_ipv4=0.0.0.0',
        'com.docker.network.bridge.enable_icc=true',
        'com.docker.network.driver.mtu=1500',
        'com.docker.network.bridge.name=network_name',
        'com.docker.network.bridge.enable_ip_masquerade=true',
      ]),
    ).toEqual({
      'com.docker.network.bridge.host_binding_ipv4': '0.0.0.0',
      'com.docker.network.bridge.enable_icc': 'true',
      'com.docker.network.driver.mtu': '1500',
      'com.docker.network.bridge.name': 'network_name',
      'com.docker.network.bridge.enable_ip_masquerade': 'true',
    });
  });

  it('splits at the first =, takes a bare key as an empty value, allows the same pair twice', () => {
    expect(parseOptionPairs(['a=b=c', 'encrypted', 'x=', 'a=b=c'])).toEqual({ a: 'b=c', encrypted: '', x: '' });
    expect(parseOptionPairs([])).toEqual({});
  });

  it('refuses an empty key and a key given twice with different values', () => {
    expect(() => parseOptionPairs(['=true'])).toThrow('-o needs key=value, got "=true"');
    expect(() => parseOptionPairs([''])).toThrow('-o needs key=value');
    expect(() => parseOptionPairs(['parent=eth0', 'parent=eth1'])).toThrow('option parent is given twice ("eth0" and "eth1")');
  });
});

describe('parseDriver', () => {
  it('the four Bridgeport creates', () => {
    expect(['bridge', 'macvlan', 'ipvlan', 'overlay'].map(parseDriver)).toEqual(['bridge', 'macvlan', 'ipvlan', 'overlay']);
  });
  it('host and none are built-ins; anything else is unknown', () => {
    expect(() => parseDriver('host')).toThrow("host is one of Docker's built-in networks (there is exactly one host and one none network): it cannot be created");
    expect(() => parseDriver('null')).toThrow(/^none is one of Docker's built-in networks/);
    expect(() => parseDriver('Bridge')).toThrow('unknown driver "Bridge": Bridgeport creates bridge, macvlan, ipvlan and overlay networks');
  });
});

describe('effectiveOptions', () => {
  it("bridge defaults when unset, Go's booleans when set, nothing for other drivers", () => {
    expect(effectiveOptions('bridge', {})).toEqual({ mtu: null, icc: true, masquerade: true, hostBindingIpv4: '0.0.0.0' });
    expect(effectiveOptions('bridge', { 'com.docker.network.bridge.enable_icc': '0', 'com.docker.network.bridge.enable_ip_masquerade': 'FALSE', 'com.docker.network.driver.mtu': '9000' })).toMatchObject({ icc: false, masquerade: false, mtu: 9000 });
    expect(effectiveOptions('macvlan', { 'com.docker.network.driver.mtu': '1400' })).toEqual({ mtu: 1400, icc: null, masquerade: null, hostBindingIpv4: null });
  });
});

describe('IPv4 blocks', () => {
  it('strict for what users type, lenient for what the system reports', () => {
    expect(strictBlock('10.1.0.0/16').block?.text).toBe('10.1.0.0/16');
    expect(strictBlock('10.1.0.0/16 ').problem).toBeDefined();
    expect(strictBlock(' 10.1.0.0/16').problem).toBeDefined();
    expect(strictBlock('10.1.0.0/016').problem).toBeDefined();
    expect(strictBlock('10.1.0.0/0').problem).toBe('10.1.0.0/0 has host bits set: the network is 0.0.0.0/0');
    expect(looseBlock('172.17.0.1/16')?.text).toBe('172.17.0.0/16');
    expect(looseBlock('10.0.0.1')?.text).toBe('10.0.0.1/32');
    expect(looseBlock('fe80::1/64')).toBeNull();
  });

  it('special ranges', () => {
    expect(specialRangeOf(looseBlock('0.0.0.0/8')!)).toMatch(/this network/);
    expect(specialRangeOf(looseBlock('240.0.0.0/8')!)).toMatch(/reserved/);
    expect(specialRangeOf(looseBlock('100.64.0.0/10')!)).toBeNull();
  });
});

describe('suggestSubnet', () => {
  it("the captured lab: 172.17, 172.19, 172.20 and 172.28 are Docker's, so 172.18.0.0/16", () => {
    expect(suggestSubnet(readings())).toEqual({ subnet: '172.18.0.0/16', gateway: '172.18.0.1' });
  });

  it('skips host routes and addresses; a VPN on 172.16/12 and 10/8 leaves 192.168.x.0/24', () => {
    const base = readings();
    const vpn: HostReadings = { ...base, routes: [...base.routes, route('172.16.0.0/12', 'tun0'), route('10.0.0.0/8', 'tun0'), route('192.168.0.0/24', 'eth0')] };
    expect(suggestSubnet(vpn)).toEqual({ subnet: '192.168.1.0/24', gateway: '192.168.1.1' });
  });

  it('ignores the default route', () => {
    const empty: HostReadings = { networks: [], links: [], routes: [route('0.0.0.0/0', 'eth0')] };
    expect(suggestSubnet(empty)).toEqual({ subnet: '172.17.0.0/16', gateway: '172.17.0.1' });
  });

  it('says so when nothing is free', () => {
    const full: HostReadings = { networks: [], links: [], routes: [route('172.16.0.0/12', 'a'), route('10.0.0.0/8', 'b'), route('192.168.0.0/16', 'c')] };
    expect(() => suggestSubnet(full)).toThrow(/no free private subnet/);
  });
});

describe('dockerFailure', () => {
  it("Docker's own message, one line", () => {
    const error = Object.assign(new Error('(HTTP code 403) unexpected - Address already in use'), { statusCode: 403, json: { message: 'Address already in use' } });
    expect(dockerFailure(error).message).toBe('Docker refused: Address already in use');
    const noJson = Object.assign(new Error('(HTTP code 409) unexpected - network with name x already exists\nmore'), { statusCode: 409, json: null });
    expect(dockerFailure(noJson).message).toBe('Docker refused: network with name x already exists');
  });

  it('an unreachable daemon', () => {
    expect(dockerFailure(Object.assign(new Error('connect ECONNREFUSED'), { code: 'ECONNREFUSED' })).message).toMatch(/^Docker is not reachable at .*: the daemon is not running$/);
    expect(dockerFailure(Object.assign(new Error('connect EACCES'), { code: 'EACCES' })).message).toMatch(/permission denied/);
  });
});

import { describe, expect, it } from 'vitest';
import { ipv4NetworksOverlap, parseGateway, parseInterfaceAddress } from '../../../src/main/netcore/addresses/link-addresses';

describe('parseInterfaceAddress', () => {
  it('reads IPv4 and IPv6 addresses with their network', () => {
    expect(parseInterfaceAddress('10.20.0.1/24')).toEqual({ text: '10.20.0.1/24', address: '10.20.0.1', prefix: 24, family: 4, network: '10.20.0.0/24' });
    expect(parseInterfaceAddress('198.51.100.7/31')).toMatchObject({ network: '198.51.100.6/31' });
    expect(parseInterfaceAddress('10.0.0.0/31').address).toBe('10.0.0.0'); // /31 and /32 have no network address
    expect(parseInterfaceAddress('192.168.1.5/32').prefix).toBe(32);
    expect(parseInterfaceAddress('fd00:0:0::1/64')).toEqual({ text: 'fd00::1/64', address: 'fd00::1', prefix: 64, family: 6, network: 'fd00::/64' });
  });

  it.each([
    ['10.0.0.1', /is not an address with a prefix length, like 10\.0\.0\.1\/24/],
    ['', /is not an address with a prefix length/],
    ['10.0.0.1/24/1', /is not an address with a prefix length/],
    ['10.0.0.1/24; reboot', /is not an address with a prefix length/],
    ['$(id)/24', /"\$\(id\)" is not an IPv4 or IPv6 address/],
    ['256.0.0.1/24', /is not an IPv4 or IPv6 address/],
    ['010.0.0.1/24', /is not an IPv4 or IPv6 address/],
    ['10.0.1/24', /is not an IPv4 or IPv6 address/],
    [' 10.0.0.1/24', /is not an IPv4 or IPv6 address/],
    ['10.0.0.1/33', /the prefix length of "10\.0\.0\.1\/33" must be 1-32/],
    ['10.0.0.1/0', /must be 1-32/],
    ['fd00::1/129', /must be 1-128/],
    ['10.0.0.1/-1', /is not an address with a prefix length/],
    ['10.0.0.0/24', /10\.0\.0\.0 is the network address of 10\.0\.0\.0\/24: give a host address, like 10\.0\.0\.1\/24/],
    ['10.0.0.255/24', /is the broadcast address of 10\.0\.0\.0\/24/],
    ['127.0.0.2/8', /127\.0\.0\.2 is a loopback address, not one a link can have/],
    ['224.0.0.5/24', /is a multicast address/],
    ['0.0.0.0/8', /0\.0\.0\.0 is the unspecified address, not one a link can have/],
    ['0.0.0.1/8', /is the unspecified address/],
    ['::1/128', /is a loopback address/],
    ['::ffff:10.0.0.1/96', /is not an IPv4 or IPv6 address/],
    ['::ffff:a00:1/96', /IPv4-mapped address/],
  ])('refuses %j', (text, message) => {
    expect(() => parseInterfaceAddress(text)).toThrow(message);
  });
});

describe('parseGateway', () => {
  const address = parseInterfaceAddress('10.20.0.2/24');
  it('accepts an address of the same network', () => {
    expect(parseGateway('10.20.0.1', address)).toBe('10.20.0.1');
    expect(parseGateway('fd00::1', parseInterfaceAddress('fd00::2/64'))).toBe('fd00::1');
  });
  it.each([
    ['10.21.0.1', /gateway 10\.21\.0\.1 is outside 10\.20\.0\.0\/24, the network of 10\.20\.0\.2\/24/],
    ['10.20.0.2', /is the link's own address/],
    ['10.20.0.0', /is the network or broadcast address/],
    ['10.20.0.255', /is the network or broadcast address/],
    ['fd00::1', /gateway fd00::1 is IPv6 but the address 10\.20\.0\.2\/24 is IPv4/],
    ['10.20.0.1/24', /is not an IPv4 or IPv6 address/],
    ['gw', /is not an IPv4 or IPv6 address/],
  ])('refuses %j', (text, message) => {
    expect(() => parseGateway(text, address)).toThrow(message);
  });
});

describe('ipv4NetworksOverlap', () => {
  it('compares at the shorter prefix', () => {
    expect(ipv4NetworksOverlap('172.17.0.0/16', '172.17.5.0/24')).toBe(true);
    expect(ipv4NetworksOverlap('172.17.5.0/24', '172.16.0.0/12')).toBe(true);
    expect(ipv4NetworksOverlap('10.0.0.0/24', '10.0.1.0/24')).toBe(false);
    expect(ipv4NetworksOverlap('10.0.0.0/24', 'bad')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { parseIpRoutes } from '../../../src/main/engine/path/parse-ip-route';
import { fixture } from './path-host';

describe('parseIpRoutes', () => {
  const routes = parseIpRoutes(fixture('ip-route-table-all.json'));

  it('keeps the IPv4 routes of every table and leaves the IPv6 ones out', () => {
    expect(routes).toHaveLength(12);
    expect(routes.every((r) => !r.destination.includes(':'))).toBe(true);
  });

  it('fills the kernel defaults: default is 0.0.0.0/0, no type is unicast, no table is main', () => {
    expect(routes[0]).toEqual({
      destination: '0.0.0.0/0',
      type: 'unicast',
      table: 'main',
      dev: 'enp1s0',
      gateway: '192.168.50.1',
      prefsrc: '192.168.50.10',
      protocol: 'dhcp',
      scope: null,
      metric: 100,
    });
  });

  it('reads local and broadcast routes of table local, a bare address as a /32', () => {
    expect(routes.find((r) => r.destination === '127.0.0.1/32')).toMatchObject({ type: 'local', table: 'local', dev: 'lo', prefsrc: '127.0.0.1' });
    expect(routes.filter((r) => r.type === 'broadcast')).toHaveLength(3);
  });

  it('tolerates missing fields, numeric tables and multipath next hops; skips entries without dst', () => {
    const parsed = parseIpRoutes(
      JSON.stringify([{ dst: '10.9.0.0/16', table: 100, nexthops: [{ gateway: '192.168.50.3', dev: 'enp1s0' }] }, { type: 'blackhole', dst: '10.66.0.0/16' }, {}]),
    );
    expect(parsed[0]).toMatchObject({ destination: '10.9.0.0/16', table: '100', dev: 'enp1s0', gateway: '192.168.50.3' });
    expect(parsed[1]).toMatchObject({ type: 'blackhole', dev: null, gateway: null });
    // An entry without a destination says nothing usable.
    expect(parsed).toHaveLength(2);
  });

  it('returns nothing for empty output', () => {
    expect(parseIpRoutes('  ')).toEqual([]);
  });
});

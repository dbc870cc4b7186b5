// NAT rules and published ports: counters to rates; a replaced rule (counter down) counts from zero.
import { describe, expect, it } from 'vitest';
import { countersOf, portKey, portTraffic, ruleTraffic } from '../../../src/main/engine/traffic/rule-rates';
import type { FirewallRule, PublishedPort } from '../../../src/shared/firewall-model';

const rule = (id: string, packets: number, bytes: number) => ({ id, table: 'nat', chain: 'DOCKER', spec: `-A DOCKER ${id}`, container: null, packets, bytes }) as unknown as FirewallRule;
const port = (hostPort: number, packets: number, ruleIds: string[] = [], source: 'docker' | 'bridgeport' = 'docker') =>
  ({ hostIp: '', hostPort, protocol: 'tcp', container: { id: 'w1', name: 'w1' }, packets, ruleIds, source }) as unknown as PublishedPort;
const filterRule = (id: string, bytes: number, on: { dport?: string; sport?: string; table?: string; target?: string }) =>
  ({
    id,
    table: on.table ?? 'filter',
    chain: 'DOCKER',
    target: on.target ?? 'ACCEPT',
    packets: 1,
    bytes,
    match: { dport: on.dport ?? null, dportNegated: false, sport: on.sport ?? null, sportNegated: false },
  }) as unknown as FirewallRule;

describe('ruleTraffic', () => {
  it('lists the rules that moved, busiest first, per second', () => {
    const before = countersOf([rule('a', 10, 1000), rule('b', 5, 500), rule('c', 7, 700)]);
    const now = [rule('a', 20, 3000), rule('b', 5, 500), rule('c', 9, 5000)];
    expect(ruleTraffic(now, before, 2).map((r) => [r.id, r.packetRate, r.byteRate])).toEqual([
      ['c', 1, 2150],
      ['a', 5, 1000],
    ]);
  });

  it('a rule whose counter went down (replaced) or that is new has no rate yet', () => {
    expect(ruleTraffic([rule('a', 1, 10), rule('new', 50, 5000)], countersOf([rule('a', 100, 10000)]), 1)).toEqual([]);
  });
});

describe('portTraffic', () => {
  it('counts new connections per second from the DNAT counter', () => {
    const previous = new Map([[portKey(port(8080, 0)), { connections: 4, toPort: 0, fromPort: null }]]);
    expect(portTraffic([port(8080, 10), port(9090, 3)], [], previous, 2).ports.map((p) => [p.hostPort, p.connections, p.connectionRate])).toEqual([
      [8080, 10, 3],
      [9090, 3, 0],
    ]);
  });

  it("leaves a Docker port's bytes unknown: its ACCEPT rule sees only each flow's first packet", () => {
    const rules = [filterRule('accept', 60, { dport: '80' })];
    expect(portTraffic([port(8080, 2, ['dnat', 'accept'])], rules, new Map(), 0).ports[0]).toMatchObject({
      connections: 2,
      bytesToPort: null,
      bytesToPortRate: null,
      bytesFromPort: null,
      bytesFromPortRate: null,
    });
  });

  it("counts both ways for a Bridgeport mapping from its --dport and --sport rules, nat rules aside", () => {
    const rules = [filterRule('in', 100, { dport: '80' }), filterRule('out', 40_000, { sport: '80' }), filterRule('masq', 999, { dport: '80', table: 'nat', target: 'MASQUERADE' })];
    const first = portTraffic([port(9393, 1, ['in', 'out', 'masq'], 'bridgeport')], rules, new Map(), 0);
    expect(first.ports[0]).toMatchObject({ bytesToPort: 100, bytesToPortRate: 0, bytesFromPort: 40_000, bytesFromPortRate: 0 });
    const now = [filterRule('in', 300, { dport: '80' }), filterRule('out', 50_000, { sport: '80' }), rules[2]!];
    const later = portTraffic([port(9393, 1, ['in', 'out', 'masq'], 'bridgeport')], now, first.counters, 1);
    expect(later.ports[0]).toMatchObject({ bytesToPort: 300, bytesToPortRate: 200, bytesFromPort: 50_000, bytesFromPortRate: 10_000 });
  });
});

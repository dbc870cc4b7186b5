// NAT rules and published ports: counters to rates; a replaced rule (counter down) counts from zero.
import { describe, expect, it } from 'vitest';
import { countersOf, portKey, portTraffic, ruleTraffic } from '../../../src/main/engine/traffic/rule-rates';
import type { FirewallRule, PublishedPort } from '../../../src/shared/firewall-model';

const rule = (id: string, packets: number, bytes: number) => ({ id, table: 'nat', chain: 'DOCKER', spec: `-A DOCKER ${id}`, container: null, packets, bytes }) as unknown as FirewallRule;
const port = (hostPort: number, packets: number) => ({ hostIp: '', hostPort, protocol: 'tcp', container: { id: 'w1', name: 'w1' }, packets }) as unknown as PublishedPort;

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
    const previous = new Map([[portKey(port(8080, 0)), 4]]);
    expect(portTraffic([port(8080, 10), port(9090, 3)], previous, 2).map((p) => [p.hostPort, p.connections, p.connectionRate])).toEqual([
      [8080, 10, 3],
      [9090, 3, 0],
    ]);
  });
});

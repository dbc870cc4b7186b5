// Per NAT rule and per published port: how fast their counters move. A port's connections are its
// DNAT rule's packets (nat sees only the first packet of a flow). A rule whose counter went down
// was replaced: it counts from zero. Pure.
import type { FirewallRule, PublishedPort } from '../../../shared/firewall-model';
import type { PortTraffic, RuleTraffic } from '../../../shared/traffic-model';

export type RuleCounters = Map<string, { packets: number; bytes: number }>;

const perSecond = (now: number, before: number | undefined, seconds: number) => (before === undefined || now < before || seconds <= 0 ? 0 : (now - before) / seconds);

export function ruleTraffic(rules: readonly FirewallRule[], previous: RuleCounters, seconds: number, max = 50): RuleTraffic[] {
  return rules
    .map((r) => {
      const before = previous.get(r.id);
      return {
        id: r.id,
        table: r.table,
        chain: r.chain,
        spec: r.spec,
        container: r.container,
        packets: r.packets,
        bytes: r.bytes,
        packetRate: perSecond(r.packets, before?.packets, seconds),
        byteRate: perSecond(r.bytes, before?.bytes, seconds),
      };
    })
    .filter((r) => r.packetRate > 0)
    .sort((a, b) => b.byteRate - a.byteRate || b.packetRate - a.packetRate)
    .slice(0, max);
}

export const portKey = (p: Pick<PublishedPort, 'hostIp' | 'hostPort' | 'protocol'>) => `${p.hostIp}:${p.hostPort}/${p.protocol}`;

/** `previous`: each port's connection count at the last tick, by portKey. */
export function portTraffic(ports: readonly PublishedPort[], previous: ReadonlyMap<string, number>, seconds: number): PortTraffic[] {
  return ports.map((p) => ({
    hostIp: p.hostIp,
    hostPort: p.hostPort,
    protocol: p.protocol,
    container: p.container,
    connections: p.packets,
    connectionRate: perSecond(p.packets, previous.get(portKey(p)), seconds),
  }));
}

export function countersOf(rules: readonly FirewallRule[]): RuleCounters {
  return new Map(rules.map((r) => [r.id, { packets: r.packets, bytes: r.bytes }]));
}

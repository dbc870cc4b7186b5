// Per NAT rule and per published port: how fast their counters move. A port's connections are its
// DNAT rule's packets (nat sees only the first packet of a flow). Its bytes are known only where a
// rule sees every packet of its flows: Bridgeport's own mappings (see portCounters). A rule whose
// counter went down was replaced: it counts from zero. Pure.
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

export interface PortCounters {
  connections: number;
  toPort: number | null;
  fromPort: number | null;
}

const isAccept = (r: FirewallRule) => r.table !== 'nat' && r.table !== 'raw' && r.table !== 'mangle' && /^accept$/i.test(r.target);

/**
 * A port's counters. Bytes both ways come from a Bridgeport mapping's two ACCEPT rules (--dport to
 * the container, --sport back), reached from DOCKER-USER before Docker's ESTABLISHED rule, so they
 * see every packet. Docker's own per-port ACCEPT rule sits after that ESTABLISHED rule and sees
 * only each flow's first packet: its bytes are null (unknown), never that undercount.
 */
export function portCounters(port: PublishedPort, rulesById: ReadonlyMap<string, FirewallRule>): PortCounters {
  if (port.source !== 'bridgeport') return { connections: port.packets, toPort: null, fromPort: null };
  let toPort = 0;
  let fromPort = 0;
  for (const id of port.ruleIds) {
    const r = rulesById.get(id);
    if (!r || !isAccept(r)) continue;
    if (r.match.dport !== null && !r.match.dportNegated) toPort += r.bytes;
    else if (r.match.sport !== null && !r.match.sportNegated) fromPort += r.bytes;
  }
  return { connections: port.packets, toPort, fromPort };
}

/** `previous`: each port's counters at the last tick, by portKey. */
export function portTraffic(
  ports: readonly PublishedPort[],
  rules: readonly FirewallRule[],
  previous: ReadonlyMap<string, PortCounters>,
  seconds: number,
): { ports: PortTraffic[]; counters: Map<string, PortCounters> } {
  const rulesById = new Map(rules.map((r) => [r.id, r]));
  const counters = new Map<string, PortCounters>();
  const traffic = ports.map((p) => {
    const now = portCounters(p, rulesById);
    const before = previous.get(portKey(p));
    counters.set(portKey(p), now);
    return {
      hostIp: p.hostIp,
      hostPort: p.hostPort,
      protocol: p.protocol,
      container: p.container,
      connections: now.connections,
      connectionRate: perSecond(now.connections, before?.connections, seconds),
      bytesToPort: now.toPort,
      bytesToPortRate: now.toPort === null ? null : perSecond(now.toPort, before?.toPort ?? undefined, seconds),
      bytesFromPort: now.fromPort,
      bytesFromPortRate: now.fromPort === null ? null : perSecond(now.fromPort, before?.fromPort ?? undefined, seconds),
    };
  });
  return { ports: traffic, counters };
}

export function countersOf(rules: readonly FirewallRule[]): RuleCounters {
  return new Map(rules.map((r) => [r.id, { packets: r.packets, bytes: r.bytes }]));
}

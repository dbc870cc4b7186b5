// Words and order for the Traffic view. Pure.
import type { ContainerTraffic, InterfaceTraffic, PortTraffic } from '../../../../shared/traffic-model';
import { formatRate } from '../../../../shared/units';

export { formatBytes, formatRate } from '../../../../shared/units';

/** "1.2 MiB/s ↓ 3.4 KiB/s ↑" — received, then sent, from the container's side. */
export const rxTx = (rx: number, tx: number) => `${formatRate(rx)} ↓ ${formatRate(tx)} ↑`;

/** Packets (or connections) per second: whole numbers from 10 up, one decimal below. */
export function formatPerSecond(rate: number): string {
  if (rate === 0) return '0';
  return rate >= 10 ? rate.toFixed(0) : rate.toFixed(1);
}

/** The busiest first; idle ones by name. */
export function topTalkers(containers: readonly ContainerTraffic[], max = 15): ContainerTraffic[] {
  return [...containers].sort((a, b) => b.rxRate + b.txRate - (a.rxRate + a.txRate) || a.container.name.localeCompare(b.container.name)).slice(0, max);
}

/** Interfaces, the busiest first; idle ones by name. */
export function busiestInterfaces(interfaces: readonly InterfaceTraffic[]): InterfaceTraffic[] {
  return [...interfaces].sort((a, b) => b.rxRate + b.txRate - (a.rxRate + a.txRate) || a.name.localeCompare(b.name));
}

/** Where an interface leads: "w1 · lan · eth0", or "host" for the host's own links. */
export function interfacePlace(i: Pick<InterfaceTraffic, 'container' | 'network' | 'containerInterface'>): string {
  if (!i.container) return 'host';
  return [i.container.name, i.network ?? '?', i.containerInterface ?? '?'].join(' · ');
}

/** "0.0.0.0:8080/tcp" ("*" for every address). */
export const portLabel = (p: Pick<PortTraffic, 'hostIp' | 'hostPort' | 'protocol'>) => `${p.hostIp || '*'}:${p.hostPort}/${p.protocol}`;

/** A rule's spec without its "-A CHAIN" (the chain has its own column); nft expressions unchanged. */
export function ruleBody(chain: string, spec: string): string {
  const prefix = `-A ${chain} `;
  return spec.startsWith(prefix) ? spec.slice(prefix.length) : spec;
}

// Words, order and chart columns for the Traffic view. Pure.
import type { ContainerTraffic, TrafficPoint } from '../../../../shared/traffic-model';

const RATE_UNITS = ['B/s', 'kB/s', 'MB/s', 'GB/s'];
const SIZE_UNITS = ['B', 'kB', 'MB', 'GB', 'TB'];

function scaled(value: number, units: readonly string[]): string {
  let v = value;
  let unit = 0;
  while (v >= 1000 && unit < units.length - 1) {
    v /= 1000;
    unit++;
  }
  return `${v.toFixed(v < 10 && unit > 0 ? 1 : 0)} ${units[unit]}`;
}

export const formatRate = (bytesPerSecond: number) => scaled(bytesPerSecond, RATE_UNITS);
export const formatBytes = (bytes: number) => scaled(bytes, SIZE_UNITS);

/** "1.2 MB/s ↓ 3.4 kB/s ↑" — received, then sent, from the container's side. */
export const rxTx = (rx: number, tx: number) => `${formatRate(rx)} ↓ ${formatRate(tx)} ↑`;

/** The busiest first; idle ones by name. */
export function topTalkers(containers: readonly ContainerTraffic[], max = 15): ContainerTraffic[] {
  return [...containers].sort((a, b) => b.rxRate + b.txRate - (a.rxRate + a.txRate) || a.container.name.localeCompare(b.container.name)).slice(0, max);
}

export type ChartColumns = [number[], number[], number[]];

/** uPlot's columns for one container: seconds since the epoch, rx, tx (0 where it had no point). */
export function chartColumns(points: readonly TrafficPoint[], containerId: string): ChartColumns {
  const at: number[] = [];
  const rx: number[] = [];
  const tx: number[] = [];
  for (const p of points) {
    at.push(Date.parse(p.at) / 1000);
    const rates = p.containers[containerId];
    rx.push(rates?.[0] ?? 0);
    tx.push(rates?.[1] ?? 0);
  }
  return [at, rx, tx];
}

/** Appends a point, keeping the last `max` (the client's rolling 5 minutes). */
export function appendCapped<T>(list: readonly T[], item: T, max: number): T[] {
  const next = [...list, item];
  return next.length > max ? next.slice(next.length - max) : next;
}

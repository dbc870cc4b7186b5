// The chart's data for the Traffic view: the client's rolling buffer of per-container rates, the
// engine's history merged in front of it, the default container and uPlot's columns. Pure.
import type { ContainerTraffic, TrafficPoint, TrafficSample } from '../../../../shared/traffic-model';
import { topTalkers } from './traffic-format';

/** The client's rolling buffer: 5 minutes at one point per 1 s tick (as the engine's fine history). */
export const FINE_POINTS = 300;

/** Appends a point, keeping the last `max` (the client's rolling 5 minutes). */
export function appendCapped<T>(list: readonly T[], item: T, max: number): T[] {
  const next = [...list, item];
  return next.length > max ? next.slice(next.length - max) : next;
}

/** A pushed sample as one chart point: per container [rxRate, txRate]. */
export function pointOf(sample: Pick<TrafficSample, 'at' | 'containers'>): TrafficPoint {
  return { at: sample.at, containers: Object.fromEntries(sample.containers.map((c) => [c.container.id, [c.rxRate, c.txRate] as [number, number]])) };
}

/** Appends a pushed sample's point unless it is not newer than the last one (a repeated tick). */
export function appendPoint(buffer: readonly TrafficPoint[], point: TrafficPoint, max = FINE_POINTS): readonly TrafficPoint[] {
  const last = buffer.at(-1);
  if (last && Date.parse(point.at) <= Date.parse(last.at)) return buffer;
  return appendCapped(buffer, point, max);
}

/** The engine's history in front of what the client gathered since (its points win where both have one). */
export function mergeHistory(history: readonly TrafficPoint[], mine: readonly TrafficPoint[], max = FINE_POINTS): TrafficPoint[] {
  const first = mine[0];
  const before = first ? history.filter((p) => Date.parse(p.at) < Date.parse(first.at)) : history;
  return [...before, ...mine].slice(-max);
}

/**
 * The container shown when none was chosen (or the chosen one is gone): the one that moved the most
 * bytes over the buffer, so the chart does not jump with every tick; the top talker now when all were idle.
 */
export function defaultContainer(containers: readonly ContainerTraffic[], buffer: readonly TrafficPoint[]): string | null {
  const present = new Set(containers.map((c) => c.container.id));
  let best: string | null = null;
  let bestBytes = 0;
  const bytes = new Map<string, number>();
  for (const p of buffer) {
    for (const [id, [rx, tx]] of Object.entries(p.containers)) {
      if (!present.has(id)) continue;
      const sum = (bytes.get(id) ?? 0) + rx + tx;
      bytes.set(id, sum);
    }
  }
  for (const [id, sum] of bytes) {
    if (sum > bestBytes) {
      best = id;
      bestBytes = sum;
    }
  }
  return best ?? topTalkers(containers, 1)[0]?.container.id ?? null;
}

/** The container to chart: the one picked while it is still there, else the default. */
export function selectedContainer(picked: string | null, containers: readonly ContainerTraffic[], buffer: readonly TrafficPoint[]): string | null {
  if (picked && containers.some((c) => c.container.id === picked)) return picked;
  return defaultContainer(containers, buffer);
}

export type ChartColumns = [number[], number[], number[]];

/** uPlot's columns for one container: seconds since the epoch, rx, tx (0 where it had no point). */
export function chartColumns(points: readonly TrafficPoint[], containerId: string | null): ChartColumns {
  const at: number[] = [];
  const rx: number[] = [];
  const tx: number[] = [];
  for (const p of points) {
    at.push(Date.parse(p.at) / 1000);
    const rates = containerId === null ? undefined : p.containers[containerId];
    rx.push(rates?.[0] ?? 0);
    tx.push(rates?.[1] ?? 0);
  }
  return [at, rx, tx];
}

/** The latest plotted values, for the chart's data attributes (0 with no points). */
export function lastValues(columns: ChartColumns): { points: number; rx: number; tx: number } {
  const n = columns[0].length;
  return { points: n, rx: n > 0 ? columns[1][n - 1]! : 0, tx: n > 0 ? columns[2][n - 1]! : 0 };
}

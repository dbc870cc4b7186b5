// The chart history: the last 5 minutes at one point per tick, and the last hour at one point per
// 10 ticks (the average of those ticks). Rates only, per container. Pure (ring buffers in memory).
import type { TrafficHistory, TrafficPoint } from '../../../shared/traffic-model';

const FINE = 300;
const COARSE = 360;
const PER_COARSE = 10;

export class TrafficHistoryBuffer {
  private fine: TrafficPoint[] = [];
  private coarse: TrafficPoint[] = [];
  private pending: TrafficPoint[] = [];

  add(point: TrafficPoint): void {
    this.fine.push(point);
    if (this.fine.length > FINE) this.fine.splice(0, this.fine.length - FINE);
    this.pending.push(point);
    if (this.pending.length >= PER_COARSE) {
      this.coarse.push(averageOf(this.pending));
      if (this.coarse.length > COARSE) this.coarse.splice(0, this.coarse.length - COARSE);
      this.pending = [];
    }
  }

  read(): TrafficHistory {
    return { fine: [...this.fine], coarse: [...this.coarse] };
  }
}

/** One point for several: each container's rates averaged (missing from a point = 0 then). */
export function averageOf(points: readonly TrafficPoint[]): TrafficPoint {
  const sums = new Map<string, [number, number]>();
  for (const p of points) {
    for (const [id, [rx, tx]] of Object.entries(p.containers)) {
      const sum = sums.get(id) ?? [0, 0];
      sums.set(id, [sum[0] + rx, sum[1] + tx]);
    }
  }
  const n = points.length;
  return { at: points.at(-1)!.at, containers: Object.fromEntries([...sums].map(([id, [rx, tx]]) => [id, [rx / n, tx / n] as [number, number]])) };
}

// The Traffic view's words, order and chart columns.
import { describe, expect, it } from 'vitest';
import { appendCapped, chartColumns, formatBytes, formatRate, rxTx, topTalkers } from '../../../src/renderer/src/views/traffic/traffic-format';
import type { ContainerTraffic, TrafficPoint } from '../../../src/shared/traffic-model';

const c = (name: string, rxRate: number, txRate: number): ContainerTraffic => ({ container: { id: name, name }, rxRate, txRate, rxSinceStart: 0, txSinceStart: 0, interfaces: [] });

describe('traffic format', () => {
  it('writes rates and sizes', () => {
    expect(formatRate(0)).toBe('0 B/s');
    expect(formatRate(1234)).toBe('1.2 kB/s');
    expect(formatRate(12_345_678)).toBe('12 MB/s');
    expect(formatBytes(10 * 1024 * 1024)).toBe('10 MB');
    expect(rxTx(2_000_000, 500)).toBe('2.0 MB/s ↓ 500 B/s ↑');
  });

  it('lists the busiest first, idle ones by name', () => {
    expect(topTalkers([c('b', 0, 0), c('w1', 10, 5_000_000), c('a', 0, 0), c('w2', 100, 0)]).map((x) => x.container.name)).toEqual(['w1', 'w2', 'a', 'b']);
  });

  it('turns history points into uPlot columns for one container (0 where it had none)', () => {
    const points: TrafficPoint[] = [
      { at: '2026-11-22T10:00:00.000Z', containers: { w1: [1, 2] } },
      { at: '2026-11-22T10:00:01.000Z', containers: {} },
    ];
    expect(chartColumns(points, 'w1')).toEqual([[1795341600, 1795341601], [1, 0], [2, 0]]);
  });

  it('keeps the last n points', () => {
    expect(appendCapped([1, 2, 3], 4, 3)).toEqual([2, 3, 4]);
    expect(appendCapped([1], 2, 3)).toEqual([1, 2]);
  });
});

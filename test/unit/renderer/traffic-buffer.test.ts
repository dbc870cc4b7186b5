// The Traffic view's chart data: the rolling buffer, the engine's history in front, the default
// container and uPlot's columns.
import { describe, expect, it } from 'vitest';
import {
  appendCapped,
  appendPoint,
  chartColumns,
  defaultContainer,
  lastValues,
  mergeHistory,
  pointOf,
  selectedContainer,
} from '../../../src/renderer/src/views/traffic/traffic-buffer';
import type { ContainerTraffic, TrafficPoint } from '../../../src/shared/traffic-model';

const c = (name: string, rxRate = 0, txRate = 0): ContainerTraffic => ({ container: { id: `id-${name}`, name }, rxRate, txRate, rxSinceStart: 0, txSinceStart: 0, interfaces: [] });
const at = (second: number) => new Date(Date.UTC(2026, 10, 22, 10, 0, second)).toISOString();
const p = (second: number, containers: TrafficPoint['containers'] = {}): TrafficPoint => ({ at: at(second), containers });

describe('traffic buffer', () => {
  it('keeps the last n points', () => {
    expect(appendCapped([1, 2, 3], 4, 3)).toEqual([2, 3, 4]);
    expect(appendCapped([1], 2, 3)).toEqual([1, 2]);
  });

  it('turns a sample into a point of per-container rates', () => {
    expect(pointOf({ at: at(0), containers: [c('w1', 1, 2), c('w2', 0, 5)] })).toEqual({ at: at(0), containers: { 'id-w1': [1, 2], 'id-w2': [0, 5] } });
  });

  it('appends pushed points, capped, and ignores a repeated or older tick', () => {
    const buffer = [p(0), p(1)];
    expect(appendPoint(buffer, p(2)).map((x) => x.at)).toEqual([at(0), at(1), at(2)]);
    expect(appendPoint(buffer, p(1))).toBe(buffer);
    expect(appendPoint(buffer, p(0))).toBe(buffer);
    expect(appendPoint(buffer, p(2), 2).map((x) => x.at)).toEqual([at(1), at(2)]);
    expect(appendPoint([], p(0))).toEqual([p(0)]);
  });

  it("puts the engine's history in front of what the client gathered", () => {
    const history = [p(0), p(1), p(2, { a: [1, 1] }), p(3)];
    const mine = [p(2, { a: [9, 9] }), p(3), p(4)];
    const merged = mergeHistory(history, mine);
    expect(merged.map((x) => x.at)).toEqual([at(0), at(1), at(2), at(3), at(4)]);
    expect(merged[2]!.containers).toEqual({ a: [9, 9] });
    expect(mergeHistory(history, []).length).toBe(4);
    expect(mergeHistory(history, mine, 3).map((x) => x.at)).toEqual([at(2), at(3), at(4)]);
  });

  it('defaults to the container that moved the most over the buffer, else the top talker now', () => {
    const containers = [c('a'), c('w1', 0, 10), c('w2', 5, 0)];
    const buffer = [p(0, { 'id-w2': [100, 0], 'id-w1': [0, 10], gone: [1e9, 0] }), p(1, { 'id-w2': [100, 0], 'id-w1': [0, 10] })];
    expect(defaultContainer(containers, buffer)).toBe('id-w2');
    expect(defaultContainer(containers, [])).toBe('id-w1');
    expect(defaultContainer([c('b'), c('a')], [p(0, { 'id-a': [0, 0] })])).toBe('id-a');
    expect(defaultContainer([], buffer)).toBeNull();
  });

  it('keeps the picked container while it is there', () => {
    const containers = [c('a'), c('w1', 0, 10)];
    expect(selectedContainer('id-a', containers, [])).toBe('id-a');
    expect(selectedContainer('id-gone', containers, [])).toBe('id-w1');
    expect(selectedContainer(null, containers, [])).toBe('id-w1');
  });

  it('turns points into uPlot columns for one container (0 where it had none)', () => {
    const points: TrafficPoint[] = [
      { at: '2026-11-22T10:00:00.000Z', containers: { w1: [1, 2] } },
      { at: '2026-11-22T10:00:01.000Z', containers: {} },
    ];
    expect(chartColumns(points, 'w1')).toEqual([[1795341600, 1795341601], [1, 0], [2, 0]]);
    expect(chartColumns(points, null)).toEqual([[1795341600, 1795341601], [0, 0], [0, 0]]);
    expect(chartColumns([], 'w1')).toEqual([[], [], []]);
  });

  it('reads the latest plotted values', () => {
    expect(lastValues([[1, 2], [3, 4], [5, 6]])).toEqual({ points: 2, rx: 4, tx: 6 });
    expect(lastValues([[], [], []])).toEqual({ points: 0, rx: 0, tx: 0 });
  });
});

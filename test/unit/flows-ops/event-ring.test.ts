// The ring behind flows.events: cursors, the read limit, losses (gaps) and the bound.
import { describe, expect, it } from 'vitest';
import { EventRing } from '../../../src/main/netcore/conntrack/event-ring';

const filled = (capacity: number, count: number) => {
  const ring = new EventRing<number>(capacity);
  for (let i = 0; i < count; i++) ring.push(i);
  return ring;
};

describe('EventRing', () => {
  it('hands out what came after the cursor, and the next cursor', () => {
    const ring = filled(10, 3);
    expect(ring.read(0, 100)).toEqual({ items: [0, 1, 2], cursor: 3, lost: false, more: false });
    expect(ring.read(1, 100)).toEqual({ items: [1, 2], cursor: 3, lost: false, more: false });
    expect(ring.read(3, 100)).toEqual({ items: [], cursor: 3, lost: false, more: false });
    ring.push(3);
    expect(ring.read(3, 100)).toEqual({ items: [3], cursor: 4, lost: false, more: false });
  });

  it('stops at the limit and says more wait', () => {
    const ring = filled(10, 7);
    const first = ring.read(0, 5);
    expect(first).toEqual({ items: [0, 1, 2, 3, 4], cursor: 5, lost: false, more: true });
    expect(ring.read(first.cursor, 5)).toEqual({ items: [5, 6], cursor: 7, lost: false, more: false });
  });

  it('reports a cursor that fell out of the buffer as lost, from the oldest held on', () => {
    const ring = filled(4, 10); // holds 6..9
    expect(ring.oldestSequence).toBe(6);
    expect(ring.read(2, 100)).toEqual({ items: [6, 7, 8, 9], cursor: 10, lost: true, more: false });
    expect(ring.read(6, 100)).toEqual({ items: [6, 7, 8, 9], cursor: 10, lost: false, more: false });
  });

  it('reports a cursor ahead of the ring (another process) as lost', () => {
    const ring = filled(10, 2);
    expect(ring.read(50, 100)).toEqual({ items: [0, 1], cursor: 2, lost: true, more: false });
  });

  it('reports a gap once, to the read whose range holds it', () => {
    const ring = filled(10, 2);
    ring.markGap();
    ring.push(2);
    const read = ring.read(0, 100);
    expect(read).toEqual({ items: [0, 1, 2], cursor: 4, lost: true, more: false });
    expect(ring.read(read.cursor, 100).lost).toBe(false);
    // A reader that was past the gap already is not told.
    expect(ring.read(3, 100)).toEqual({ items: [2], cursor: 4, lost: false, more: false });
  });

  it('tells a caught-up reader of a loss at once, even before the next event', () => {
    const ring = filled(10, 2);
    expect(ring.read(2, 100).lost).toBe(false);
    ring.markGap();
    const read = ring.read(2, 100);
    expect(read).toEqual({ items: [], cursor: 3, lost: true, more: false });
    ring.push(2);
    expect(ring.read(read.cursor, 100)).toEqual({ items: [2], cursor: 4, lost: false, more: false });
  });

  it('does not hold back a gap behind the read limit from a reader that reached it', () => {
    const ring = filled(10, 2);
    ring.markGap();
    ring.push(2);
    expect(ring.read(0, 2)).toEqual({ items: [0, 1], cursor: 3, lost: true, more: true });
  });

  it('counts consecutive losses as one gap', () => {
    const ring = filled(10, 1);
    ring.markGap();
    ring.markGap();
    expect(ring.nextSequence).toBe(2);
  });

  it('a gap that fell out of the buffer still shows as lost to a reader from before it', () => {
    const ring = filled(3, 1);
    ring.markGap(); // sequence 1
    for (let i = 0; i < 3; i++) ring.push(10 + i); // 2..4; holds 2..4
    expect(ring.read(1, 100)).toEqual({ items: [10, 11, 12], cursor: 5, lost: true, more: false });
    expect(ring.read(2, 100).lost).toBe(false);
  });

  it('never holds more than its capacity', () => {
    const ring = filled(20_000, 50_000);
    const read = ring.read(0, 100_000);
    expect(read.items).toHaveLength(20_000);
    expect(read.items[0]).toBe(30_000);
    expect(read.lost).toBe(true);
  });

  it('refuses a capacity that is not a positive integer', () => {
    expect(() => new EventRing(0)).toThrow(RangeError);
  });
});

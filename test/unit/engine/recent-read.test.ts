import { describe, expect, it } from 'vitest';
import { RecentRead } from '../../../src/main/engine/watch/recent-read';

function counter() {
  let clock = 0;
  let reads = 0;
  let fail = false;
  const recent = new RecentRead(
    async () => {
      reads++;
      if (fail) throw new Error('iptables: permission denied');
      return reads;
    },
    900,
    () => clock,
  );
  return {
    recent,
    advance: (ms: number) => (clock += ms),
    reads: () => reads,
    failNext: (f: boolean) => (fail = f),
  };
}

describe('RecentRead', () => {
  it('joins a read in flight and reuses a fresh one, then reads again once it is old', async () => {
    const c = counter();
    const [a, b] = await Promise.all([c.recent.get(), c.recent.get()]);
    expect([a, b, c.reads()]).toEqual([1, 1, 1]);
    c.advance(500);
    expect(await c.recent.get()).toBe(1);
    c.advance(400);
    expect(await c.recent.get()).toBe(2);
    expect(c.reads()).toBe(2);
  });

  it('reads again at once after invalidate, and never keeps a failure', async () => {
    const c = counter();
    await c.recent.get();
    c.recent.invalidate();
    expect(await c.recent.get()).toBe(2);
    c.recent.invalidate();
    c.failNext(true);
    await expect(c.recent.get()).rejects.toThrow('permission denied');
    c.failNext(false);
    expect(await c.recent.get()).toBe(4);
  });
});

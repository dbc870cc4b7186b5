import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { Coalescer } from '../../../src/main/engine/watch/coalescer';

describe('Coalescer', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('turns a burst of signals into one run after the quiet time', async () => {
    const work = vi.fn(async () => undefined);
    const c = new Coalescer(work, 50);
    for (let i = 0; i < 10; i++) c.signal();
    await vi.advanceTimersByTimeAsync(49);
    expect(work).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(work).toHaveBeenCalledTimes(1);
  });

  it('a steady drizzle of signals postpones the run no longer than maxDelayMs', async () => {
    const work = vi.fn(async () => undefined);
    const c = new Coalescer(work, 50, 200);
    // Signals every 30 ms from t=0 to t=180: quiet time never passes, the bound (t=200) does.
    for (let t = 0; t < 180; t += 30) {
      c.signal();
      await vi.advanceTimersByTimeAsync(30);
    }
    c.signal();
    await vi.advanceTimersByTimeAsync(19);
    expect(work).toHaveBeenCalledTimes(0);
    await vi.advanceTimersByTimeAsync(1);
    expect(work).toHaveBeenCalledTimes(1);
    // Without a bound the same drizzle keeps it waiting.
    const unbounded = vi.fn(async () => undefined);
    const u = new Coalescer(unbounded, 50);
    for (let t = 0; t < 500; t += 30) {
      u.signal();
      await vi.advanceTimersByTimeAsync(30);
    }
    expect(unbounded).toHaveBeenCalledTimes(0);
  });

  it('runs once more when signalled during a run, never two at once', async () => {
    let release: () => void = () => undefined;
    let concurrent = 0;
    let maxConcurrent = 0;
    const work = vi.fn(async () => {
      concurrent++;
      maxConcurrent = Math.max(maxConcurrent, concurrent);
      await new Promise<void>((r) => (release = r));
      concurrent--;
    });
    const c = new Coalescer(work, 10);
    c.signal();
    await vi.advanceTimersByTimeAsync(10);
    c.signal();
    c.signal();
    release();
    await vi.advanceTimersByTimeAsync(10);
    expect(work).toHaveBeenCalledTimes(2);
    release();
    await vi.advanceTimersByTimeAsync(100);
    expect(work).toHaveBeenCalledTimes(2);
    expect(maxConcurrent).toBe(1);
  });

  it('does nothing after cancel', async () => {
    const work = vi.fn(async () => undefined);
    const c = new Coalescer(work, 10);
    c.signal();
    c.cancel();
    await vi.advanceTimersByTimeAsync(100);
    expect(work).not.toHaveBeenCalled();
  });
});

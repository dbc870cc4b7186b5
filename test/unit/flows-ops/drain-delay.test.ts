// How long the conntrack watcher waits between drains of its FIFO (pure).
import { describe, expect, it } from 'vitest';
import { nextDrainDelay } from '../../../src/main/privileged/ops/flows/conntrack-events';

describe('nextDrainDelay', () => {
  it('drains soon again while the FIFO was full, every 100 ms while lines come, and less often while quiet', () => {
    expect(nextDrainDelay(100, 'full')).toBe(5);
    expect(nextDrainDelay(5, 'some')).toBe(100);
    expect(nextDrainDelay(800, 'some')).toBe(100);
    const quiet: number[] = [];
    for (let delay = 100, i = 0; i < 6; i++) quiet.push((delay = nextDrainDelay(delay, 'none')));
    expect(quiet).toEqual([200, 400, 800, 1000, 1000, 1000]);
    // After a busy spell the back-off starts again from 100 ms.
    expect(nextDrainDelay(5, 'none')).toBe(200);
  });
});

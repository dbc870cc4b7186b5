// After lost events the tracker reads the whole table again; while losses keep coming it reads it
// less and less often (every 5 s, then 10, 20, 40, at most 60), and after a minute without a loss
// every 5 s again. A fake executor: every events read says events were lost, or none.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlowsTracker } from '../../../src/main/engine/flows/flows-tracker';
import type { PrivilegedExecutor } from '../../../src/main/privileged/contract/operations';
import type { Snapshot } from '../../../src/shared/model';

function tracker(losing: () => boolean) {
  const reads: number[] = [];
  let sequence = 0;
  const executor = {
    run: async (op: string) => {
      if (op === 'flows.list') {
        reads.push(Date.now());
        return { entries: [], unparsed: 0, accounting: false, count: 0 };
      }
      sequence += 1;
      return { events: [], unparsed: 0, cursor: sequence, lost: losing(), more: false, running: true, problem: null };
    },
    close: () => undefined,
  } as unknown as PrivilegedExecutor;
  const flows = new FlowsTracker({
    reads: async () => executor,
    snapshot: async () => ({ containers: [], links: [], networks: [], namespaces: [] }) as unknown as Snapshot,
    kernel: async () => ({ bridgeNetfilter: null }),
  });
  return { flows, reads };
}

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

describe('full table reads after lost events', () => {
  it('back off while events keep being lost, and come back to every 5 s after a quiet minute', async () => {
    let losing = true;
    const { flows, reads } = tracker(() => losing);
    const stop = flows.watch(() => undefined);
    await vi.advanceTimersByTimeAsync(100_000);
    const start = reads[0]!;
    // The first read when watching starts, then after losses at about 5, 15, 35 and 75 s.
    expect(reads.map((t) => Math.round((t - start) / 1000))).toEqual([0, 5, 15, 35, 75]);

    losing = false;
    await vi.advanceTimersByTimeAsync(61_000);
    const quiet = reads.length;
    losing = true;
    await vi.advanceTimersByTimeAsync(5_500);
    expect(reads.length).toBe(quiet + 1);
    stop();
  });

  it('never reads again while nothing is lost', async () => {
    const { flows, reads } = tracker(() => false);
    const stop = flows.watch(() => undefined);
    await vi.advanceTimersByTimeAsync(30_000);
    expect(reads).toHaveLength(1);
    stop();
  });
});

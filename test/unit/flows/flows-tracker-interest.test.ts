// The tracker asks the privileged side only about its containers' and namespaces' addresses, and
// reads the table again when a new address appears (a container started: its first connections may
// have come before the engine knew it). A fake executor records what it was asked; the snapshots
// are the docker28 seed scenario's, before and after a container is removed from it.
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { FlowsTracker } from '../../../src/main/engine/flows/flows-tracker';
import type { PrivilegedExecutor } from '../../../src/main/privileged/contract/operations';
import type { Snapshot } from '../../../src/shared/model';
import { docker28Snapshot } from './docker28-snapshot';

beforeEach(() => vi.useFakeTimers({ now: 1_000_000 }));
afterEach(() => vi.useRealTimers());

describe('addresses of interest', () => {
  it('go with every read, and a new container address brings one more table read', async () => {
    const full = docker28Snapshot();
    const w2 = full.containers.find((c) => c.name === 'w2')!;
    const withoutW2: Snapshot = { ...full, containers: full.containers.filter((c) => c !== w2) };
    let snapshot = withoutW2;
    const asked: Array<{ op: string; interest?: string[] }> = [];
    let sequence = 0;
    const executor = {
      run: async (op: string, args: { interest?: string[] }) => {
        asked.push({ op, interest: args.interest });
        if (op === 'flows.list') return { entries: [], unparsed: 0, uninteresting: 0, accounting: false, count: 0 };
        return { events: [], unparsed: 0, uninteresting: 0, cursor: ++sequence, lost: false, more: false, running: true, problem: null };
      },
      close: () => undefined,
    } as unknown as PrivilegedExecutor;
    const flows = new FlowsTracker({ reads: async () => executor, snapshot: async () => snapshot, kernel: async () => ({ bridgeNetfilter: null }) });
    const stop = flows.watch(() => undefined);
    await vi.advanceTimersByTimeAsync(3_000);

    expect(asked.filter((a) => a.op === 'flows.list')).toHaveLength(1);
    expect(asked.every((a) => Array.isArray(a.interest))).toBe(true);
    expect(asked[0]!.interest).toContain('172.17.0.2'); // w1
    expect(asked[0]!.interest).not.toContain('172.17.0.3'); // w2, not there yet

    snapshot = full;
    await vi.advanceTimersByTimeAsync(1_000);
    const lists = asked.filter((a) => a.op === 'flows.list');
    expect(lists).toHaveLength(2);
    expect(lists[1]!.interest).toContain('172.17.0.3');

    // Nothing new: no more table reads.
    await vi.advanceTimersByTimeAsync(5_000);
    expect(asked.filter((a) => a.op === 'flows.list')).toHaveLength(2);
    // An address gone is no reason to read the table.
    snapshot = withoutW2;
    await vi.advanceTimersByTimeAsync(5_000);
    expect(asked.filter((a) => a.op === 'flows.list')).toHaveLength(2);
    expect(asked.at(-1)!.interest).not.toContain('172.17.0.3');
    stop();
  });
});

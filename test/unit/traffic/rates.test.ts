// Counters to rates: the first reading, steady traffic, a 32-bit counter that wraps, an interface
// deleted and re-created (counters restart, or a new ifindex), never a negative or absurd rate.
import { describe, expect, it } from 'vitest';
import { counterDelta, RateTracker } from '../../../src/main/engine/traffic/rate-tracker';
import type { InterfaceCounters } from '../../../src/main/engine/traffic/parse-proc-net-dev';

const at = (name: string, rxBytes: number, txBytes: number, rxPackets = 0, txPackets = 0): InterfaceCounters => ({ name, rxBytes, txBytes, rxPackets, txPackets });

describe('counterDelta', () => {
  it('is the increase, unwraps a 32-bit counter, and says restart for anything else going down', () => {
    expect(counterDelta(100, 250)).toBe(150);
    expect(counterDelta(2 ** 32 - 100, 50)).toBe(150);
    expect(counterDelta(5_000_000, 1_000)).toBeNull();
    // A 64-bit counter far above 2^32 going down is a restart, not a wrap.
    expect(counterDelta(2 ** 40, 10)).toBeNull();
  });
});

describe('RateTracker', () => {
  it('gives 0 on the first reading, then bytes and packets per second', () => {
    const t = new RateTracker();
    expect(t.update(at('veth1', 1000, 2000), 7, 0)).toMatchObject({ rxRate: 0, txRate: 0, rxSinceStart: 0 });
    expect(t.update(at('veth1', 3000, 2500, 10, 4), 7, 2000)).toMatchObject({ rxRate: 1000, txRate: 250, rxPacketRate: 5, txPacketRate: 2, rxSinceStart: 2000, txSinceStart: 500 });
  });

  it('unwraps a 32-bit counter', () => {
    const t = new RateTracker();
    t.update(at('eth0', 2 ** 32 - 1000, 0), 2, 0);
    expect(t.update(at('eth0', 1000, 0), 2, 1000).rxRate).toBe(2000);
  });

  it('an interface re-created under the same name restarts at zero: no negative rate, totals kept', () => {
    const t = new RateTracker();
    t.update(at('veth9', 0, 0), 10, 0);
    t.update(at('veth9', 5_000_000, 5_000_000), 10, 1000);
    const after = t.update(at('veth9', 300, 200), 11, 2000);
    expect(after).toMatchObject({ rxRate: 0, txRate: 0, rxSinceStart: 5_000_000 });
    expect(t.update(at('veth9', 1300, 1200), 11, 3000)).toMatchObject({ rxRate: 1000, txRate: 1000, rxSinceStart: 5_001_000 });
  });

  it('a new ifindex is a re-creation even when the new counters happen to be higher', () => {
    const t = new RateTracker();
    t.update(at('veth9', 10, 10), 10, 0);
    expect(t.update(at('veth9', 900_000_000, 900_000_000), 11, 1000)).toMatchObject({ rxRate: 0, txRate: 0 });
  });

  it('forgets interfaces that are gone, so one of the same name later starts afresh', () => {
    const t = new RateTracker();
    t.update(at('veth3', 100, 100), null, 0);
    t.forgetAllBut(new Set());
    expect(t.update(at('veth3', 10_000_000, 0), null, 1000)).toMatchObject({ rxRate: 0, rxSinceStart: 0 });
  });
});

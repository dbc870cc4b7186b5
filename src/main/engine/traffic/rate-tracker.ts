// Turns successive counter readings into per-second rates. A counter that goes down is either a
// 32-bit counter that wrapped (a driver's, seen through a 64-bit field) or an interface deleted and
// re-created under the same name: the first is unwrapped, the second restarts from zero; an ifindex
// that changed is a re-creation too. Never a negative or absurd rate. Pure (time is passed in).
import type { InterfaceCounters } from './parse-proc-net-dev';

const WRAP_32 = 2 ** 32;

export interface Rates {
  rxRate: number;
  txRate: number;
  rxPacketRate: number;
  txPacketRate: number;
  /** Bytes counted since this tracker first saw the interface (across re-creations). */
  rxSinceStart: number;
  txSinceStart: number;
}

interface Seen {
  counters: InterfaceCounters;
  ifindex: number | null;
  atMs: number;
  rxSinceStart: number;
  txSinceStart: number;
}

/** The increase from `before` to `now`, or null when the counter restarted. */
export function counterDelta(before: number, now: number): number | null {
  if (now >= before) return now - before;
  // A 32-bit counter wraps from near 2^32 to near 0; anything else going down is a restart.
  if (before < WRAP_32 && before - now > WRAP_32 / 2) return now + WRAP_32 - before;
  return null;
}

export class RateTracker {
  private readonly seen = new Map<string, Seen>();

  /** Rates for one interface at time `atMs`; interfaces not updated in a round are dropped by `forgetAllBut`. */
  update(counters: InterfaceCounters, ifindex: number | null, atMs: number): Rates {
    const previous = this.seen.get(counters.name);
    const recreated = previous !== undefined && ifindex !== null && previous.ifindex !== null && previous.ifindex !== ifindex;
    const seconds = previous ? (atMs - previous.atMs) / 1000 : 0;
    let rates = { rxRate: 0, txRate: 0, rxPacketRate: 0, txPacketRate: 0 };
    let rxSinceStart = previous?.rxSinceStart ?? 0;
    let txSinceStart = previous?.txSinceStart ?? 0;
    if (previous && !recreated && seconds > 0) {
      const deltas = [
        counterDelta(previous.counters.rxBytes, counters.rxBytes),
        counterDelta(previous.counters.txBytes, counters.txBytes),
        counterDelta(previous.counters.rxPackets, counters.rxPackets),
        counterDelta(previous.counters.txPackets, counters.txPackets),
      ];
      // One restarted counter means the interface restarted: all start again from here.
      if (deltas.every((d) => d !== null)) {
        const [rx, tx, rxp, txp] = deltas as number[];
        rates = { rxRate: rx! / seconds, txRate: tx! / seconds, rxPacketRate: rxp! / seconds, txPacketRate: txp! / seconds };
        rxSinceStart += rx!;
        txSinceStart += tx!;
      }
    }
    this.seen.set(counters.name, { counters, ifindex, atMs, rxSinceStart, txSinceStart });
    return { ...rates, rxSinceStart, txSinceStart };
  }

  /** Interfaces that are gone are forgotten (a later one of the same name starts afresh). */
  forgetAllBut(names: ReadonlySet<string>): void {
    for (const name of this.seen.keys()) if (!names.has(name)) this.seen.delete(name);
  }
}

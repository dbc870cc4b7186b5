// A bounded buffer of conntrack events with monotonically increasing sequence numbers, read by
// cursor (the next sequence a reader has not seen). Pure: no I/O, no clock.
//
// A loss (ENOBUFS, or the watcher stopped and restarted) takes a sequence number of its own, a
// gap, so that "did this reader miss something" has one answer: a gap lies inside what it reads,
// or the reader's cursor fell out of the buffer. A cursor alone could not tell whether a loss that
// happened exactly at it was already reported.

export interface RingRead<T> {
  items: T[];
  /** The cursor for the next read. */
  cursor: number;
  /** A gap lay in the range read, or the cursor was older than the buffer (or not of this ring). */
  lost: boolean;
  /** More items wait after `cursor` (the read stopped at its limit). */
  more: boolean;
}

type Slot<T> = { item: T } | { gap: true };

export class EventRing<T> {
  private readonly slots: Array<Slot<T> | undefined>;
  /** Sequence of the next push. */
  private next = 0;

  constructor(readonly capacity: number) {
    if (!Number.isSafeInteger(capacity) || capacity < 1) throw new RangeError('capacity must be a positive integer');
    this.slots = new Array<Slot<T> | undefined>(capacity);
  }

  /** The sequence the next pushed item or gap will get. */
  get nextSequence(): number {
    return this.next;
  }

  /** The oldest sequence still held. */
  get oldestSequence(): number {
    return Math.max(0, this.next - this.capacity);
  }

  push(item: T): number {
    return this.put({ item });
  }

  /** Marks that events were lost here; consecutive gaps are one gap. */
  markGap(): void {
    if (this.next > 0 && this.lastIsGap()) return;
    this.put({ gap: true });
  }

  /** Up to `max` items from `cursor` on. */
  read(cursor: number, max: number): RingRead<T> {
    const oldest = this.oldestSequence;
    let lost = false;
    let from = cursor;
    // Older than the buffer, or ahead of it (a cursor from another ring, e.g. before a restart of
    // the process): start at the oldest held, and say something may be missing.
    if (cursor < oldest || cursor > this.next) {
      lost = true;
      from = oldest;
    }
    const items: T[] = [];
    let at = from;
    for (; at < this.next && items.length < max; at++) {
      const slot = this.slots[at % this.capacity];
      if (!slot) continue;
      if ('gap' in slot) lost = true;
      else items.push(slot.item);
    }
    // A gap right after the last item belongs to this read too (nothing to hand after it yet).
    for (; at < this.next; at++) {
      const slot = this.slots[at % this.capacity];
      if (!slot || !('gap' in slot)) break;
      lost = true;
    }
    return { items, cursor: at, lost, more: at < this.next };
  }

  private lastIsGap(): boolean {
    const slot = this.slots[(this.next - 1) % this.capacity];
    return slot !== undefined && 'gap' in slot;
  }

  private put(slot: Slot<T>): number {
    const sequence = this.next;
    this.slots[sequence % this.capacity] = slot;
    this.next++;
    return sequence;
  }
}

// The connections conntrack holds now, kept from one full listing and then from its events: each
// entry by conntrack's id (the same addresses and ports may come back as a later connection), at
// most `limit` of them. A table that overflows forgets its oldest entries and counts them, so a view
// can say how many it does not show. A TCP connection ends when it closes (TIME_WAIT, CLOSE), not
// two minutes later when conntrack forgets it. Pure: entries in, changes out.
import type { ConntrackEntry } from '../../netcore/conntrack/parse-conntrack';

export interface FlowChanges {
  started: ConntrackEntry[];
  /** Open connections whose state moved (a view shows ESTABLISHED, not the SYN_SENT it started with). */
  updated: ConntrackEntry[];
  ended: ConntrackEntry[];
}

/** The same connection across events without an id (older kernels): its original tuple. */
const keyOf = (e: ConntrackEntry): string =>
  e.id !== undefined ? `id:${e.id}` : `${e.protocol} ${e.original.src} ${e.original.sport ?? ''} ${e.original.dst} ${e.original.dport ?? ''} ${e.original.icmpId ?? ''}`;

/** TCP states after both sides closed: the connection is over, conntrack only remembers it. */
const CLOSED = new Set(['TIME_WAIT', 'CLOSE']);
const isClosed = (e: ConntrackEntry) => e.protocol === 'tcp' && CLOSED.has(e.state ?? '');

export class FlowTable {
  private readonly entries = new Map<string, ConntrackEntry>();
  /** Connections that ended on closing: their DESTROY, later, says nothing new. */
  private readonly closed = new Set<string>();
  private droppedCount = 0;

  constructor(private readonly limit = 20_000) {}

  /** How many connections were forgotten because the table was full. */
  get dropped(): number {
    return this.droppedCount;
  }

  get size(): number {
    return this.entries.size;
  }

  list(): ConntrackEntry[] {
    return [...this.entries.values()];
  }

  /** A full listing (at start, or after events were lost): what it no longer has ended, what is new started. */
  replace(listing: readonly ConntrackEntry[]): FlowChanges {
    const next = new Map(listing.map((e) => [keyOf(e), e] as const));
    const ended = [...this.entries].filter(([key]) => !next.has(key)).map(([, e]) => e);
    const started = [...next].filter(([key]) => !this.entries.has(key)).map(([, e]) => e);
    this.entries.clear();
    this.closed.clear();
    for (const [key, e] of next) {
      this.entries.set(key, e);
      // Already closed when listed: shown as it is (TIME_WAIT), never reported as ending later.
      if (isClosed(e)) this.closed.add(key);
    }
    this.trim();
    return { started, updated: [], ended };
  }

  /** conntrack's events in order; an update of a connection the table missed starts it. */
  apply(events: readonly ConntrackEntry[]): FlowChanges {
    const changes: FlowChanges = { started: [], updated: [], ended: [] };
    for (const event of events) {
      const key = keyOf(event);
      const known = this.entries.get(key);
      if (this.closed.has(key)) {
        // Ended when it closed; conntrack forgetting it (or a late update) says nothing new.
        if (event.event === 'destroy') {
          this.closed.delete(key);
          this.entries.delete(key);
        }
        continue;
      }
      if (event.event === 'update' && isClosed(event)) {
        const closed = known ? { ...known, ...event } : event;
        this.entries.set(key, closed);
        this.closed.add(key);
        changes.ended.push(closed);
        continue;
      }
      if (event.event === 'destroy') {
        this.entries.delete(key);
        // The destroy carries the final counters: the ended flow is the last word on it.
        changes.ended.push(known ? { ...known, ...event, original: { ...known.original, ...event.original }, reply: { ...known.reply, ...event.reply } } : event);
        continue;
      }
      const merged = known ? { ...known, ...event } : event;
      if (!known) changes.started.push(event);
      else if (known.state !== event.state || known.flags.join() !== event.flags.join()) changes.updated.push(merged);
      // Map order is insertion order: a refreshed entry moves to the young end.
      this.entries.delete(key);
      this.entries.set(key, merged);
    }
    this.trim();
    return changes;
  }

  private trim(): void {
    for (const key of this.entries.keys()) {
      if (this.entries.size <= this.limit) break;
      this.entries.delete(key);
      this.closed.delete(key);
      this.droppedCount += 1;
    }
  }
}

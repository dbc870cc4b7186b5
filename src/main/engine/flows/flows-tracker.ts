// Live flows: the host's conntrack table, read once and then followed through its events (the
// privileged side keeps one `conntrack -E` and buffers what it says; this polls that buffer by
// cursor), each connection attributed at both ends from the latest snapshot. Where events were
// lost (the kernel's ENOBUFS, or a cursor that fell out of the buffer) the table is read again
// in full. I/O composition; the table and the attribution are pure.
import type { FlowEvent, FlowsReport } from '../../../shared/flow-model';
import type { Snapshot } from '../../../shared/model';
import type { ConntrackEntry } from '../../netcore/conntrack/parse-conntrack';
import type { ReadAccess } from '../access/privileged-reads';
import { Ticker } from '../watch/ticker';
import { addressBookOf, type AddressBook } from './address-book';
import { attributeFlow, concernsContainers, isContainerFlow } from './attribute-flow';
import { interestOf } from './flow-interest';
import { FlowTable, type FlowChanges } from './flow-table';
import { CONNTRACK_UNREAD, flowLimitationMessages, limitationsOf } from './flow-limitations';
import type { OperationResults, PrivilegedExecutor } from '../../privileged/contract/operations';

/**
 * After lost events the table is read again in full, at most every FULL_READ_MS; while losses keep
 * coming (a loaded host's conntrack hitting ENOBUFS every second or so) that interval doubles after
 * each such read, up to FULL_READ_MAX_MS: one read of a 10,000-entry table costs Node some 100 ms,
 * more than a second of events. It is back at FULL_READ_MS once FULL_READ_MAX_MS passed without a loss.
 */
const FULL_READ_MS = 5_000;
const FULL_READ_MAX_MS = 60_000;

type FlowEventsBatch = OperationResults['flows.events'];

export interface FlowsTrackerDeps {
  reads: ReadAccess;
  snapshot: () => Promise<Snapshot>;
  /** What the kernel says about its own tracking (accounting, br_netfilter), for the limitations. */
  kernel: () => Promise<{ bridgeNetfilter: boolean | null }>;
  pollMs?: number;
  limit?: number;
}

export class FlowsTracker {
  private readonly table: FlowTable;
  private readonly ticker: Ticker;
  private readonly listeners = new Set<(events: FlowEvent[]) => void>();
  private cursor: number | null = null;
  private accounting = false;
  /** The address book of the latest snapshot (built once per snapshot, not per event). */
  private book: { snapshot: Snapshot; book: AddressBook } | null = null;
  /** When the table was last read in full: after lost events it is read again, at most every `fullReadEvery`. */
  private lastFullRead = 0;
  private missedEvents = false;
  private fullReadEvery = FULL_READ_MS;
  private lastLoss = 0;
  /**
   * The addresses the privileged side was last asked about (flow-interest.ts): it leaves out every
   * other connection unparsed. When a new one appears (a container started), the table is read
   * again: its first connections may have come before this engine knew the address.
   */
  private interest: Set<string> | null = null;

  constructor(private readonly deps: FlowsTrackerDeps) {
    this.table = new FlowTable(deps.limit);
    this.ticker = new Ticker(() => this.poll(), deps.pollMs ?? 500);
  }

  /** The flows conntrack holds now, read in full (no events needed: `flows --json`, a first look). */
  async report(): Promise<FlowsReport> {
    const executor = await this.deps.reads();
    if (!executor) return { flows: [], accounting: false, dropped: 0, ...limitationsOf([CONNTRACK_UNREAD]) };
    // Not followed yet (or the first poll has not read the table): read it now, so a view that
    // opens as watching starts gets the connections there are.
    if (!this.ticker.running || this.cursor === null) await this.readAll(executor, interestOf(await this.addressBook()));
    return this.currentReport();
  }

  /** Follows conntrack's events from now on; each started and ended flow goes to the listener. */
  watch(listener: (events: FlowEvent[]) => void): () => void {
    this.listeners.add(listener);
    this.ticker.start();
    return () => {
      this.listeners.delete(listener);
      if (this.listeners.size === 0) this.stop();
    };
  }

  stop(): void {
    this.ticker.stop();
    this.cursor = null;
  }

  private async currentReport(): Promise<FlowsReport> {
    const book = await this.addressBook();
    const flows = this.table.list().map((e) => attributeFlow(e, book)).filter(isContainerFlow);
    const notes = flowLimitationMessages({ accounting: this.accounting, ...(await this.deps.kernel()), dropped: this.table.dropped });
    return { flows, accounting: this.accounting, dropped: this.table.dropped, ...limitationsOf(notes) };
  }

  private async addressBook(): Promise<AddressBook> {
    const snapshot = await this.deps.snapshot();
    if (this.book?.snapshot !== snapshot) this.book = { snapshot, book: addressBookOf(snapshot) };
    return this.book.book;
  }

  /**
   * The interest for the privileged side now (undefined: every connection, for a host with more
   * addresses than a request carries), and whether it holds an address it did not before.
   */
  private async currentInterest(): Promise<{ interest: string[] | undefined; grew: boolean }> {
    const interest = interestOf(await this.addressBook());
    const before = this.interest;
    const grew = before !== null && interest !== undefined && interest.some((address) => !before.has(address));
    this.interest = new Set(interest);
    return { interest, grew };
  }

  private async readAll(executor: PrivilegedExecutor, interest: string[] | undefined): Promise<FlowChanges> {
    this.lastFullRead = Date.now();
    this.missedEvents = false;
    const listing = await executor.run('flows.list', { interest });
    this.accounting = listing.accounting;
    return this.table.replace(listing.entries);
  }

  private async poll(): Promise<void> {
    const executor = await this.deps.reads();
    if (!executor) return;
    let changes: FlowChanges = { started: [], updated: [], ended: [] };
    const fresh = this.cursor === null;
    const { interest, grew } = await this.currentInterest();
    // Events first (to the end of what the buffer holds): whatever happens while the table is read
    // is then in the buffer after this cursor.
    let cursor: number = this.cursor ?? (await this.endOfEvents(executor, interest));
    // What the table holds when watching starts was there before: not reported as starting.
    if (fresh) await this.readAll(executor, interest);
    for (let more = true; more; ) {
      const batch: FlowEventsBatch = await executor.run('flows.events', { cursor, interest });
      cursor = batch.cursor;
      more = batch.more;
      // Events were dropped (the kernel's ENOBUFS): what follows is still good; the table is read
      // again in full, but not more often than `fullReadEvery` (a 10,000-entry read costs more than the events).
      this.missedEvents ||= batch.lost;
      if (batch.lost) this.lastLoss = Date.now();
      changes = merge(changes, this.table.apply(batch.events));
    }
    this.cursor = cursor;
    const now = Date.now();
    if (now - this.lastLoss >= FULL_READ_MAX_MS) this.fullReadEvery = FULL_READ_MS;
    if (this.missedEvents && now - this.lastFullRead >= this.fullReadEvery) {
      changes = merge(changes, await this.readAll(executor, interest));
      this.fullReadEvery = Math.min(FULL_READ_MAX_MS, this.fullReadEvery * 2);
    } else if (grew && !fresh) {
      // A new container's connections from before its address was known: in the table, not in the events read.
      changes = merge(changes, await this.readAll(executor, interest));
    }
    if (changes.started.length + changes.updated.length + changes.ended.length > 0) await this.emit(changes);
  }

  /** The cursor after the last event the privileged side holds (starting its watcher if needed). */
  private async endOfEvents(executor: PrivilegedExecutor, interest: string[] | undefined): Promise<number> {
    let cursor = 0;
    for (let more = true; more; ) {
      const batch: FlowEventsBatch = await executor.run('flows.events', { cursor, interest });
      cursor = batch.cursor;
      more = batch.more;
    }
    return cursor;
  }

  private async emit(changes: FlowChanges): Promise<void> {
    const book = await this.addressBook();
    const attributed = (entries: ConntrackEntry[], kind: FlowEvent['kind']): FlowEvent[] =>
      entries.filter((e) => concernsContainers(e, book)).map((e) => ({ kind, flow: attributeFlow(e, book) }));
    const events = [...attributed(changes.started, 'start'), ...attributed(changes.updated, 'update'), ...attributed(changes.ended, 'end')];
    if (events.length > 0) for (const listener of this.listeners) listener(events);
  }
}

const merge = (a: FlowChanges, b: FlowChanges): FlowChanges => ({
  started: [...a.started, ...b.started],
  updated: [...a.updated, ...b.updated],
  ended: [...a.ended, ...b.ended],
});

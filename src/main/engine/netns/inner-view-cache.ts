// Remembers what was read inside each container namespace, so a refresh enters only the namespaces
// that changed. It is exact only while `ip monitor all-nsid` runs: every link or address event
// inside a namespace arrives tagged with its nsid and drops that namespace's entry. A read that an
// event overtook is not kept (the sequence check), so a change can never be hidden by a cache.
import type { ForeignNamespaceRead } from './parse-namespace-report';

interface Entry {
  read: ForeignNamespaceRead;
  nsid: number;
}

export class InnerViewCache {
  private readonly entries = new Map<number, Entry>();
  private readonly lastEventAt = new Map<number, number>();
  private sequence = 0;
  private clearedAt = 0;

  /** Marks the start of a read; pass the result to store(). */
  begin(): number {
    return ++this.sequence;
  }

  /** The cached view of a pid, if its namespace still has the nsid it had when read. */
  lookup(pid: number, currentNsid: number | null | undefined): ForeignNamespaceRead | undefined {
    const entry = this.entries.get(pid);
    if (!entry || currentNsid !== entry.nsid) return undefined;
    return entry.read;
  }

  has(pid: number): boolean {
    return this.entries.has(pid);
  }

  /** The pids with a remembered view (their namespaces' nsids can be asked before Docker says who runs). */
  knownPids(): number[] {
    return [...this.entries.keys()];
  }

  store(pid: number, read: ForeignNamespaceRead, startedAt: number): void {
    // Without an nsid no event can reach us for this namespace: never cache it.
    if (read.nsidFromHost === null) return;
    if (this.clearedAt >= startedAt || (this.lastEventAt.get(read.nsidFromHost) ?? 0) >= startedAt) return;
    this.entries.set(pid, { read, nsid: read.nsidFromHost });
  }

  /** A change inside the namespace with this nsid. */
  invalidateNsid(nsid: number): void {
    this.lastEventAt.set(nsid, ++this.sequence);
    for (const [pid, entry] of this.entries) if (entry.nsid === nsid) this.entries.delete(pid);
  }

  /** Forget everything (the monitor restarted: events may have been missed). */
  clear(): void {
    this.entries.clear();
    this.lastEventAt.clear();
    this.clearedAt = ++this.sequence;
  }

  /** Drops containers that are gone. */
  retain(pids: ReadonlySet<number>): void {
    for (const pid of this.entries.keys()) if (!pids.has(pid)) this.entries.delete(pid);
  }
}

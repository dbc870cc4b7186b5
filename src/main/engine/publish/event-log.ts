// What happened to Bridgeport's published ports, newest last: kept in memory for the UI and
// appended to events.jsonl next to the mappings. I/O only.
import type { PortEvent } from '../../../shared/publish-model';
import { withUserDir, type FileOwner } from '../../system/safe-user-files';

const KEPT = 500;

export class EventLog {
  private readonly events: PortEvent[] = [];
  private readonly listeners = new Set<(events: PortEvent[]) => void>();

  constructor(
    private readonly dir: string | null,
    private readonly owner: FileOwner = null,
  ) {}

  async add(kind: PortEvent['kind'], message: string, mappingId: string | null = null): Promise<PortEvent> {
    const event: PortEvent = { at: new Date().toISOString(), kind, message, mappingId };
    this.events.push(event);
    if (this.events.length > KEPT) this.events.splice(0, this.events.length - KEPT);
    if (this.dir) {
      await withUserDir(this.dir, this.owner, true, (dir) => dir.append('events.jsonl', `${JSON.stringify(event)}\n`, 0o600));
    }
    for (const listener of this.listeners) listener(this.list());
    return event;
  }

  list(): PortEvent[] {
    return [...this.events];
  }

  onChange(listener: (events: PortEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

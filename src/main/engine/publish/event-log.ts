// What happened to Bridgeport's published ports, newest last: kept in memory for the UI and
// appended to events.jsonl next to the mappings, in English and as a message (for the window's
// language). I/O only.
import { inEnglish } from '../../../shared/i18n/english';
import type { Message } from '../../../shared/message';
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

  async add(kind: PortEvent['kind'], said: Message, mappingId: string | null = null): Promise<PortEvent> {
    const event: PortEvent = { at: new Date().toISOString(), kind, message: inEnglish(said), messageMessage: said, mappingId };
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

// The DNS timeline: every sync with its before and after, appended to dns-events.jsonl so the app
// also shows what `bridgeport daemon` did (and the other way round). I/O only.
import { join } from 'node:path';
import { dnsEventSchema, type DnsEvent } from '../../../shared/dns-model';
import { withUserDir, type FileOwner } from '../../system/safe-user-files';

const FILE = 'dns-events.jsonl';

const SHOWN = 300;

export class DnsTimeline {
  private readonly listeners = new Set<(events: DnsEvent[]) => void>();
  readonly path: string;

  constructor(
    private readonly dir: string,
    private readonly owner: FileOwner = null,
  ) {
    this.path = join(dir, FILE);
  }

  async add(events: readonly Omit<DnsEvent, 'at'>[]): Promise<DnsEvent[]> {
    if (events.length === 0) return [];
    const at = new Date().toISOString();
    const stamped = events.map((e) => ({ at, ...e }));
    await withUserDir(this.dir, this.owner, true, (dir) => dir.append(FILE, stamped.map((e) => `${JSON.stringify(e)}\n`).join(''), 0o600));
    if (this.listeners.size > 0) {
      const all = await this.list();
      for (const listener of this.listeners) listener(all);
    }
    return stamped;
  }

  /** The newest entries, oldest first; a damaged line (a crash mid-write) is skipped, not fatal. */
  async list(): Promise<DnsEvent[]> {
    const text = await withUserDir(this.dir, this.owner, false, (dir) => dir.read(FILE));
    if (text === null) return [];
    const events: DnsEvent[] = [];
    for (const line of text.split('\n').slice(-SHOWN - 1)) {
      if (!line.trim()) continue;
      try {
        const parsed = dnsEventSchema.safeParse(JSON.parse(line));
        if (parsed.success) events.push(parsed.data);
      } catch {
        // half-written line
      }
    }
    return events.slice(-SHOWN);
  }

  onChange(listener: (events: DnsEvent[]) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

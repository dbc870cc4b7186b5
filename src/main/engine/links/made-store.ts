// made.json: what Bridgeport made, next to the mappings file. Written atomically (temp file, fsync,
// rename) under a lock shared by every Bridgeport process, as the mappings file is. I/O only.
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { ensureDir, type FileOwner } from '../publish/mapping-store';
import { recordedThingSchema, type RecordedThing } from './made-record';

const fileSchema = z.object({ version: z.literal(1), things: z.array(recordedThingSchema) });

export class MadeStore {
  readonly path: string;

  constructor(
    readonly dir: string,
    private readonly owner: FileOwner = null,
  ) {
    this.path = join(dir, 'made.json');
  }

  /** Runs `work` holding the lock: read, change and record never interleave with another process's. */
  async withLock<T>(work: () => Promise<T>): Promise<T> {
    await ensureDir(this.dir, this.owner);
    const release = await lockfile.lock(this.path, { realpath: false, stale: 30_000, retries: { retries: 200, minTimeout: 20, maxTimeout: 250 } });
    try {
      return await work();
    } finally {
      await release().catch(() => undefined);
    }
  }

  async load(): Promise<RecordedThing[]> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return [];
      throw error;
    }
    // A damaged file is never silently replaced: it is what keeps others' links safe from deletion.
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${this.path} is not valid JSON; fix or remove it (nothing was changed)`);
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${this.path} is not a Bridgeport record of made links: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
    return parsed.data.things;
  }

  async save(things: readonly RecordedThing[]): Promise<void> {
    await ensureDir(this.dir, this.owner);
    await writeFileAtomic(this.path, `${JSON.stringify({ version: 1, things }, null, 2)}\n`, { mode: 0o600, fsync: true, ...(this.owner ? { chown: this.owner } : {}) });
  }
}

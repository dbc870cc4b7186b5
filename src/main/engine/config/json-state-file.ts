// One JSON file in Bridgeport's config dir that the user's configuration lives in (mappings.json,
// made.json): read against a schema, written atomically (temp file, fsync, rename) and changed under
// a lock shared by every Bridgeport process. A damaged file is never silently replaced. Every file
// and the lock are reached through safe-user-files (no links followed under sudo). I/O only.
import { join } from 'node:path';
import type { z } from 'zod';
import { withUserDir, type FileOwner } from '../../system/safe-user-files';

export type { FileOwner } from '../../system/safe-user-files';

export class JsonStateFile<S extends z.ZodType> {
  readonly path: string;

  constructor(
    readonly dir: string,
    private readonly fileName: string,
    private readonly schema: S,
    /** What the file holds, for the error that names a file of the wrong shape. */
    private readonly what: string,
    private readonly owner: FileOwner = null,
  ) {
    this.path = join(dir, fileName);
  }

  /** Runs `work` holding the lock: read, apply and record never interleave with another process's. */
  async withLock<T>(work: () => Promise<T>): Promise<T> {
    // The folder stays open while the lock is held: the lock lives in this very directory.
    const result = await withUserDir(this.dir, this.owner, true, async (dir) => {
      const release = await dir.lock(this.fileName, { stale: 30_000, retries: { retries: 200, minTimeout: 20, maxTimeout: 250 } });
      try {
        return { value: await work() };
      } finally {
        await release().catch(() => undefined);
      }
    });
    return (result as { value: T }).value;
  }

  /** The file's content, or `empty` when there is no file yet. */
  async read(empty: z.infer<S>): Promise<z.infer<S>> {
    const text = await withUserDir(this.dir, this.owner, false, (dir) => dir.read(this.fileName));
    if (text === null) return empty;
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${this.path} is not valid JSON; fix or remove it (nothing was changed)`);
    }
    const parsed = this.schema.safeParse(json);
    if (!parsed.success) throw new Error(`${this.path} is not ${this.what}: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
    return parsed.data;
  }

  async write(value: z.infer<S>): Promise<void> {
    await withUserDir(this.dir, this.owner, true, (dir) => dir.replace(this.fileName, `${JSON.stringify(value, null, 2)}\n`, 0o600));
  }
}

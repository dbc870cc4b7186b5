// One JSON file in Bridgeport's config dir that the user's configuration lives in (mappings.json,
// made.json): read against a schema, written atomically (temp file, fsync, rename) and changed under
// a lock shared by every Bridgeport process. A damaged file is never silently replaced. I/O only.
import { chown, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import type { z } from 'zod';

export type FileOwner = { uid: number; gid: number } | null;

/** Creates the config dir (0700), owned by `owner` when root writes on a sudo user's behalf. */
export async function ensureDir(dir: string, owner: FileOwner): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (owner) await chown(dir, owner.uid, owner.gid);
}

export class JsonStateFile<S extends z.ZodType> {
  readonly path: string;

  constructor(
    readonly dir: string,
    fileName: string,
    private readonly schema: S,
    /** What the file holds, for the error that names a file of the wrong shape. */
    private readonly what: string,
    private readonly owner: FileOwner = null,
  ) {
    this.path = join(dir, fileName);
  }

  /** Runs `work` holding the lock: read, apply and record never interleave with another process's. */
  async withLock<T>(work: () => Promise<T>): Promise<T> {
    await ensureDir(this.dir, this.owner);
    const release = await lockfile.lock(this.path, { realpath: false, stale: 30_000, retries: { retries: 200, minTimeout: 20, maxTimeout: 250 } });
    try {
      return await work();
    } finally {
      await release().catch(() => undefined);
    }
  }

  /** The file's content, or `empty` when there is no file yet. */
  async read(empty: z.infer<S>): Promise<z.infer<S>> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return empty;
      throw error;
    }
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
    await ensureDir(this.dir, this.owner);
    await writeFileAtomic(this.path, `${JSON.stringify(value, null, 2)}\n`, { mode: 0o600, fsync: true, ...(this.owner ? { chown: this.owner } : {}) });
  }
}

// The mappings file: the source of truth for Bridgeport-published ports. Written atomically (temp
// file, fsync, rename), so a crash leaves the old or the new file, never half of one. I/O only.
import { chown, mkdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import lockfile from 'proper-lockfile';
import writeFileAtomic from 'write-file-atomic';
import { z } from 'zod';
import { mappingSchema, type Mapping } from '../../../shared/publish-model';

const fileSchema = z.object({
  version: z.literal(1),
  mappings: z.array(mappingSchema),
  /** Bridges whose route_localnet Bridgeport switched on: switched off again when no longer needed. */
  routeLocalnet: z.array(z.string()).default([]),
});
export type StoredState = z.infer<typeof fileSchema>;

export type FileOwner = { uid: number; gid: number } | null;

/** Creates the config dir (0700), owned by `owner` when root writes on a sudo user's behalf. */
export async function ensureDir(dir: string, owner: FileOwner): Promise<void> {
  await mkdir(dir, { recursive: true, mode: 0o700 });
  if (owner) await chown(dir, owner.uid, owner.gid);
}

export class MappingStore {
  readonly path: string;

  constructor(
    readonly dir: string,
    private readonly owner: FileOwner = null,
  ) {
    this.path = join(dir, 'mappings.json');
  }

  /**
   * Runs `work` holding a lock shared by every Bridgeport process on this file (the app, the
   * daemon, a CLI call): read, apply and verify never interleave with another's.
   */
  async withLock<T>(work: () => Promise<T>): Promise<T> {
    await ensureDir(this.dir, this.owner);
    const release = await lockfile.lock(this.path, { realpath: false, stale: 30_000, retries: { retries: 200, minTimeout: 20, maxTimeout: 250 } });
    try {
      return await work();
    } finally {
      await release().catch(() => undefined);
    }
  }

  async load(): Promise<StoredState> {
    let text: string;
    try {
      text = await readFile(this.path, 'utf8');
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === 'ENOENT') return { version: 1, mappings: [], routeLocalnet: [] };
      throw error;
    }
    // A damaged file is never silently replaced by an empty one: that would drop the user's mappings.
    let json: unknown;
    try {
      json = JSON.parse(text);
    } catch {
      throw new Error(`${this.path} is not valid JSON; fix or remove it (nothing was changed)`);
    }
    const parsed = fileSchema.safeParse(json);
    if (!parsed.success) throw new Error(`${this.path} is not a Bridgeport mappings file: ${parsed.error.issues[0]?.message ?? 'bad shape'}`);
    return parsed.data;
  }

  async save(state: StoredState): Promise<void> {
    await ensureDir(this.dir, this.owner);
    await writeFileAtomic(this.path, `${JSON.stringify(state, null, 2)}\n`, { mode: 0o600, fsync: true, ...(this.owner ? { chown: this.owner } : {}) });
  }

  async mappings(): Promise<Mapping[]> {
    return (await this.load()).mappings;
  }
}

// made.json: what Bridgeport made, next to the mappings file, locked and written like it. A damaged
// file is never silently replaced: it is what keeps others' links safe from deletion. I/O only.
import { z } from 'zod';
import { JsonStateFile, type FileOwner } from '../config/json-state-file';
import { recordedThingSchema, type RecordedThing } from './made-record';

const fileSchema = z.object({ version: z.literal(1), things: z.array(recordedThingSchema) });

export class MadeStore {
  private readonly file: JsonStateFile<typeof fileSchema>;

  constructor(dir: string, owner: FileOwner = null) {
    this.file = new JsonStateFile(dir, 'made.json', fileSchema, 'a Bridgeport record of made links', owner);
  }

  get path(): string {
    return this.file.path;
  }

  /** Runs `work` holding the lock: read, change and record never interleave with another process's. */
  withLock<T>(work: () => Promise<T>): Promise<T> {
    return this.file.withLock(work);
  }

  async load(): Promise<RecordedThing[]> {
    return (await this.file.read({ version: 1, things: [] })).things;
  }

  save(things: readonly RecordedThing[]): Promise<void> {
    return this.file.write({ version: 1, things: [...things] });
  }
}

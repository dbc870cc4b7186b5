// The mappings file: the source of truth for Bridgeport-published ports. A damaged file is never
// silently replaced by an empty one: that would drop the user's mappings. I/O only.
import { z } from 'zod';
import { mappingSchema, type Mapping } from '../../../shared/publish-model';
import { JsonStateFile, type FileOwner } from '../config/json-state-file';

const fileSchema = z.object({
  version: z.literal(1),
  mappings: z.array(mappingSchema),
  /** Bridges whose route_localnet Bridgeport switched on: switched off again when no longer needed. */
  routeLocalnet: z.array(z.string()).default([]),
});
export type StoredState = z.infer<typeof fileSchema>;

export class MappingStore {
  private readonly file: JsonStateFile<typeof fileSchema>;

  constructor(dir: string, owner: FileOwner = null) {
    this.file = new JsonStateFile(dir, 'mappings.json', fileSchema, 'a Bridgeport mappings file', owner);
  }

  get path(): string {
    return this.file.path;
  }

  /**
   * Runs `work` holding a lock shared by every Bridgeport process on this file (the app, the
   * daemon, a CLI call): read, apply and verify never interleave with another's.
   */
  withLock<T>(work: () => Promise<T>): Promise<T> {
    return this.file.withLock(work);
  }

  load(): Promise<StoredState> {
    return this.file.read({ version: 1, mappings: [], routeLocalnet: [] });
  }

  save(state: StoredState): Promise<void> {
    return this.file.write(state);
  }

  async mappings(): Promise<Mapping[]> {
    return (await this.load()).mappings;
  }
}

// dns.json: the DNS sync's switches, the host DNS states seen (so a container's upstreams can be
// matched to the lease it started under) and the hash of each file Bridgeport wrote (so its own
// writes are not mistaken for a user's edit). Locked and written like mappings.json. I/O only.
import { z } from 'zod';
import { dnsSettingsSchema, resolvSettingsSchema, type DnsSettings } from '../../../shared/dns-model';
import { JsonStateFile, type FileOwner } from '../config/json-state-file';

const hostStateSchema = z.object({ since: z.string(), settings: resolvSettingsSchema, text: z.string() });
export type RecordedHostState = z.infer<typeof hostStateSchema>;

const fileSchema = z.object({
  version: z.literal(1),
  settings: dnsSettingsSchema,
  history: z.array(hostStateSchema),
  written: z.record(z.string(), z.string()),
  /** `pid@starttime` of each aardvark-dns Bridgeport told to re-read the host's DNS → that host state's text. */
  aardvarkRead: z.record(z.string(), z.string()).default({}),
});
export type DnsState = z.infer<typeof fileSchema>;

/** Enough to cover every lease a running container can have started under on a roaming laptop. */
const HISTORY_KEPT = 50;

export const DEFAULT_DNS_SETTINGS: DnsSettings = { enabled: true, disabledContainers: [] };

export class DnsStore {
  private readonly file: JsonStateFile<typeof fileSchema>;

  constructor(dir: string, owner: FileOwner = null) {
    this.file = new JsonStateFile(dir, 'dns.json', fileSchema, "Bridgeport's DNS sync state", owner);
  }

  get path(): string {
    return this.file.path;
  }

  load(): Promise<DnsState> {
    return this.file.read({ version: 1, settings: DEFAULT_DNS_SETTINGS, history: [], written: {}, aardvarkRead: {} });
  }

  /** Read, change and write under the lock shared by every Bridgeport process. */
  update<T>(change: (state: DnsState) => T): Promise<T> {
    return this.file.withLock(async () => {
      const state = await this.load();
      const result = change(state);
      state.history = state.history.slice(-HISTORY_KEPT);
      await this.file.write(state);
      return result;
    });
  }
}

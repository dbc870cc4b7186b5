// settings.json in Bridgeport's config folder: the window's language, colour scheme and grouping
// threshold. A change is applied under the folder's lock and pushed to every open window.
import { settingsSchema, type Settings, type SettingsReport } from '../../../shared/settings-model';
import { JsonStateFile, type FileOwner } from '../config/json-state-file';

/** What each file of the config folder holds (the Settings panel names them). */
const FILES: SettingsReport['files']['entries'] = [
  { name: 'settings.json', holds: 'language, colour scheme, grouping threshold' },
  { name: 'mappings.json', holds: 'ports published by Bridgeport (kept across restarts)' },
  { name: 'events.jsonl', holds: 'the history of published and removed ports' },
  { name: 'made.json', holds: 'bridges, veth pairs and namespaces made in Bridgeport' },
  { name: 'dns.json', holds: 'the DNS sync switches and what it last applied' },
  { name: 'dns-events.jsonl', holds: 'the DNS timeline' },
  { name: 'dns-sync.pid', holds: 'which process runs the DNS sync now' },
];

export class SettingsStore {
  private readonly file: JsonStateFile<typeof settingsSchema>;
  private readonly listeners = new Set<(settings: Settings) => void>();

  constructor(
    private readonly dir: string,
    owner: FileOwner,
  ) {
    this.file = new JsonStateFile(dir, 'settings.json', settingsSchema, 'a Bridgeport settings file', owner);
  }

  async report(): Promise<SettingsReport> {
    return { settings: await this.read(), files: { configDir: this.dir, entries: FILES } };
  }

  read(): Promise<Settings> {
    return this.file.read(settingsSchema.parse({}));
  }

  async change(change: Partial<Settings>): Promise<Settings> {
    const next = await this.file.withLock(async () => {
      const merged = settingsSchema.parse({ ...(await this.read()), ...change });
      await this.file.write(merged);
      return merged;
    });
    this.listeners.forEach((l) => l(next));
    return next;
  }

  onChange(listener: (settings: Settings) => void): () => void {
    this.listeners.add(listener);
    return () => this.listeners.delete(listener);
  }
}

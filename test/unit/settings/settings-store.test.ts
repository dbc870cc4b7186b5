import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { SettingsStore } from '../../../src/main/engine/settings/settings-store';
import { settingsChangeSchema } from '../../../src/shared/settings-model';

const dirs: string[] = [];
const store = () => {
  const dir = mkdtempSync(join(tmpdir(), 'bp-settings-'));
  dirs.push(dir);
  return { dir, store: new SettingsStore(dir, null) };
};
afterEach(() => dirs.splice(0).forEach((d) => rmSync(d, { recursive: true, force: true })));

describe('SettingsStore', () => {
  it('starts from the defaults and remembers each change without touching the others', async () => {
    const { dir, store: s } = store();
    expect(await s.read()).toEqual({ language: 'auto', colorScheme: 'auto', groupThreshold: 30 });
    await s.change(settingsChangeSchema.parse({ language: 'ko' }));
    await s.change(settingsChangeSchema.parse({ colorScheme: 'dark' }));
    expect(JSON.parse(readFileSync(join(dir, 'settings.json'), 'utf8'))).toEqual({ language: 'ko', colorScheme: 'dark', groupThreshold: 30 });
    expect((await s.report()).files.configDir).toBe(dir);
  });

  it('tells every listener, and refuses a value out of range', async () => {
    const { store: s } = store();
    const seen: unknown[] = [];
    s.onChange((x) => seen.push(x));
    await s.change({ groupThreshold: 5 });
    expect(seen).toEqual([{ language: 'auto', colorScheme: 'auto', groupThreshold: 5 }]);
    expect(settingsChangeSchema.safeParse({ groupThreshold: 1 }).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ language: 'de' }).success).toBe(false);
    expect(settingsChangeSchema.safeParse({ theme: 'x' }).success).toBe(false);
  });

  it('never replaces a damaged file silently', async () => {
    const { dir, store: s } = store();
    writeFileSync(join(dir, 'settings.json'), '{ not json');
    await expect(s.read()).rejects.toThrow(/settings.json is not valid JSON/);
  });
});

// Which catalogue a window speaks: the setting, else the first of the system's languages that
// Bridgeport has (Electron's locale and the browser's both reach navigator.languages), else English.
// `pseudo` (tests only, from ?lang=pseudo) marks every translated string. Pure.
import { LANGUAGES, type Language, type Settings } from '../../../shared/settings-model';

export type UiLanguage = Language | 'pseudo';

export function resolveLanguage(setting: Settings['language'], system: readonly string[], override: string | null = null): UiLanguage {
  if (override === 'pseudo') return 'pseudo';
  if (override && (LANGUAGES as readonly string[]).includes(override)) return override as Language;
  if (setting !== 'auto') return setting;
  for (const tag of system) {
    const base = tag.toLowerCase().split(/[-_]/)[0];
    if ((LANGUAGES as readonly string[]).includes(base ?? '')) return base as Language;
  }
  return 'en';
}

/// <reference types="vite/client" />
// The window's languages: i18next with one catalogue per view and language (locales/<lang>/<view>.json,
// bundled), English as the fallback, plural rules and number, byte and date formats per locale.
import i18next from 'i18next';
import { initReactI18next } from 'react-i18next';
import { formatBytes } from '../../../shared/units';
import { pseudoCatalogue, type Catalogue } from './pseudo';
import { resolveLanguage, type UiLanguage } from './resolve-language';

// The window's own catalogues, and the engine's (shared with the main process, which renders its
// English from them).
const modules = {
  ...import.meta.glob<{ default: Catalogue }>('./locales/*/*.json', { eager: true }),
  ...import.meta.glob<{ default: Catalogue }>('../../../shared/i18n/locales/*/*.json', { eager: true }),
};

/** ?lang=ko|en|pseudo wins over the setting (tests, and a quick look at the other language). */
export const languageOverride = new URLSearchParams(window.location.search).get('lang');

function catalogues(): Record<string, Record<string, Catalogue>> {
  const resources: Record<string, Record<string, Catalogue>> = {};
  for (const [path, module] of Object.entries(modules)) {
    const [, lang, ns] = /\/locales\/([^/]+)\/([^/]+)\.json$/.exec(path) ?? [];
    if (!lang || !ns) continue;
    (resources[lang] ??= {})[ns] = module.default;
  }
  // The pseudo-locale (tests only, reached through ?lang=pseudo alone) is built only when asked for.
  if (languageOverride === 'pseudo') resources.pseudo = Object.fromEntries(Object.entries(resources.en ?? {}).map(([ns, c]) => [ns, pseudoCatalogue(c)]));
  return resources;
}

const resources = catalogues();

void i18next.use(initReactI18next).init({
  resources,
  lng: resolveLanguage('auto', navigator.languages, languageOverride),
  fallbackLng: 'en',
  supportedLngs: ['en', 'ko', 'pseudo'],
  ns: Object.keys(resources.en ?? {}),
  defaultNS: 'common',
  interpolation: { escapeValue: false },
});

// Numbers and dates follow the window's language; 'pseudo' formats as English.
const locale = (lng: string | undefined) => (lng === 'ko' ? 'ko-KR' : 'en-US');
i18next.services.formatter?.add('bytes', (value: number) => formatBytes(value));
i18next.services.formatter?.add('count', (value: number, lng) => new Intl.NumberFormat(locale(lng)).format(value));

export function applyLanguage(language: UiLanguage): void {
  if (i18next.language !== language) void i18next.changeLanguage(language);
  document.documentElement.lang = language === 'pseudo' ? 'en' : language;
}

/** The locale for Intl formatting outside translations. */
export const currentLocale = () => locale(i18next.language);

export { i18next };

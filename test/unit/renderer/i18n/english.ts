/// <reference types="vite/client" />
// The window's English catalogues for unit tests of pure view helpers that take a `t`: the same
// i18next, resources and `count` format as the window, without a browser.
import i18next, { type TFunction } from 'i18next';
import type { Say } from '../../../../src/renderer/src/i18n/say';

const modules = {
  ...import.meta.glob<{ default: object }>('../../../../src/renderer/src/i18n/locales/en/*.json', { eager: true }),
  ...import.meta.glob<{ default: object }>('../../../../src/shared/i18n/locales/en/*.json', { eager: true }),
};
const resources = Object.fromEntries(Object.entries(modules).map(([path, m]) => [/([^/]+)\.json$/.exec(path)![1]!, m.default]));

const instance = i18next.createInstance();
void instance.init({ lng: 'en', resources: { en: resources }, defaultNS: 'common', initAsync: false, interpolation: { escapeValue: false } });
instance.services.formatter?.add('count', (value: number) => new Intl.NumberFormat('en-US').format(value));

/** `t` in English, as the window says it under en-US. */
export const englishT: TFunction<string> = instance.t as TFunction<string>;

/** A Say (i18n/say) over one namespace of the English catalogues. */
export const englishSay =
  (ns: string): Say =>
  (key, params) =>
    englishT(key, { ...params, ns });

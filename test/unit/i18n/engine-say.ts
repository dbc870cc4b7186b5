// The engine's messages said in either language from the shared engine catalogues, for unit tests:
// a key missing from the language's catalogue fails the test instead of printing the key.
import i18next from 'i18next';
import { renderMessage } from '../../../src/shared/i18n/render-message';
import type { Message } from '../../../src/shared/message';

const modules = import.meta.glob<{ default: object }>('../../../src/shared/i18n/locales/*/*.json', { eager: true });
const resources: Record<string, Record<string, object>> = {};
for (const [path, m] of Object.entries(modules)) {
  const [, lang, ns] = /locales\/([^/]+)\/([^/]+)\.json$/.exec(path)!;
  (resources[lang!] ??= {})[ns!] = m.default;
}

const instances = new Map<string, ReturnType<typeof i18next.createInstance>>();
function instance(lang: 'en' | 'ko') {
  let i = instances.get(lang);
  if (!i) {
    i = i18next.createInstance();
    void i.init({ lng: lang, fallbackLng: false, resources, ns: Object.keys(resources.en ?? {}), initAsync: false, interpolation: { escapeValue: false } });
    instances.set(lang, i);
  }
  return i;
}

/** The message as the window says it in `lang`; throws on a key that language lacks. */
export function sayIn(lang: 'en' | 'ko', m: Message): string {
  const i = instance(lang);
  return renderMessage((key, params) => {
    if (!i.exists(key, { ...params, lng: lang })) throw new Error(`${key} is missing from the ${lang} engine catalogue`);
    return i.t(key, params);
  }, m);
}

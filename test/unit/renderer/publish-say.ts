// The publish helpers' words in English, from the real catalogue (what the window shows in en).
import i18next from 'i18next';
import publish from '../../../src/renderer/src/i18n/locales/en/publish.json';
import type { Say } from '../../../src/renderer/src/views/publish/say';

const english = i18next.createInstance();
void english.init({ lng: 'en', resources: { en: { publish } }, defaultNS: 'publish', initAsync: false, interpolation: { escapeValue: false } });

export const sayEnglish: Say = (key, params) => english.t(key, params ?? {});

// The engine's English, rendered from the English engine catalogues: the CLI, --json and the logs
// say exactly what the window says in English, from one wording. Each engine-<area> catalogue is
// listed here (a unit test checks the list against the folder).
import i18next from 'i18next';
import common from './locales/en/engine-common.json';
import doctor from './locales/en/engine-doctor.json';
import dns from './locales/en/engine-dns.json';
import errors from './locales/en/engine-errors.json';
import flows from './locales/en/engine-flows.json';
import nat from './locales/en/engine-nat.json';
import path from './locales/en/engine-path.json';
import ports from './locales/en/engine-ports.json';
import topology from './locales/en/engine-topology.json';
import trace from './locales/en/engine-trace.json';
import type { Message } from '../message';
import { renderMessage } from './render-message';

export const ENGLISH_ENGINE_CATALOGUES = {
  'engine-common': common,
  'engine-doctor': doctor,
  'engine-dns': dns,
  'engine-errors': errors,
  'engine-flows': flows,
  'engine-nat': nat,
  'engine-path': path,
  'engine-ports': ports,
  'engine-topology': topology,
  'engine-trace': trace,
};

const english = i18next.createInstance();
void english.init({
  lng: 'en',
  resources: { en: ENGLISH_ENGINE_CATALOGUES },
  ns: Object.keys(ENGLISH_ENGINE_CATALOGUES),
  interpolation: { escapeValue: false },
  initAsync: false,
  // A key the catalogue lacks is a bug here: say it loudly rather than print the key as a sentence.
  saveMissing: false,
  returnNull: false,
});

const t = (key: string, params: Record<string, string | number>): string => {
  // With the params: a plural key (`_one`/`_other`) exists only for a given count.
  if (!english.exists(key, params)) throw new Error(`engine message ${key} is missing from the English catalogue`);
  return english.t(key, params);
};

/** The message in English. */
export const inEnglish = (m: Message): string => renderMessage(t, m);

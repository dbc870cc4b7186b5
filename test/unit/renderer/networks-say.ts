// The Networks and Namespaces helpers' words in English, from the real catalogues (what the window shows in en).
import type { Say } from '../../../src/renderer/src/views/networks/say';
import { englishT } from './i18n/english';

const inNamespace =
  (ns: string): Say =>
  (key, params) =>
    englishT(key, { ...params, ns });

export const networksEnglish = inNamespace('networks');
export const namespacesEnglish = inNamespace('namespaces');

// The Networks and Namespaces helpers' words in English, from the real catalogues (what the window shows in en).
import { englishSay } from './i18n/english';

export const networksEnglish = englishSay('networks');
export const namespacesEnglish = englishSay('namespaces');

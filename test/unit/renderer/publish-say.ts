// The publish helpers' words in English, from the real catalogue (what the window shows in en).
import { englishSay } from './i18n/english';

export const sayEnglish = englishSay('publish');

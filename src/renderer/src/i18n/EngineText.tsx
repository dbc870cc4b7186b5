// A sentence from the engine, in the window's language when it came with a message (nested
// messages translated phrase by phrase); otherwise its English text, marked so the pseudo-locale
// check can tell engine prose that is not converted yet from the window's own strings (which must
// all be translated).
import type { ReactNode } from 'react';
import { useCallback } from 'react';
import { useTranslation } from 'react-i18next';
import { renderMessage } from '../../../shared/i18n/render-message';
import type { Message } from '../../../shared/message';

export function useEngineText(): (text: string, message?: Message | null) => string {
  const { t } = useTranslation();
  return useCallback(
    (text: string, message?: Message | null) => (message ? renderMessage((key, params) => t(key, { ...params, defaultValue: key === message.key ? text : undefined }), message) : text),
    [t],
  );
}

/** Wraps engine prose: data-engine-text says whether it was translated. */
export function EngineText({ text, message, children }: { text: string; message?: Message | null; children?: (said: string) => ReactNode }) {
  const say = useEngineText();
  const said = say(text, message);
  return <span data-engine-text={message ? 'translated' : 'untranslated'}>{children ? children(said) : said}</span>;
}

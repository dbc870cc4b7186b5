// Sentences of the packet path as messages (catalogue engine-path), so the window can say them in its
// language; the English text beside each is rendered from the same catalogue. Pure.
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message, type MessageParam } from '../../../shared/message';

export const pathMessage = (key: string, params: Record<string, MessageParam> = {}): Message => message(`engine-path:${key}`, params);

/** A description in both forms the model carries: the English text and its message. */
export const said = (m: Message): { description: string; descriptionMessage: Message } => ({ description: inEnglish(m), descriptionMessage: m });

// Turns a message into words with any i18next-like t(): nested messages first, lists joined by the
// language's own separator (`engine-common:separator`). Shared by the engine's English rendering
// and the window's translation, so both build sentences the same way. Pure.
import type { Message, MessageParam } from '../message';

export type Translate = (key: string, params: Record<string, string | number>) => string;

export function renderMessage(t: Translate, m: Message): string {
  const params: Record<string, string | number> = {};
  for (const [name, value] of Object.entries(m.params)) params[name] = renderParam(t, value);
  return t(m.key, params);
}

function renderParam(t: Translate, value: MessageParam): string | number {
  if (typeof value === 'string' || typeof value === 'number') return value;
  if (Array.isArray(value)) return value.map((v) => renderMessage(t, v)).join(t('engine-common:separator', {}));
  return renderMessage(t, value);
}

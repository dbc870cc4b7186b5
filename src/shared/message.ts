// A sentence the engine writes, in a form the window can say in its own language: a catalogue key
// (`engine-<area>:<key>`, catalogues in src/shared/i18n/locales) and its parameters. A parameter may
// itself be a message, or a list of them (joined by the language's separator), so a sentence built
// from phrases is translated phrase by phrase. The engine's English text (what the CLI and --json
// show) is rendered from the same English catalogue (i18n/english.ts), so there is one wording.
import { z } from 'zod';

export type MessageParam = string | number | Message | Message[];
export interface Message {
  /** `engine-<area>:<key>`, e.g. `engine-doctor:ipForward.off`. */
  key: string;
  params: Record<string, MessageParam>;
}

export const messageSchema: z.ZodType<Message> = z.lazy(() =>
  z.object({
    key: z.string(),
    params: z.record(z.string(), z.union([z.string(), z.number(), messageSchema, z.array(messageSchema)])).default({}),
  }),
);

export const message = (key: string, params: Record<string, MessageParam> = {}): Message => ({ key, params });

export const isMessage = (value: unknown): value is Message =>
  typeof value === 'object' && value !== null && !Array.isArray(value) && typeof (value as Message).key === 'string';

// A sentence the engine writes, in a form the window can say in its own language: the English text
// (what the CLI and --json show, language-neutral) and, where converted, a catalogue key with its
// parameters. The window translates the key (catalogue `engine-<area>`), else shows the English.
import { z } from 'zod';

export const messageSchema = z.object({
  /** `engine-<area>:<key>`, e.g. `engine-doctor:ipForward.off`. */
  key: z.string(),
  params: z.record(z.string(), z.union([z.string(), z.number()])).default({}),
});
export type Message = z.infer<typeof messageSchema>;

export const message = (key: string, params: Record<string, string | number> = {}): Message => ({ key, params });

// Messages on the loopback WebSocket between `bridgeport serve` and a browser renderer.
import { z } from 'zod';
import type { WireError } from './errors';

export const clientMessageSchema = z.discriminatedUnion('type', [
  z.object({ type: z.literal('invoke'), id: z.number().int(), method: z.string(), input: z.unknown() }),
  // Topics are pushed only to connections that asked: some cost a sample per second.
  z.object({ type: z.literal('subscribe'), topic: z.string() }),
  z.object({ type: z.literal('unsubscribe'), topic: z.string() }),
]);
export type ClientMessage = z.infer<typeof clientMessageSchema>;

export type ServerMessage =
  | { type: 'result'; id: number; ok: true; value: unknown }
  | { type: 'result'; id: number; ok: false; error: WireError }
  | { type: 'topic'; topic: string; payload: unknown };

/**
 * A socket's first message, and the only one accepted before it: the access token, which the page
 * took from its URL's fragment (`http://127.0.0.1:PORT/#token=…`, never sent to any server).
 */
export const helloMessageSchema = z.object({ type: z.literal('hello'), token: z.string().max(200) }).strict();

/** The close code of a socket whose hello was missing or wrong: reconnecting will not help. */
export const WS_CLOSE_UNAUTHORIZED = 4001;
export const WS_PATH = '/ws';

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

/** The cookie that carries the access token after the first request with `?token=`. */
export const TOKEN_COOKIE = 'bridgeport_token';
export const WS_PATH = '/ws';

// The wire format between the app and the elevated helper (its stdin and stdout): one JSON object
// per line. Pure (no I/O). The helper runs as root, so every line has a hard size limit, every
// request is checked strictly before anything looks at its operation, and replies are capped too.
import { z } from 'zod';
import { errorKindSchema, type ErrorKind } from '../../../shared/errors';
import { messageSchema, type Message } from '../../../shared/message';

/** Longest request line the helper accepts (bytes, without the newline). */
export const MAX_REQUEST_LINE = 64 * 1024;
/** Longest reply the helper sends (a whole iptables-save text fits); a bigger one becomes an error reply. */
export const MAX_REPLY_BYTES = 8 * 1024 * 1024;
/** What the client accepts: the helper's cap, with room for the envelope. */
export const MAX_REPLY_LINE = MAX_REPLY_BYTES + 64 * 1024;
/** Requests accepted and not yet answered; one more is refused at once (nothing queues without end). */
export const MAX_PENDING = 64;

export type Frame = { kind: 'line'; line: Buffer } | { kind: 'oversized'; limit: number };

/** Cuts a byte stream into lines. A line over the limit is reported once and skipped up to its newline. */
export class LineSplitter {
  private parts: Buffer[] = [];
  private size = 0;
  private discarding = false;

  constructor(private readonly maxLine = MAX_REQUEST_LINE) {}

  push(chunk: Uint8Array): Frame[] {
    const frames: Frame[] = [];
    const data = Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    while (start < data.length) {
      const newline = data.indexOf(0x0a, start);
      const piece = data.subarray(start, newline === -1 ? data.length : newline);
      if (!this.discarding) {
        if (this.size + piece.length > this.maxLine) {
          // Drop what we held at once: memory never grows past the limit, however long the line.
          this.reset();
          this.discarding = true;
          frames.push({ kind: 'oversized', limit: this.maxLine });
        } else if (piece.length > 0) {
          // A copy: holding a slice would keep the whole (possibly large) chunk alive.
          this.parts.push(Buffer.from(piece));
          this.size += piece.length;
        }
      }
      if (newline === -1) break;
      if (!this.discarding) frames.push({ kind: 'line', line: Buffer.concat(this.parts, this.size) });
      this.reset();
      this.discarding = false;
      start = newline + 1;
    }
    return frames;
  }

  /** Bytes held for an unfinished line (never more than the limit). */
  get pending(): number {
    return this.size;
  }

  private reset(): void {
    this.parts = [];
    this.size = 0;
  }
}

export const requestIdSchema = z.union([z.number().int().min(0).max(Number.MAX_SAFE_INTEGER), z.string().min(1).max(64)]);
export type RequestId = z.infer<typeof requestIdSchema>;

// z.custom keeps the very object JSON.parse made: a schema that copies (z.record) would silently drop
// an own "__proto__" key, and the operation's strict check must see every key the client sent.
const argsSchema = z.custom<Record<string, unknown>>((v) => typeof v === 'object' && v !== null && !Array.isArray(v), 'args must be a JSON object');

export const requestSchema = z
  .object({
    id: requestIdSchema,
    op: z.string().min(1).max(64),
    args: argsSchema,
  })
  .strict();
export type HelperRequest = z.infer<typeof requestSchema>;

export type ParsedRequest = { ok: true; request: HelperRequest } | { ok: false; id: RequestId | null; error: string };

const decoder = new TextDecoder('utf-8', { fatal: true });
const EXAMPLE = '{"id":1,"op":"helper.status","args":{}}';

/** Reads one request line; never throws. A refusal names the request id when the line had a usable one. */
export function parseRequest(line: Uint8Array): ParsedRequest {
  let text: string;
  try {
    text = decoder.decode(line);
  } catch {
    return { ok: false, id: null, error: 'the message is not UTF-8 text' };
  }
  if (text.trim() === '') return { ok: false, id: null, error: 'the message is empty' };
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    return { ok: false, id: null, error: 'the message is not valid JSON' };
  }
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    return { ok: false, id: null, error: `a request must be a JSON object like ${EXAMPLE}` };
  }
  const parsed = requestSchema.safeParse(value);
  if (parsed.success) return { ok: true, request: parsed.data };
  const id = requestIdSchema.safeParse((value as { id?: unknown }).id);
  const detail = parsed.error.issues
    .slice(0, 3)
    .map((i) => `${i.path.join('.') || 'request'}: ${i.message}`)
    .join('; ');
  return { ok: false, id: id.success ? id.data : null, error: `malformed request (${detail}); expected ${EXAMPLE}` };
}

/** A refusal or failure, and which of the two it was (`kind`, see src/shared/errors.ts). */
export interface ReplyError {
  kind: ErrorKind;
  message: string;
  /** The sentence as a message, when the helper said it as one: the window translates it. */
  said?: Message;
}

export type HelperReply = { id: RequestId | null; ok: true; result: unknown } | { id: RequestId | null; ok: false; error: ReplyError };

export const replySchema = z.union([
  z.object({ id: requestIdSchema.nullable(), ok: z.literal(true), result: z.unknown() }).strict(),
  z.object({ id: requestIdSchema.nullable(), ok: z.literal(false), error: z.object({ kind: errorKindSchema, message: z.string(), said: messageSchema.optional() }).strict() }).strict(),
]);

/** An error reply: the message as one line (see errorSentence), and its message form when it has one. */
export const errorReply = (id: RequestId | null, kind: ErrorKind, message: string, said?: Message): HelperReply => ({ id, ok: false, error: said ? { kind, message, said } : { kind, message } });

export const encodeLine = (message: HelperReply | HelperRequest): string => `${JSON.stringify(message)}\n`;

/** An error as one line of text for the other side: never a stack, never a multi-line dump. */
export function errorSentence(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  const line = message.replace(/\s+/g, ' ').trim() || 'the operation failed';
  return line.length > 1000 ? `${line.slice(0, 997)}...` : line;
}

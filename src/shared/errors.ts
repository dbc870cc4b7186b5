// What kind of "no" an engine call ended in, the same on every face (IPC, WebSocket, CLI):
// - refused: the input or the current state does not allow it; nothing was changed;
// - needs-privilege: it needs root (administrator rights) and this process has not got them;
// - failed: it was tried and did not work (a command failed, Docker went away, …).
// Engine errors say which by a `kind` property (`readonly kind = 'refused' as const` on the class);
// anything without one failed. An error may also carry `said`, its sentence as a message
// (src/shared/message.ts) the window says in its own language; its English is the error's message.
// Pure: no Node, no DOM.
import { z } from 'zod';
import { isMessage, messageSchema, type Message } from './message';

export const errorKinds = ['refused', 'needs-privilege', 'failed'] as const;
export type ErrorKind = (typeof errorKinds)[number];
export const errorKindSchema = z.enum(errorKinds);

/** An error as it crosses a transport; `said` is optional (and dropped when malformed), so peers without it still understand each other. */
export const wireErrorSchema = z.object({ kind: errorKindSchema, message: z.string(), said: messageSchema.optional().catch(undefined) });
export type WireError = z.infer<typeof wireErrorSchema>;

/** A call's answer as the Electron IPC handler returns it: Electron would flatten a thrown error. */
export type CallResult<T = unknown> = { ok: true; value: T } | { ok: false; error: WireError };

export function isErrorKind(value: unknown): value is ErrorKind {
  return typeof value === 'string' && (errorKinds as readonly string[]).includes(value);
}

/** What the renderer's api throws, whichever face carried the call: views read `error.kind`. */
export class BridgeportError extends Error {
  override name = 'BridgeportError';
  constructor(
    readonly kind: ErrorKind,
    message: string,
    /** The sentence as a message, when the engine said it as one (`message` is its English). */
    readonly said?: Message,
  ) {
    super(message);
  }
}

/** The message an error carries in its `said` property, if any. Never reads the text. */
export function saidOf(error: unknown): Message | undefined {
  if (typeof error !== 'object' || error === null || !('said' in error)) return undefined;
  const said = (error as { said: unknown }).said;
  return isMessage(said) ? said : undefined;
}

/** The kind an error declares (its `kind` property), else 'failed'. Never reads the message. */
export function errorKindOf(error: unknown): ErrorKind {
  if (typeof error !== 'object' || error === null || !('kind' in error)) return 'failed';
  const kind = (error as { kind: unknown }).kind;
  return isErrorKind(kind) ? kind : 'failed';
}

/** Any thrown value as `{ kind, message, said? }` for the other side. */
export function toWireError(error: unknown): WireError {
  const message = error instanceof Error ? error.message : String(error);
  const said = saidOf(error);
  return said ? { kind: errorKindOf(error), message, said } : { kind: errorKindOf(error), message };
}

/** The wire shape back as an error to throw; a malformed one (an older server?) is a failure. */
export function fromWireError(wire: unknown): BridgeportError {
  const parsed = wireErrorSchema.safeParse(wire);
  if (parsed.success) return new BridgeportError(parsed.data.kind, parsed.data.message, parsed.data.said);
  return new BridgeportError('failed', typeof wire === 'string' ? wire : 'the engine answered with an error it did not describe');
}

/** The value of a call result, or its error thrown as a BridgeportError. */
export function unwrapCallResult<T>(result: CallResult<T>): T {
  if (typeof result !== 'object' || result === null) throw new BridgeportError('failed', 'the engine gave no answer');
  if (result.ok) return result.value;
  throw fromWireError(result.error);
}

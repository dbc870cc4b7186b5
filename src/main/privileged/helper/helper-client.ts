// The app's side of the elevated helper: the same PrivilegedExecutor the engine uses as root, but
// each call is a line to the helper's stdin and its answer a line from its stdout, matched by id.
import type { Readable, Writable } from 'node:stream';
import { BridgeportError, type ErrorKind } from '../../../shared/errors';
import type { Message } from '../../../shared/message';
import type { OperationArgs, OperationName, OperationResults, PrivilegedExecutor } from '../contract/operations';
import { encodeLine, LineSplitter, MAX_REPLY_LINE, replySchema } from './message-framing';

/** The helper's refusal or failure, in its own words, and which of the two it was. */
export class HelperError extends BridgeportError {
  override name = 'HelperError';
  constructor(message: string, kind: ErrorKind = 'failed', said?: Message) {
    super(kind, message, said);
  }
}

interface Pending {
  resolve: (value: unknown) => void;
  reject: (error: Error) => void;
}

/** Pipes of a child process are sockets: they can stop keeping the event loop alive. */
type MaybeRef = { ref?: () => void; unref?: () => void };

export class HelperExecutor implements PrivilegedExecutor {
  private nextId = 1;
  private readonly pending = new Map<number, Pending>();
  private readonly splitter = new LineSplitter(MAX_REPLY_LINE);
  private gone: Error | null = null;
  private readonly closeListeners = new Set<() => void>();

  /** `toHelper` is the helper's stdin, `fromHelper` its stdout. */
  constructor(
    private readonly toHelper: Writable,
    private readonly fromHelper: Readable,
  ) {
    fromHelper.on('data', (chunk: Buffer) => this.receive(chunk));
    fromHelper.on('error', () => undefined); // 'close' follows
    fromHelper.on('close', () => this.fail(new HelperError('the privileged helper has stopped')));
    toHelper.on('error', () => undefined); // EPIPE: the helper is gone, and its stdout closes
    this.keepAlive();
  }

  /** Calls are not checked here: the helper checks everything it is sent, and says why it refuses. */
  run<O extends OperationName>(op: O, args: OperationArgs<O>): Promise<OperationResults[O]> {
    if (this.gone) return Promise.reject(this.gone);
    const id = this.nextId++;
    return new Promise<OperationResults[O]>((resolve, reject) => {
      this.pending.set(id, { resolve: resolve as (value: unknown) => void, reject });
      this.keepAlive();
      this.toHelper.write(encodeLine({ id, op, args: args as Record<string, unknown> }));
    });
  }

  /** Ends the helper's input; the helper exits when it sees that. */
  close(): void {
    this.fail(new HelperError('the privileged helper connection was closed'));
    this.toHelper.end();
  }

  /** Called once when the helper is gone, whichever side ended it. */
  onClose(listener: () => void): void {
    if (this.gone) listener();
    else this.closeListeners.add(listener);
  }

  get closed(): boolean {
    return this.gone !== null;
  }

  /** A process (the CLI) may end while the helper idles, but not while a reply is awaited. */
  private keepAlive(): void {
    const streams = [this.fromHelper, this.toHelper] as MaybeRef[];
    for (const stream of streams) {
      if (this.pending.size > 0) stream.ref?.();
      else stream.unref?.();
    }
  }

  private receive(chunk: Buffer): void {
    for (const frame of this.splitter.push(chunk)) {
      if (frame.kind === 'oversized') {
        this.fromHelper.destroy();
        return this.fail(new HelperError(`the privileged helper sent a reply longer than ${frame.limit} bytes`));
      }
      let reply;
      try {
        reply = replySchema.parse(JSON.parse(frame.line.toString('utf8')));
      } catch {
        continue; // not a reply to anything we can name
      }
      // id null: a refusal of a line we could not have sent; nothing waits for it.
      const waiting = typeof reply.id === 'number' ? this.pending.get(reply.id) : undefined;
      if (!waiting) continue;
      this.pending.delete(reply.id as number);
      if (reply.ok) waiting.resolve(reply.result);
      else waiting.reject(new HelperError(reply.error.message, reply.error.kind, reply.error.said));
    }
    this.keepAlive();
  }

  private fail(error: Error): void {
    if (this.gone) return;
    this.gone = error;
    for (const waiting of this.pending.values()) waiting.reject(error);
    this.pending.clear();
    for (const listener of this.closeListeners) listener();
    this.closeListeners.clear();
  }
}

// The elevated helper's server: requests come in on one stream (its stdin), replies go out on another
// (its stdout). Those are the pipes of the process that launched it, so nobody else can talk to it:
// no socket, no first-connector race. Every line is answered, nothing queues without end, no reply
// is larger than the cap, and a bad request never stops it. It ends when its input ends (the app is
// gone) or when stopped, after letting running operations finish.
import type { Readable, Writable } from 'node:stream';
import { errorKindOf, saidOf } from '../../../shared/errors';
import { parseOperation } from '../contract/operations';
import { encodeLine, errorReply, errorSentence, type Frame, type HelperReply, LineSplitter, MAX_PENDING, MAX_REPLY_BYTES, MAX_REQUEST_LINE, parseRequest } from './message-framing';

/** A request as it arrived: the runner checks name and arguments again (see LocalExecutor.runRequest). */
export interface RequestRunner {
  runRequest(op: unknown, args: unknown): Promise<unknown>;
}

export interface StdioServer {
  /** Resolves with why it ended, once running operations have finished (or drainTimeoutMs passed). */
  finished: Promise<string>;
  stop(reason: string): void;
}

/** One reply line, or an error reply in its place when the result cannot be sent (too big, not JSON). */
export function replyLine(reply: HelperReply): string {
  let line: string;
  try {
    line = encodeLine(reply);
  } catch (error) {
    return encodeLine(errorReply(reply.id, 'failed', `the result could not be encoded: ${errorSentence(error)}`));
  }
  const bytes = Buffer.byteLength(line) - 1;
  if (bytes <= MAX_REPLY_BYTES) return line;
  return encodeLine(errorReply(reply.id, 'failed', `the reply is ${bytes} bytes, more than the helper's limit of ${MAX_REPLY_BYTES} bytes; it was not sent`));
}

export function serveStdio(options: { input: Readable; output: Writable; runner: RequestRunner; drainTimeoutMs?: number }): StdioServer {
  const { input, output, runner } = options;
  const splitter = new LineSplitter(MAX_REQUEST_LINE);
  const inflight = new Set<Promise<void>>();
  let ended = false;
  let waitingForDrain = false;
  let done: (reason: string) => void = () => undefined;
  const finished = new Promise<string>((resolve) => (done = resolve));

  const send = (reply: HelperReply) => {
    if (output.destroyed || output.writableEnded) return;
    // A reader that does not read must not make root buffer replies without end: stop reading.
    if (!output.write(replyLine(reply)) && !waitingForDrain) {
      waitingForDrain = true;
      input.pause();
      output.once('drain', () => {
        waitingForDrain = false;
        if (!ended) input.resume();
      });
    }
  };

  const handle = (frame: Frame) => {
    if (frame.kind === 'oversized') return send(errorReply(null, 'refused', `the message is longer than ${frame.limit} bytes and was discarded`));
    const parsed = parseRequest(frame.line);
    if (!parsed.ok) return send(errorReply(parsed.id, 'refused', parsed.error));
    const { id, op, args } = parsed.request;
    let call: { op: string; args: unknown };
    try {
      call = parseOperation(op, args);
    } catch (error) {
      return send(errorReply(id, errorKindOf(error), errorSentence(error), saidOf(error)));
    }
    if (inflight.size >= MAX_PENDING) return send(errorReply(id, 'refused', `${MAX_PENDING} requests are already waiting; ${op} was not run`));
    const work = Promise.resolve()
      .then(() => runner.runRequest(call.op, call.args))
      .then(
        (result) => send({ id, ok: true, result }),
        (error: unknown) => send(errorReply(id, errorKindOf(error), errorSentence(error), saidOf(error))),
      );
    inflight.add(work);
    void work.finally(() => inflight.delete(work));
  };

  const stop = (reason: string) => {
    if (ended) return;
    ended = true;
    input.pause();
    // An operation half done (an iptables-restore) is let finish rather than cut off.
    const cap = new Promise((r) => setTimeout(r, options.drainTimeoutMs ?? 60_000).unref());
    void Promise.race([Promise.allSettled([...inflight]), cap]).then(() => done(reason));
  };

  input.on('data', (chunk: Buffer) => {
    if (ended) return;
    for (const frame of splitter.push(chunk)) {
      try {
        handle(frame);
      } catch (error) {
        send(errorReply(null, 'failed', `internal error: ${errorSentence(error)}`));
      }
    }
  });
  input.on('end', () => stop('its input ended (the app has gone)'));
  input.on('close', () => stop('its input closed (the app has gone)'));
  input.on('error', () => stop('its input failed'));
  // The reader gone (EPIPE): nothing to answer to; the input ends too.
  output.on('error', () => undefined);
  return { finished, stop };
}

// The elevated helper's server: one unix socket, one client (the app), the closed operation set and
// nothing else. It ends when that client goes, when the app's process goes, or when nobody came.
import { lchownSync, unlinkSync } from 'node:fs';
import { createServer, type Server, type Socket } from 'node:net';
import { posix } from 'node:path';
import { errorKindOf } from '../../../shared/errors';
import { LocalExecutor } from '../local-executor';
import { type OperationName, parseOperation } from '../contract/operations';
import { type HelperArgs, socketDirFor } from './helper-args';
import { encodeLine, errorSentence, type Frame, type HelperReply, LineSplitter, MAX_REQUEST_LINE, parseRequest } from './message-framing';
import { parentAlive, processStartTicks } from './parent-watch';
import { openSocketDir } from './socket-dir';

export interface ServeOptions extends Omit<HelperArgs, 'serve'> {
  /** Give up when nobody connects within this time. */
  acceptTimeoutMs?: number;
  parentPollMs?: number;
  /** How long an operation already running may finish after the client left. */
  drainTimeoutMs?: number;
}

export class HelperSetupError extends Error {
  override name = 'HelperSetupError';
}

function listen(server: Server, path: string): Promise<void> {
  return new Promise((resolve, reject) => {
    server.once('error', (error: NodeJS.ErrnoException) =>
      reject(new HelperSetupError(error.code === 'EADDRINUSE' ? 'the socket path is already taken' : `cannot listen: ${error.message}`)),
    );
    server.listen(path, () => resolve());
  });
}

/** Answers the lines of one connection; a bad message gets a refusal and the next one is read. */
function answer(socket: Socket, executor: LocalExecutor, inflight: Set<Promise<void>>): void {
  const splitter = new LineSplitter(MAX_REQUEST_LINE);
  let waitingForDrain = false;
  const send = (reply: HelperReply) => {
    if (socket.destroyed) return;
    // A client that writes without reading must not make root buffer replies without end.
    if (!socket.write(encodeLine(reply)) && !waitingForDrain) {
      waitingForDrain = true;
      socket.pause();
      socket.once('drain', () => {
        waitingForDrain = false;
        socket.resume();
      });
    }
  };
  const handle = (frame: Frame) => {
    if (frame.kind === 'oversized') return send({ id: null, ok: false, error: `the message is longer than ${frame.limit} bytes and was discarded` });
    const parsed = parseRequest(frame.line);
    if (!parsed.ok) return send({ id: parsed.id, ok: false, error: parsed.error });
    const { id, op, args } = parsed.request;
    let call: { op: OperationName; args: unknown };
    try {
      call = parseOperation(op, args);
    } catch (error) {
      return send({ id, ok: false, error: errorSentence(error), kind: errorKindOf(error) });
    }
    const work = executor.runRequest(call.op, call.args).then(
      (result) => send({ id, ok: true, result }),
      (error: unknown) => send({ id, ok: false, error: errorSentence(error), kind: errorKindOf(error) }),
    );
    inflight.add(work);
    void work.finally(() => inflight.delete(work));
  };
  socket.on('data', (chunk: Buffer) => {
    for (const frame of splitter.push(chunk)) {
      try {
        handle(frame);
      } catch (error) {
        send({ id: null, ok: false, error: `internal error: ${errorSentence(error)}` });
      }
    }
  });
  socket.on('error', () => undefined); // 'close' follows and ends the helper
}

/** Serves until one of the exit conditions; resolves when the socket is gone and running work has finished. */
export async function serveHelper(options: ServeOptions): Promise<string> {
  const startTicks = processStartTicks(options.parentPid);
  if (startTicks === null) throw new HelperSetupError(`the parent process ${options.parentPid} is not running`);
  const dir = openSocketDir(socketDirFor(options.socketDirRoot, options.ownerUid), options.ownerUid);
  // Bound and unlinked through the opened directory (see socket-dir.ts); created 0600 by the umask,
  // so there is no moment where anyone else could connect.
  const boundPath = `${dir.path}/${posix.basename(options.socketPath)}`;
  const executor = new LocalExecutor();
  const inflight = new Set<Promise<void>>();
  const server = createServer({ allowHalfOpen: false, pauseOnConnect: false });
  const previousUmask = process.umask(0o177);
  try {
    await listen(server, boundPath);
    // lchown: never follow a symlink the user might have put in the socket's place meanwhile.
    lchownSync(boundPath, options.ownerUid, -1);
  } catch (error) {
    server.close();
    dir.close();
    throw error instanceof HelperSetupError ? error : new HelperSetupError(`cannot prepare the socket: ${errorSentence(error)}`);
  } finally {
    process.umask(previousUmask);
  }

  return new Promise<string>((resolve) => {
    let client: Socket | null = null;
    let finished = false;
    const removeSocket = () => {
      if (server.listening) server.close();
      try {
        unlinkSync(boundPath);
      } catch {
        // Already gone: closing the server removes it.
      }
    };
    const finish = (reason: string) => {
      if (finished) return;
      finished = true;
      clearTimeout(acceptTimer);
      clearInterval(parentTimer);
      for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.off(signal, onSignal);
      removeSocket();
      client?.destroy();
      // An operation half done (an iptables-restore) is let finish rather than cut off.
      const drained = Promise.allSettled([...inflight]);
      const cap = new Promise((r) => setTimeout(r, options.drainTimeoutMs ?? 60_000).unref());
      void Promise.race([drained, cap]).then(() => {
        dir.close();
        resolve(reason);
      });
    };
    const onSignal = (signal: NodeJS.Signals) => finish(`got ${signal}`);
    for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.on(signal, onSignal);
    const acceptTimer = setTimeout(() => finish('nobody connected'), options.acceptTimeoutMs ?? 30_000);
    const parentTimer = setInterval(() => {
      if (!parentAlive(options.parentPid, startTicks)) finish('the app has gone');
    }, options.parentPollMs ?? 1000);

    server.on('connection', (socket) => {
      if (client || finished) return void socket.destroy();
      client = socket;
      clearTimeout(acceptTimer);
      // One client only: the socket file goes now, so nobody else can even try.
      removeSocket();
      answer(socket, executor, inflight);
      socket.on('close', () => finish('the app disconnected'));
    });
  });
}

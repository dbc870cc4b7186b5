// Runs privileged operations in this process (the engine runs as root: CLI under sudo, tests,
// the helper itself). Arguments are checked again here: this is the last door before a command.
import {
  type OperationArgs,
  type OperationHandlers,
  type OperationName,
  type OperationResults,
  type PrivilegedExecutor,
  OperationError,
  isOperationName,
  parseArgs,
} from './contract/operations';
import { commandHandlers } from './operation-handlers';

// A trace waits for a packet for up to its timeout and touches only its own table: the rest of the
// helper's work does not queue behind it.
const UNQUEUED: ReadonlySet<OperationName> = new Set<OperationName>(['trace.run']);

export class LocalExecutor implements PrivilegedExecutor {
  /** Operations that passed validation and ran (whatever their outcome). */
  executed = 0;
  // One at a time: two batches planned against the same reading would undo each other.
  private queue: Promise<unknown> = Promise.resolve();
  private readonly handlers: OperationHandlers = {
    'helper.status': async () => ({ executed: this.executed, pid: process.pid }),
    ...commandHandlers,
  };

  run<O extends OperationName>(op: O, args: OperationArgs<O>): Promise<OperationResults[O]> {
    return this.runChecked(op, args);
  }

  /** A request as it arrived off the helper's socket: name and arguments both checked here. */
  runRequest(op: unknown, args: unknown): Promise<unknown> {
    if (!isOperationName(op)) return Promise.reject(new OperationError(`unknown operation ${JSON.stringify(op)?.slice(0, 80)}`, 'refused'));
    return this.runChecked(op, args);
  }

  private runChecked<O extends OperationName>(op: O, raw: unknown): Promise<OperationResults[O]> {
    let args: OperationArgs<O>;
    try {
      args = parseArgs(op, raw);
    } catch (error) {
      // A refusal is a rejected promise like any other outcome (a caller's .catch must see it).
      return Promise.reject(error as Error);
    }
    const handler: OperationHandlers[O] = this.handlers[op];
    if (UNQUEUED.has(op)) {
      this.executed++;
      return handler(args);
    }
    const next = this.queue.then(() => {
      if (op !== 'helper.status') this.executed++;
      return handler(args);
    });
    this.queue = next.catch(() => undefined);
    return next;
  }

  close(): void {}
}

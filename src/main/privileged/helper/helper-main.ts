// `bridgeport helper --stdio --for-uid UID`: the elevated helper, the one entry point that runs as
// root on the desktop user's behalf (through pkexec: see helper-launcher.ts). It serves the closed
// operation set on its own stdin/stdout and exits when stdin closes.
import { LocalExecutor } from '../local-executor';
import { HelperArgsError, parseHelperArgs } from './helper-args';
import { serveStdio } from './helper-stdio';
import { clearStaleTraceTables, interruptTraces } from '../ops/trace/trace-tables';

const say = (message: string) => process.stderr.write(`bridgeport helper: ${message}\n`);

/** Serves until stdin closes or a signal; returns the exit code (1: not root, 2: bad arguments). */
export async function runHelperCommand(argv: readonly string[], env: Readonly<Record<string, string | undefined>> = process.env): Promise<number> {
  if (process.getuid?.() !== 0) {
    say('must run as root (the app and `bridgeport --elevate` start it through pkexec)');
    return 1;
  }
  try {
    parseHelperArgs(argv, env);
  } catch (error) {
    say(error instanceof HelperArgsError ? error.message : String(error));
    return 2;
  }
  process.chdir('/');
  // stdout carries the protocol and nothing else: anything that logs goes to stderr.
  console.log = console.info = console.debug = console.warn = console.error;
  const runner = new LocalExecutor();
  const server = serveStdio({ input: process.stdin, output: process.stdout, runner });
  // A trace table left by a helper that was killed mid-trace goes now (issue 17: cleaned on the next
  // start). Housekeeping of its own, not a request: it is not counted among the operations run.
  clearStaleTraceTables().catch((error: unknown) => say(`could not look for stale trace tables: ${(error as Error).message}`));
  for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP'] as const) process.once(signal, () => server.stop(`got ${signal}`));
  // Nobody is left to read a trace: it ends now rather than at its timeout, its table removed.
  for (const event of ['end', 'close'] as const) process.stdin.once(event, () => interruptTraces('the app has gone'));
  await server.finished;
  return 0;
}

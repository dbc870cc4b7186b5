// Entry of the elevated helper (out/main/helper.js; packaged: /usr/lib/bridgeport/bridgeport-helper).
// pkexec runs it as root. sudo-prompt only returns once the command has exited, so this first
// process checks its arguments, starts itself again detached in --serve mode, waits until the socket
// is there and handed to the user, prints one line and exits; the detached copy is the server.
import { spawn } from 'node:child_process';
import { lstatSync } from 'node:fs';
import { type HelperArgs, HelperArgsError, parseHelperArgs, socketDirFor } from './helper-args';
import { serveHelper } from './helper-server';
import { processStartTicks } from './parent-watch';
import { openSocketDir } from './socket-dir';

const READY_TIMEOUT_MS = 10_000;

function fail(message: string, code = 1): never {
  process.stderr.write(`bridgeport-helper: ${message}\n`);
  process.exit(code);
}

/** The socket exists and already belongs to its owner: the app can connect now. */
function socketReady(args: HelperArgs): boolean {
  try {
    const stat = lstatSync(args.socketPath);
    return stat.isSocket() && stat.uid === args.ownerUid;
  } catch {
    return false;
  }
}

async function launch(args: HelperArgs, argv: readonly string[]): Promise<never> {
  // The same checks the server makes, here where their message still reaches the app.
  openSocketDir(socketDirFor(args.socketDirRoot, args.ownerUid), args.ownerUid).close();
  if (processStartTicks(args.parentPid) === null) fail(`the parent process ${args.parentPid} is not running`);
  // The child inherits the environment (ELECTRON_RUN_AS_NODE under Electron) and gets checked
  // arguments only: the ones we were given, plus --serve.
  const child = spawn(process.execPath, [process.argv[1]!, '--serve', ...argv], { detached: true, stdio: 'ignore', cwd: '/' });
  const state: { exited: string | null } = { exited: null };
  child.on('exit', (code, signal) => (state.exited = signal ?? `exit code ${code}`));
  child.on('error', (error) => (state.exited = error.message));
  const deadline = Date.now() + READY_TIMEOUT_MS;
  while (!socketReady(args)) {
    if (state.exited !== null) fail(`the helper stopped before it was ready (${state.exited})`);
    if (Date.now() > deadline) {
      if (child.pid) process.kill(child.pid, 'SIGTERM');
      fail(`the helper's socket did not appear within ${READY_TIMEOUT_MS / 1000} s`);
    }
    await new Promise((r) => setTimeout(r, 20));
  }
  process.stdout.write(`bridgeport-helper: serving ${args.socketPath} (pid ${child.pid})\n`);
  child.unref();
  process.exit(0);
}

async function main(argv: readonly string[]): Promise<void> {
  if (process.getuid?.() !== 0) fail('must run as root (the Bridgeport app starts it through pkexec)');
  let args: HelperArgs;
  try {
    args = parseHelperArgs(argv, process.env);
  } catch (error) {
    fail(error instanceof HelperArgsError ? error.message : String(error), 2);
  }
  if (!args.serve) return launch(args, argv);
  process.chdir('/');
  await serveHelper(args);
  process.exit(0);
}

main(process.argv.slice(2)).catch((error: unknown) => fail(error instanceof Error ? error.message : String(error)));

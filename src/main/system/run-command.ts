// Runs a system command from an argv array (never a shell string) and returns its stdout.
import { execa } from 'execa';
import { commandEnv } from './command-env';

export class CommandError extends Error {
  override name = 'CommandError';
  constructor(
    readonly argv: readonly string[],
    readonly exitCode: number | undefined,
    readonly stderr: string,
  ) {
    super(`${argv.join(' ')} failed${exitCode === undefined ? '' : ` (exit ${exitCode})`}: ${stderr.trim() || 'no output'}`);
  }
}

export interface RunOptions {
  input?: string;
  timeoutMs?: number;
}

export async function runCommand(argv: readonly string[], options: RunOptions = {}): Promise<string> {
  const [file, ...args] = argv;
  if (!file) throw new Error('runCommand needs a program');
  const result = await execa(file, args, {
    input: options.input,
    timeout: options.timeoutMs ?? 15_000,
    reject: false,
    stripFinalNewline: false,
    env: commandEnv(),
  });
  if (result.exitCode !== 0 || result.failed) {
    throw new CommandError(argv, result.exitCode, String(result.stderr || result.shortMessage || ''));
  }
  return String(result.stdout);
}

export interface StartedCommand {
  /** Feeds a line (or any text) to the command's stdin. */
  write(text: string): void;
  /** Closes stdin and returns stdout; throws CommandError on failure. */
  finish(): Promise<string>;
}

/** Starts a command that is fed on stdin while it runs (argv array, never a shell string). */
export function startCommand(argv: readonly string[], options: RunOptions = {}): StartedCommand {
  const [file, ...args] = argv;
  if (!file) throw new Error('startCommand needs a program');
  const child = execa(file, args, { stdin: 'pipe', timeout: options.timeoutMs ?? 15_000, reject: false, stripFinalNewline: false, env: commandEnv() });
  // A command that died early must not crash the engine with EPIPE on a later write.
  child.stdin?.on('error', () => undefined);
  return {
    write: (text) => {
      if (child.stdin?.writable) child.stdin.write(text);
    },
    finish: async () => {
      child.stdin?.end();
      const result = await child;
      if (result.exitCode !== 0 || result.failed) {
        throw new CommandError(argv, result.exitCode, String(result.stderr || result.shortMessage || ''));
      }
      return String(result.stdout);
    },
  };
}

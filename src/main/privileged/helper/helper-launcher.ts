// Starts the elevated helper for the desktop app, once per session: one password prompt, then every
// privileged operation goes over the helper's socket. The command string for sudo-prompt is built
// by pure functions (tested); everything else here is I/O.
import { execFile } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { chmodSync, existsSync, lstatSync, mkdirSync } from 'node:fs';
import { exec as sudoExec } from 'sudo-prompt';
import type { PrivilegedExecutor } from '../contract/operations';
import { DEFAULT_SOCKET_DIR_ROOT, socketDirFor } from './helper-args';
import { HelperExecutor } from './helper-client';

/** A packaged install ships this wrapper and a polkit policy naming it, so the prompt says why. */
export const PACKAGED_HELPER = '/usr/lib/bridgeport/bridgeport-helper';

export interface HelperLaunch {
  /** Electron (run as Node through ELECTRON_RUN_AS_NODE) or node. */
  execPath: string;
  helperScript: string;
  socketPath: string;
  ownerUid: number;
  parentPid: number;
}

export const helperArgs = (l: HelperLaunch): string[] => ['--socket', l.socketPath, '--owner-uid', String(l.ownerUid), '--parent-pid', String(l.parentPid)];

/** POSIX single quotes: inside them nothing is special but the quote itself. */
export function shellQuote(value: string): string {
  // eslint-disable-next-line no-control-regex
  if (/[\x00-\x1f\x7f]/.test(value)) throw new Error(`cannot pass ${JSON.stringify(value)} to the elevated shell: it contains control characters`);
  return `'${value.replaceAll("'", `'\\''`)}'`;
}

/** What bash runs as root. pkexec clears the environment, so ELECTRON_RUN_AS_NODE is set in here. */
export function helperCommand(l: HelperLaunch): string {
  return ['/usr/bin/env', 'ELECTRON_RUN_AS_NODE=1', l.execPath, l.helperScript, ...helperArgs(l)].map(shellQuote).join(' ');
}

/**
 * The string to hand to sudo-prompt. It runs `/bin/sh -c '… /bin/bash -c "echo SUDOPROMPT; CMD"'`,
 * escaping only " in CMD; inside those double quotes the unprivileged outer shell would still act
 * on \ $ and `, so they are escaped here and reach bash unchanged.
 */
export function sudoPromptCommand(l: HelperLaunch): string {
  return helperCommand(l).replace(/[\\$`]/g, (c) => `\\${c}`);
}

/** Administrator rights were not had: the prompt was dismissed or denied, or could not be shown. */
export class ElevationRefused extends Error {
  override name = 'ElevationRefused';
  readonly kind = 'needs-privilege' as const;
}

/** sudo-prompt's fixed messages, as something a user can act on. */
export function elevationError(error: Error, stderr: string): Error {
  if (/did not grant permission/i.test(error.message)) return new ElevationRefused('Bridgeport did not get administrator rights: the password prompt was cancelled or refused');
  if (/no polkit authentication agent/i.test(error.message)) return new ElevationRefused('Bridgeport cannot ask for your password: no polkit authentication agent is running in this session');
  if (/unable to find pkexec/i.test(error.message)) return new ElevationRefused('Bridgeport cannot ask for administrator rights: pkexec is not installed (package polkitd / policykit-1)');
  const detail = stderr.trim().split('\n').at(-1)?.replace(/^bridgeport-helper: /, '') || error.message;
  return new Error(`Bridgeport's privileged helper did not start: ${detail}`);
}

function elevate(l: HelperLaunch): Promise<void> {
  return new Promise((resolve, reject) => {
    if (existsSync(PACKAGED_HELPER)) {
      // argv, no shell: the polkit policy's exec.path annotation names exactly this program.
      execFile('/usr/bin/pkexec', [PACKAGED_HELPER, ...helperArgs(l)], (error, _stdout, stderr) => {
        if (!error) return resolve();
        const code = (error as { code?: unknown }).code;
        reject(code === 126 || code === 127 ? elevationError(new Error('did not grant permission'), '') : elevationError(error, String(stderr)));
      });
      return;
    }
    sudoExec(sudoPromptCommand(l), { name: 'Bridgeport' }, (error, _stdout, stderr) => (error ? reject(elevationError(error, String(stderr ?? ''))) : resolve()));
  });
}

/** The user's private directory for the socket: $XDG_RUNTIME_DIR/bridgeport, 0700. */
function prepareSocketDir(runtimeRoot: string, uid: number): string {
  const runtime = `${runtimeRoot}/${uid}`;
  if (!existsSync(runtime)) throw new Error(`Bridgeport needs the session's runtime directory ${runtime} (XDG_RUNTIME_DIR) to reach its privileged helper`);
  const dir = socketDirFor(runtimeRoot, uid);
  mkdirSync(dir, { mode: 0o700, recursive: true });
  const stat = lstatSync(dir);
  if (!stat.isDirectory() || stat.uid !== uid) throw new Error(`${dir} is not a directory of yours: remove it and try again`);
  chmodSync(dir, 0o700);
  return dir;
}

/** The desktop app's executor factory: prompts on first use, reuses the helper for the session. */
export class ElevatedHelper {
  private current: Promise<HelperExecutor> | null = null;
  private closed = false;

  constructor(
    private readonly helperScript: string,
    private readonly options: { execPath?: string; /** Tests only; the helper accepts /run/user alone. */ runtimeRoot?: string } = {},
  ) {}

  /** For the engine's `executor` option: lazy, so nothing prompts before something needs root. */
  readonly executor = (): Promise<PrivilegedExecutor> => {
    if (this.closed) return Promise.reject(new Error('Bridgeport is quitting'));
    const attempt = (this.current ??= this.start());
    // A cancelled prompt or a failed start is not remembered: the next call may prompt again.
    attempt.catch(() => {
      if (this.current === attempt) this.current = null;
    });
    return attempt;
  };

  /** On quit: ends the connection, and with it the helper. */
  close(): void {
    this.closed = true;
    void this.current?.then((executor) => executor.close()).catch(() => undefined);
    this.current = null;
  }

  private async start(): Promise<HelperExecutor> {
    const uid = process.getuid!();
    const dir = prepareSocketDir(this.options.runtimeRoot ?? DEFAULT_SOCKET_DIR_ROOT, uid);
    const socketPath = `${dir}/helper-${randomBytes(6).toString('hex')}.sock`;
    const execPath = this.options.execPath ?? process.execPath;
    await elevate({ execPath, helperScript: this.helperScript, socketPath, ownerUid: uid, parentPid: process.pid });
    const executor = await HelperExecutor.connect(socketPath);
    if (this.closed) {
      executor.close();
      throw new Error('Bridgeport is quitting');
    }
    const mine = this.current;
    // The helper gone (killed, crashed): the next operation starts a new one.
    executor.onClose(() => {
      if (this.current === mine) this.current = null;
    });
    return executor;
  }
}

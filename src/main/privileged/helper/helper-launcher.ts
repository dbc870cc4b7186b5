// Starts the elevated helper, once per session (the app) or per run (`bridgeport --elevate`): one
// prompt, then every privileged operation is a line on the helper's stdin. pkexec is spawned
// directly with pipes (it keeps stdio and execs the helper in its place), so only this process holds
// the helper's stdin and stdout. Only root-owned helper code is elevated: a development checkout is
// refused unless the user opts in, and then the prompt names it. Which command to run is decided by
// the pure `elevationPlan`; the rest is I/O.
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { posix } from 'node:path';
import { BridgeportError, saidOf } from '../../../shared/errors';
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message } from '../../../shared/message';
import type { PrivilegeState } from '../../../shared/privilege-model';
import type { PrivilegedAccess, PrivilegedExecutor } from '../contract/operations';
import { untrustedCode } from './code-trust';
import { HelperExecutor } from './helper-client';

/** A packaged install ships this wrapper and a polkit policy naming it, so the prompt says why. */
export const PACKAGED_HELPER = '/usr/lib/bridgeport/bridgeport-helper';
export const PKEXEC = '/usr/bin/pkexec';
/** The environment variable a developer sets to elevate a checkout anyway. */
export const DEV_ELEVATE_ENV = 'BRIDGEPORT_DEV_ELEVATE';

/** Administrator rights were not had: the prompt was dismissed or denied, could not be shown, or was not asked for. */
export class ElevationRefused extends Error {
  override name = 'ElevationRefused';
  readonly kind = 'needs-privilege' as const;
  /** The sentence as a message (engine-errors), when it was said as one; `message` is its English. */
  readonly said?: Message;
  constructor(
    said: Message | string,
    /** declined: the user said no (or cancelled); unavailable: asking cannot work here. */
    readonly outcome: 'declined' | 'unavailable' = 'unavailable',
  ) {
    super(typeof said === 'string' ? said : inEnglish(said));
    if (typeof said !== 'string') this.said = said;
  }
}

const privilege = (key: string, params: Parameters<typeof message>[1] = {}): Message => message(`engine-errors:privilege.${key}`, params);
const PKEXEC_MISSING = privilege('pkexecMissing');

/** What a failed start means for the privilege state: a refusal says which; anything else may work next time. */
export function stateAfterFailure(error: unknown): PrivilegeState {
  const reason = error instanceof Error ? error.message : String(error);
  const said = saidOf(error);
  return { state: error instanceof ElevationRefused ? error.outcome : 'not-elevated', reason, ...(said ? { reasonMessage: said } : {}) };
}

export interface ElevationFacts {
  uid: number;
  /** Electron (run as Node through ELECTRON_RUN_AS_NODE) or node. */
  execPath: string;
  /** The built CLI (out/main/cli.js): `helper --stdio` is its subcommand. */
  cliScript: string;
  /** PACKAGED_HELPER exists; `packagedUntrusted` says why it may not be used, if so. */
  packaged: boolean;
  packagedUntrusted: string | null;
  /** Why execPath or cliScript (or what they load) is not root's alone; null: root-owned. */
  checkoutUntrusted: string | null;
  /** The user opted in to elevating a development checkout. */
  allowDevCheckout: boolean;
}

export interface ElevationPlan {
  /** The argv to spawn: pkexec first. */
  argv: string[];
  /** packaged, an installed root-owned copy, or a development checkout the user opted in to. */
  source: 'packaged' | 'root-owned' | 'development-checkout';
}

export const helperArgv = (uid: number): string[] => ['helper', '--stdio', '--for-uid', String(uid)];

/** The folder a checkout's out/main/cli.js belongs to (its package root). */
export const checkoutRoot = (cliScript: string): string => posix.dirname(posix.dirname(posix.dirname(cliScript)));

/** Pure: what to run through pkexec, or why not (ElevationRefused). */
export function elevationPlan(f: ElevationFacts, pkexec = PKEXEC): ElevationPlan {
  if (f.packaged) {
    if (f.packagedUntrusted) throw new ElevationRefused(privilege('packagedUntrusted', { why: f.packagedUntrusted }));
    // argv, no shell: the polkit policy's exec.path annotation names exactly this program.
    return { argv: [pkexec, PACKAGED_HELPER, ...helperArgv(f.uid)], source: 'packaged' };
  }
  // pkexec clears the environment: ELECTRON_RUN_AS_NODE is set by env, as root, for the helper only.
  const run = ['ELECTRON_RUN_AS_NODE=1', f.execPath, f.cliScript, ...helperArgv(f.uid)];
  if (!f.checkoutUntrusted) return { argv: [pkexec, '/usr/bin/env', ...run], source: 'root-owned' };
  if (!f.allowDevCheckout) {
    throw new ElevationRefused(privilege('developmentCheckout', { why: f.checkoutUntrusted, variable: DEV_ELEVATE_ENV }));
  }
  // The prompt shows the command line: its first words say that a development checkout asks.
  return { argv: [pkexec, '/usr/bin/env', `BRIDGEPORT_DEVELOPMENT_CHECKOUT=${checkoutRoot(f.cliScript)}`, ...run], source: 'development-checkout' };
}

const PKEXEC_SAYS = 'Error executing command as another user: ';

/**
 * pkexec's exit, or the helper's reason. pkexec exits 126 when the prompt was dismissed and 127 when
 * authorization failed ("Not authorized": polkit said no, or the password was wrong), no agent could
 * ask, or polkit could not be reached; it says which on stderr.
 */
export function elevationError(code: number | null, signal: string | null, stderr: string): Error {
  const lines = stderr.trim().split('\n').filter(Boolean);
  const last = lines.at(-1) ?? '';
  const refused = new ElevationRefused(privilege('declined'), 'declined');
  if (code === 126) return refused;
  if (code === 127) {
    const said = lines.find((line) => line.startsWith(PKEXEC_SAYS))?.slice(PKEXEC_SAYS.length) ?? last;
    if (/not authorized/i.test(said)) return refused;
    if (/no authentication agent/i.test(said)) return new ElevationRefused(privilege('noAgent'));
    return new ElevationRefused(privilege('cannotAsk', { why: said ? message('engine-common:text', { text: said }) : privilege('pkexecCouldNot') }));
  }
  const told = last.replace(/^bridgeport helper: /, '');
  const detail = told ? message('engine-common:text', { text: told }) : signal ? privilege('stoppedBy', { signal }) : privilege('exitedWith', { code: String(code) });
  const sentence = privilege('helperDidNotStart', { detail });
  return new BridgeportError('failed', inEnglish(sentence), sentence);
}

export interface ElevatedHelperOptions {
  cliScript: string;
  execPath?: string;
  allowDevCheckout?: boolean;
  /** false (the CLI: one prompt per run): a refused or failed start is final; true (the app): the next need prompts again. */
  promptAgain?: boolean;
  /** Told once before each prompt (the CLI prints it on stderr). */
  notice?: (plan: ElevationPlan) => void;
  /** Tests only: a stand-in for /usr/bin/pkexec. */
  pkexec?: string;
}

/** Facts about this machine and this copy of Bridgeport, for elevationPlan. */
export function gatherElevationFacts(options: ElevatedHelperOptions): ElevationFacts {
  const execPath = options.execPath ?? process.execPath;
  const packaged = existsSync(PACKAGED_HELPER);
  const root = checkoutRoot(options.cliScript);
  return {
    uid: process.getuid!(),
    execPath,
    cliScript: options.cliScript,
    packaged,
    packagedUntrusted: packaged ? untrustedCode([PACKAGED_HELPER]) : null,
    // The script, what runs it, and what it imports (the package's node_modules and package.json).
    checkoutUntrusted: packaged ? null : untrustedCode([execPath, options.cliScript, ...[`${root}/node_modules`, `${root}/package.json`].filter((p) => existsSync(p))]),
    allowDevCheckout: options.allowDevCheckout ?? false,
  };
}

/** Spawns the plan and waits for the helper's first answer, or for pkexec's (or the helper's) exit. */
async function launch(plan: ElevationPlan): Promise<HelperExecutor> {
  if (!existsSync(plan.argv[0]!)) throw new ElevationRefused(PKEXEC_MISSING);
  const child = spawn(plan.argv[0]!, plan.argv.slice(1), { stdio: ['pipe', 'pipe', 'pipe'], cwd: '/' });
  let stderr = '';
  child.stderr.setEncoding('utf8');
  child.stderr.on('data', (text: string) => (stderr = (stderr + text).slice(-4096)));
  const exited = new Promise<{ code: number | null; signal: string | null }>((resolve) => {
    child.once('error', (error) => {
      stderr += `\n${error.message}`;
      resolve({ code: null, signal: null });
    });
    child.once('close', (code, signal) => resolve({ code, signal }));
  });
  const executor = new HelperExecutor(child.stdin, child.stdout);
  try {
    await executor.run('helper.status', {});
  } catch {
    executor.close();
    const { code, signal } = await exited;
    throw elevationError(code, signal, stderr);
  }
  // From now on the helper's stderr is not ours to keep; the child must not hold the process open.
  child.stderr.resume();
  (child.stderr as { unref?: () => void }).unref?.();
  child.unref();
  return executor;
}

/** The executor factory of the app and of `bridgeport --elevate`: prompts on first use, then reuses the helper. */
export class ElevatedHelper {
  private current: Promise<HelperExecutor> | null = null;
  private running: HelperExecutor | null = null;
  private closed = false;
  /** How the last start ended, when it failed (cleared by a successful one). */
  private lastFailure: PrivilegeState | null = null;
  /** Why asking cannot work here (null: it can), looked up once per start; undefined: not yet. */
  private unavailable: { reason: string; said?: Message } | null | undefined = undefined;

  constructor(private readonly options: ElevatedHelperOptions) {}

  /** Whether the helper runs, and if not why (never prompts). */
  state(): PrivilegeState {
    if (this.closed) return { state: 'not-elevated', reason: inEnglish(privilege('quitting')), reasonMessage: privilege('quitting') };
    if (this.running && !this.running.closed) return { state: 'elevated', reason: null };
    if (this.lastFailure) return this.lastFailure;
    const why = this.unavailableReason();
    return why ? { state: 'unavailable', reason: why.reason, ...(why.said ? { reasonMessage: why.said } : {}) } : { state: 'not-elevated', reason: null };
  }

  /** For the engine's `executor` option: lazy, so nothing prompts before something needs root. */
  readonly executor = (): Promise<PrivilegedExecutor> => {
    if (this.closed) return Promise.reject(new Error('Bridgeport is quitting'));
    const attempt = (this.current ??= this.start());
    // A cancelled prompt or a failed start is not remembered (unless promptAgain is false): the next call may prompt again.
    attempt.catch(() => {
      if (this.current === attempt && this.options.promptAgain !== false) this.current = null;
    });
    return attempt;
  };

  /**
   * For the engine: writes always go through executor(); reads only when ready() says the helper is
   * at hand without a prompt — or, with `readsMayPrompt` (the user asked for elevation, as with
   * `--elevate`), always, so a read may be the thing that prompts.
   */
  access(readsMayPrompt: boolean): PrivilegedAccess {
    return {
      // After a declined prompt nothing in the background (port keeping, DNS sync) asks again on its
      // own: only the user's Elevate does. (The CLI's --elevate asks once per run anyway.)
      executor: () =>
        !readsMayPrompt && this.lastFailure?.state === 'declined'
          ? Promise.reject(new ElevationRefused(privilege('askAgain', { reason: this.lastFailure.reasonMessage ?? (this.lastFailure.reason === null ? privilege('promptDeclined') : message('engine-common:text', { text: this.lastFailure.reason })) }), 'declined'))
          : this.executor(),
      elevate: () => {
        if (this.lastFailure?.state === 'declined') this.lastFailure = null;
        return this.executor();
      },
      ready: () => !this.closed && (readsMayPrompt || (this.running !== null && !this.running.closed)),
      state: () => this.state(),
    };
  }

  /** On quit: ends the helper's input, and with it the helper. */
  close(): void {
    this.closed = true;
    void this.current?.then((executor) => executor.close()).catch(() => undefined);
    this.current = null;
  }

  /** The plan's refusal or a missing pkexec, without spawning anything. */
  private unavailableReason(): { reason: string; said?: Message } | null {
    if (this.unavailable === undefined) {
      try {
        const plan = elevationPlan(gatherElevationFacts(this.options), this.options.pkexec);
        this.unavailable = existsSync(plan.argv[0]!) ? null : { reason: inEnglish(PKEXEC_MISSING), said: PKEXEC_MISSING };
      } catch (error) {
        const said = saidOf(error);
        this.unavailable = { reason: (error as Error).message, ...(said ? { said } : {}) };
      }
    }
    return this.unavailable;
  }

  private async start(): Promise<HelperExecutor> {
    try {
      const executor = await this.startOnce();
      this.lastFailure = null;
      return executor;
    } catch (error) {
      this.lastFailure = stateAfterFailure(error);
      throw error;
    }
  }

  private async startOnce(): Promise<HelperExecutor> {
    // Looked up again: pkexec or the package may have been installed since.
    this.unavailable = undefined;
    const plan = elevationPlan(gatherElevationFacts(this.options), this.options.pkexec);
    this.options.notice?.(plan);
    const executor = await launch(plan);
    if (this.closed) {
      executor.close();
      throw new Error('Bridgeport is quitting');
    }
    const mine = this.current;
    this.running = executor;
    // The helper gone (killed, crashed): the next operation starts a new one.
    executor.onClose(() => {
      if (this.current === mine) this.current = null;
      if (this.running === executor) this.running = null;
    });
    return executor;
  }
}

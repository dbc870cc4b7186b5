// The CLI's engine and its privileged side: in this process under sudo; through one elevated helper
// (one pkexec prompt per run) with --elevate; otherwise a clear refusal naming both ways.
import { Engine, type EngineOptions } from '../engine/engine';
import type { PrivilegedAccess, PrivilegedExecutor } from '../privileged/contract/operations';
import { DEV_ELEVATE_ENV, ElevatedHelper, type ElevationPlan } from '../privileged/helper/helper-launcher';
import { rootExecutor } from '../privileged/root-executor';

let elevation: ElevatedHelper | null = null;
/** `serve --elevate`: a session like the app's (reads never prompt; the page's Elevate may ask again). */
let session = false;

function announce(plan: ElevationPlan): void {
  const from = plan.source === 'development-checkout' ? ` from the development checkout ${plan.argv.find((a) => a.startsWith('BRIDGEPORT_DEVELOPMENT_CHECKOUT='))?.split('=')[1]}` : '';
  process.stderr.write(`bridgeport: asking for administrator rights (pkexec) to start the privileged helper${from}\n`);
}

/**
 * `--elevate`: this run's privileged operations go through the helper, started when first needed. Root
 * needs none. `asSession` (serve): the server asks once at start and its page may ask again.
 */
export function elevateThisRun(cliScript: string, asSession = false): void {
  if (process.getuid?.() === 0 || elevation) return;
  session = asSession;
  // One prompt per run: a refusal stands for the rest of it (a session's Elevate button may ask again).
  elevation = new ElevatedHelper({ cliScript, allowDevCheckout: process.env[DEV_ELEVATE_ENV] === '1', promptAgain: asSession, notice: announce });
}

/** --elevate asked for it: privileged reads (the firewall, namespaces) may prompt as well as writes; in a session only writes and Elevate. */
export function cliExecutor(): (() => Promise<PrivilegedExecutor>) | PrivilegedAccess {
  return elevation?.access(!session) ?? rootExecutor;
}

export function cliEngine(options: Omit<EngineOptions, 'executor'> = {}): Engine {
  return new Engine({ executor: cliExecutor(), ...options });
}

// What every browser test in the lab shares: the seed scenario, commands run from the repo, and a
// fresh `bridgeport serve` per test (the `served` fixture) with its own config directory (mappings
// and events never go to root's ~/.config), stopped and removed afterwards even on failure.
import { execFileSync, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';
import type { Snapshot } from '../../src/shared/model';
import { type PolkitLab, startPolkitLab } from '../lab/polkit-lab';
import { serve, type Served } from './serve';

export { expect } from '@playwright/test';

export const root = resolve(import.meta.dirname, '../..');

export function sh(file: string, args: string[]): string {
  return execFileSync(file, args, { cwd: root, encoding: 'utf8' });
}

/** The seed scenario (w1, w2, intranet, dual, i1, hostnet, nonet …); only inside test/lab/lab.sh. */
export function seedLab(): void {
  if (!process.env.BP_LAB) throw new Error('run inside test/lab/lab.sh');
  sh('bash', ['test/lab/seed-scenario.sh']);
}

/** What the CLI sees now (`bridgeport snapshot --json`), to know ids, IPs and veths the page should show. */
/** The lab host's address on the LAN, where w1's published 8080 is reached. */
export const LAN_HOST_IP = '198.51.100.1';

/**
 * A LAN client holding a TCP connection to the lab host's `port` open (busybox nc with its stdin a
 * pipe sends nothing and waits; httpd waits for the request) until the returned stop is called.
 */
export function holdLanConnection(port = 8080): () => void {
  const child = spawn('ip', ['netns', 'exec', process.env.BP_LAB_LAN_NS!, 'busybox', 'nc', LAN_HOST_IP, String(port)], { stdio: ['pipe', 'ignore', 'ignore'] });
  return () => {
    if (child.exitCode === null && child.signalCode === null) child.kill('SIGKILL');
  };
}

export function cliSnapshot(): Snapshot {
  return JSON.parse(sh(process.execPath, ['bin/bridgeport.js', 'snapshot', '--json'])) as Snapshot;
}

export interface LabServed extends Served {
  /** BRIDGEPORT_CONFIG_DIR of this serve: give it to the CLI to see and change the same mappings. */
  configDir: string;
}

/** The built CLI with the given config directory (e.g. the served one's). */
export function bridgeport(configDir: string, args: string[]): string {
  return execFileSync(process.execPath, ['bin/bridgeport.js', ...args], {
    cwd: root,
    encoding: 'utf8',
    env: { ...process.env, BRIDGEPORT_CONFIG_DIR: configDir },
  });
}

/** Who runs the served app: root (project e2e), or a normal user with --elevate whose polkit rule says YES (e2e-user). */
export type ServeAs = 'root' | 'user';

export const test = base.extend<{ served: LabServed }, { serveAs: ServeAs; polkitLab: PolkitLab | null }>({
  serveAs: ['root', { scope: 'worker', option: true }],
  // The desktop path's machinery (system bus, polkitd, policy, rules, throw-away users), once per
  // worker and undone when the worker ends, also after a failure (Playwright then starts a new one).
  polkitLab: [
    async ({ serveAs }, use) => {
      if (serveAs === 'root') return use(null);
      const lab = await startPolkitLab(`w${process.pid % 100000}`);
      try {
        await use(lab);
      } finally {
        await lab.stop();
      }
    },
    { scope: 'worker', timeout: 60_000 },
  ],
  // What the page itself reported (uncaught errors, console errors, failed requests), printed when a
  // test fails: CI keeps only the log, and a blank window says nothing on its own.
  page: async ({ page }, use, testInfo) => {
    const reported: string[] = [];
    page.on('pageerror', (error) => reported.push(`uncaught: ${error.message}`));
    page.on('console', (message) => {
      if (message.type() === 'error') reported.push(`console error: ${message.text()} (${message.location().url || 'no url'})`);
    });
    page.on('requestfailed', (request) => reported.push(`request failed: ${request.url()} (${request.failure()?.errorText ?? 'no reason'})`));
    await use(page);
    if (testInfo.status !== testInfo.expectedStatus && reported.length > 0) {
      console.log(`[page] what the page reported before the failure:\n  ${reported.slice(-20).join('\n  ')}`);
    }
  },
  served: async ({ polkitLab }, use) => {
    const configDir = mkdtempSync(join(tmpdir(), 'bridgeport-e2e-'));
    try {
      // The user's own config directory, as on a desktop (mkdtemp made it 0700).
      if (polkitLab) execFileSync('chown', [`${polkitLab.yes.name}:${polkitLab.yes.name}`, configDir]);
      const served = await serve({ BRIDGEPORT_CONFIG_DIR: configDir }, polkitLab ? polkitLab.yes : undefined);
      try {
        await use({ ...served, configDir });
      } finally {
        await served.stop();
      }
    } finally {
      rmSync(configDir, { recursive: true, force: true });
    }
  },
});

// What every browser test in the lab shares: the seed scenario, commands run from the repo, and a
// fresh `bridgeport serve` per test (the `served` fixture) with its own config directory (mappings
// and events never go to root's ~/.config), stopped and removed afterwards even on failure.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { test as base } from '@playwright/test';
import type { Snapshot } from '../../src/shared/model';
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

export const test = base.extend<{ served: LabServed }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument.
  served: async ({}, use) => {
    const configDir = mkdtempSync(join(tmpdir(), 'bridgeport-e2e-'));
    try {
      const served = await serve({ BRIDGEPORT_CONFIG_DIR: configDir });
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

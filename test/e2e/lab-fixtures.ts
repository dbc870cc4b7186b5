// What every browser test in the lab shares: the seed scenario, commands run from the repo, and a
// fresh `bridgeport serve` per test (the `served` fixture), stopped afterwards even on failure.
import { execFileSync } from 'node:child_process';
import { resolve } from 'node:path';
import { test as base } from '@playwright/test';
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

export const test = base.extend<{ served: Served }>({
  // eslint-disable-next-line no-empty-pattern -- Playwright fixtures must destructure their first argument.
  served: async ({}, use) => {
    const served = await serve();
    try {
      await use(served);
    } finally {
      await served.stop();
    }
  },
});

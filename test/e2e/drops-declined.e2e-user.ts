// Drops when the firewall cannot be read (project e2e-user only): `bridgeport serve --elevate` as a
// normal user whose polkit rule says NO. The topology and the Flows view's Drops section must say
// that drops cannot be seen, never "no drops".
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { expect, seedLab, test } from './lab-fixtures';
import { serve, type Served } from './serve';

let served: Served | null = null;
let configDir = '';

test.beforeAll(seedLab);

test.beforeEach(async ({ polkitLab }) => {
  if (!polkitLab) throw new Error('drops-declined.e2e-user.ts runs only in the e2e-user project (serveAs: user)');
  configDir = mkdtempSync(join(tmpdir(), 'bridgeport-e2e-drops-no-'));
  execFileSync('chown', [`${polkitLab.no.name}:${polkitLab.no.name}`, configDir]);
  served = await serve({ BRIDGEPORT_CONFIG_DIR: configDir }, polkitLab.no);
});

test.afterEach(async () => {
  await served?.stop();
  served = null;
  if (configDir) rmSync(configDir, { recursive: true, force: true });
});

test('polkit says NO: the topology and the Drops section say drops cannot be seen, not that there are none', async ({ page }) => {
  await page.goto(served!.url);
  await expect(page.getByTestId('node-container-w1')).toBeVisible();
  await expect(page.getByTestId('topology-drops-unreadable')).toBeVisible({ timeout: 15_000 });

  await page.getByTestId('tab-flows').click();
  const section = page.getByTestId('drops-section');
  await expect(section.getByTestId('drops-unreadable')).toBeVisible({ timeout: 15_000 });
  await expect(section.getByTestId('drops-unreadable')).toContainText(/could not be read/);
  await expect(section.getByTestId('drops-none')).toHaveCount(0);
  await expect(section.getByTestId('drops-table')).toHaveCount(0);
});

// Drops when the firewall cannot be read (project e2e-user only): `bridgeport serve --elevate` as a
// normal user whose polkit rule says NO. The topology and the Flows view's Drops section must say
// that drops cannot be seen, never "no drops".
import { expect, seedLab, test } from './lab-fixtures';
import { serveDeclinedForEach } from './declined-serve';

test.beforeAll(seedLab);
const declined = serveDeclinedForEach('drops-declined.e2e-user.ts');

test('polkit says NO: the topology and the Drops section say drops cannot be seen, not that there are none', async ({ page }) => {
  await page.goto(declined().url);
  await expect(page.getByTestId('node-container-w1')).toBeVisible();
  await expect(page.getByTestId('topology-drops-unreadable')).toBeVisible({ timeout: 15_000 });

  await page.getByTestId('tab-flows').click();
  const section = page.getByTestId('drops-section');
  await expect(section.getByTestId('drops-unreadable')).toBeVisible({ timeout: 15_000 });
  await expect(section.getByTestId('drops-unreadable')).toContainText(/could not be read/);
  await expect(section.getByTestId('drops-none')).toHaveCount(0);
  await expect(section.getByTestId('drops-table')).toHaveCount(0);
});

// Settings (issue 18): the language, colour scheme and grouping threshold are switched in the
// Settings panel, apply at once, and are remembered (settings.json of the served engine's config
// folder): a reload keeps them. The panel names the administrator rights and where the files are.
import { expect, seedLab, test } from './lab-fixtures';

test.beforeAll(seedLab);

test('switching to Korean and dark in Settings applies at once and survives a reload', async ({ page, served }, testInfo) => {
  await page.goto(served.url);
  await expect(page.getByTestId('tab-topology')).toHaveText('Topology');
  await page.getByTestId('open-settings').click();
  const drawer = page.getByTestId('settings-drawer');
  await expect(drawer.getByTestId('settings-config-dir')).toHaveText(served.configDir);
  await expect(drawer.getByTestId('settings-privilege')).toHaveAttribute('data-state', /root|elevated/);

  await drawer.getByTestId('settings-language').click();
  await page.getByRole('option', { name: '한국어' }).click();
  await expect(page.getByTestId('tab-topology')).toHaveText('토폴로지');
  await expect(page.locator('html')).toHaveAttribute('lang', 'ko');

  await drawer.getByText('어둡게').click();
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  await page.screenshot({ path: testInfo.outputPath('settings-ko-dark.png') });

  await page.reload();
  await expect(page.getByTestId('tab-topology')).toHaveText('토폴로지');
  await expect(page.locator('html')).toHaveAttribute('data-mantine-color-scheme', 'dark');
  // The graph's own controls follow the scheme (they stayed white before).
  await expect(page.locator('.react-flow')).toHaveClass(/dark/);

  // Back to the system's choices, for the other tests of this serve.
  await page.getByTestId('open-settings').click();
  await page.getByTestId('settings-language').click();
  await page.getByRole('option', { name: /^시스템 설정/ }).click();
  await expect(page.getByTestId('tab-topology')).toHaveText('Topology');
  await page.getByTestId('settings-drawer').getByText('System', { exact: true }).click();
});

test('the grouping threshold folds a network as soon as it is lowered', async ({ page, served }) => {
  await page.goto(served.url);
  await expect(page.getByTestId('node-container-w1')).toBeVisible();
  await expect(page.getByTestId('topology-folded')).toHaveCount(0);
  await page.getByTestId('open-settings').click();
  const threshold = page.getByTestId('settings-group-threshold');
  await threshold.fill('2');
  // docker0 holds w1, w2 and dual: more than 2.
  await expect(page.getByTestId('topology-folded')).toBeVisible();
  await threshold.fill('30');
  await expect(page.getByTestId('topology-folded')).toHaveCount(0);
});

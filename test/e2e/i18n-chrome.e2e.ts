// The window's own strings through the catalogues (issue 18): the header, the tabs and the Settings
// panel show no English outside them in the pseudo-locale, and read in Korean under ko-KR.
import { expect, seedLab, test } from './lab-fixtures';
import { englishLeft, pseudoUrl } from './i18n-support';

test.beforeAll(seedLab);

test('the header, tabs and Settings: every string comes from a catalogue', async ({ page, served }) => {
  await page.goto(pseudoUrl(served.url));
  await expect(page.getByTestId('tab-topology')).toHaveText('⟦Topology⟧');
  await page.getByTestId('open-settings').click();
  await expect(page.getByTestId('settings-config-dir')).toBeVisible();
  // Only the header and the drawer here; each view has its own check.
  const left = await englishLeft(page, 'header, [data-testid="settings-drawer"]');
  expect(left.strings).toEqual([]);
  expect(left.engineUntranslated).toBe(0);
});

test.describe('in Korean (ko-KR)', () => {
  test.use({ locale: 'ko-KR' });
  test('the system language picks Korean: tabs, header and Settings read in Korean', async ({ page, served }) => {
    await page.goto(served.url);
    await expect(page.getByTestId('tab-path')).toHaveText('패킷 경로');
    await expect(page.locator('html')).toHaveAttribute('lang', 'ko');
    await page.getByTestId('open-settings').click();
    await expect(page.getByTestId('settings-drawer')).toContainText('언어');
  });
});

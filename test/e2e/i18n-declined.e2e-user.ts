// The read-only banner after a declined prompt (project e2e-user only: `bridgeport serve --elevate`
// as a normal user whose polkit rule says NO), through the catalogues (issue 18): its title, text and
// Elevate button come from them in the pseudo-locale, and read in Korean under ko-KR.
import { expect, seedLab, test } from './lab-fixtures';
import { englishLeft, pseudoUrl } from './i18n-support';
import { serveDeclinedForEach } from './declined-serve';

test.beforeAll(seedLab);
const declined = serveDeclinedForEach('i18n-declined.e2e-user.ts');

test('declined: the banner, its reason line, the Elevate button and the topology’s drops line come from the catalogue', async ({ page }, testInfo) => {
  await page.goto(pseudoUrl(declined().url));
  const banner = page.getByTestId('privilege-banner');
  await expect(banner).toHaveAttribute('data-state', 'declined');
  await expect(banner).toContainText('⟦Read-only: administrator rights were declined⟧');
  await expect(page.getByTestId('privilege-reason')).toContainText('⟦Needs administrator rights⟧: ');
  await expect(page.getByTestId('elevate')).toHaveText('⟦Elevate⟧');
  await expect(page.getByTestId('elevate')).toHaveAttribute('aria-label', '⟦Elevate: ask for administrator rights⟧');
  // The topology cannot see drops without the firewall: it says so, from the catalogue.
  await expect(page.getByTestId('topology-drops-unreadable')).toHaveText('⟦Drops not shown: the firewall cannot be read⟧', { timeout: 15_000 });
  const left = await englishLeft(page, '[data-testid="privilege-banner"], [data-testid="topology"]');
  testInfo.annotations.push({ type: 'engine-untranslated', description: `declined banner: ${left.engineUntranslated}` });
  expect(left.engineTexts, `declined banner: engine sentences shown without their message`).toEqual([]);
  expect(left.strings).toEqual([]);
});

test.describe('in Korean (ko-KR)', () => {
  test.use({ locale: 'ko-KR' });
  test('declined: the banner and its button read in Korean', async ({ page }) => {
    await page.goto(declined().url);
    await expect(page.getByTestId('privilege-banner')).toContainText('관리자 권한 요청이 거절되었습니다');
    await expect(page.getByTestId('elevate')).toHaveText('권한 상승');
  });
});

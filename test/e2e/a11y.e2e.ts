// Issue 18: no serious or critical axe-core violation on any view, in either colour scheme and either
// language (the system's, through the browser's locale), in Debian's Chromium against `bridgeport serve`.
import AxeBuilder from '@axe-core/playwright';
import { expect, seedLab, test } from './lab-fixtures';

const VIEWS = ['topology', 'networks', 'namespaces', 'ports', 'nat', 'traffic', 'flows', 'path', 'dns', 'doctor'] as const;

test.beforeAll(seedLab);

for (const locale of ['en-US', 'ko-KR'] as const) {
  test.describe(locale, () => {
    test.use({ locale });
    for (const scheme of ['light', 'dark'] as const) {
      test(`every view in the ${scheme} scheme, ${locale}: no serious or critical axe violation`, async ({ page, served }) => {
        test.setTimeout(180_000);
        await page.emulateMedia({ colorScheme: scheme });
        await page.goto(served.url);
        // The first page of a fresh worker (Chromium, polkitd and the helper all starting): the same
        // patience as the other files' first click, which waits up to the test's timeout.
        await expect(page.getByTestId('tab-topology')).toBeVisible({ timeout: 30_000 });
        await expect(page.locator('html')).toHaveAttribute('lang', locale.slice(0, 2));
        const found: string[] = [];
        for (const view of VIEWS) {
          await page.getByTestId(`tab-${view}`).click();
          // Each view's first data has arrived when its loader is gone.
          await page.waitForTimeout(1500);
          const results = await new AxeBuilder({ page }).analyze();
          for (const v of results.violations.filter((x) => x.impact === 'serious' || x.impact === 'critical')) {
            found.push(`${view}: ${v.id} (${v.impact}) ×${v.nodes.length}: ${v.nodes.slice(0, 3).map((n) => `${n.target.join(' ')} — ${n.failureSummary?.split('\n').slice(1, 2).join('')}`).join(' | ')}`);
          }
        }
        expect(found, found.join('\n')).toEqual([]);
      });
    }

  });
}

// Issue 18, keyboard: every action reachable without a mouse, with a visible focus. The tabs, the
// Settings button and panel, and the topology's table — the keyboard's way to the graph's nodes:
// a container's row opens the same details as clicking its node. A layout worker that fails is said,
// with the table offered instead.
import type { Page } from '@playwright/test';
import { expect, seedLab, test } from './lab-fixtures';

test.beforeAll(seedLab);

/** The focused element shows a focus ring (an outline of some width). */
const focusVisible = (page: Page) =>
  page.evaluate(() => {
    const el = (globalThis as unknown as { document: { activeElement: Element | null } }).document.activeElement;
    if (!el) return false;
    const style = (globalThis as unknown as { getComputedStyle: (e: Element) => { outlineStyle: string; outlineWidth: string } }).getComputedStyle(el);
    return style.outlineStyle !== 'none' && parseFloat(style.outlineWidth) > 0;
  });

test('tabs, Settings and the topology table work from the keyboard, each focus visible', async ({ page, served }) => {
  await page.goto(served.url);
  await expect(page.getByTestId('node-container-w1')).toBeVisible();

  // The view tabs: focus the current one, arrow to the next, Enter shows it.
  await page.getByTestId('tab-topology').focus();
  await page.keyboard.press('Tab');
  await page.keyboard.press('Shift+Tab');
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press('ArrowRight');
  await expect(page.getByTestId('tab-networks')).toBeFocused();
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tab-networks')).toHaveAttribute('aria-selected', 'true');
  await page.keyboard.press('ArrowLeft');
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('tab-topology')).toHaveAttribute('aria-selected', 'true');

  // Settings: the icon button has a name, opens with Enter, closes with Escape.
  await expect(page.getByTestId('open-settings')).toHaveAccessibleName('Settings');
  await page.getByTestId('open-settings').focus();
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('settings-drawer').getByTestId('settings-language')).toBeVisible();
  await page.keyboard.press('Escape');
  await expect(page.getByTestId('settings-language')).toHaveCount(0);

  // The table: a container's name is a button that opens its details, as its node does.
  await page.getByText('Table', { exact: true }).click();
  const w1 = page.getByTestId('topology-row-button-w1');
  await expect(w1).toHaveAccessibleName('Show the details of w1');
  // Reached with Tab from the display switch, as a keyboard user would.
  for (let i = 0; i < 40 && !(await w1.evaluate((el) => el === (el.ownerDocument as unknown as { activeElement: unknown }).activeElement)); i++) await page.keyboard.press('Tab');
  await expect(w1).toBeFocused();
  expect(await focusVisible(page)).toBe(true);
  await page.keyboard.press('Enter');
  await expect(page.getByTestId('details')).toContainText('w1');
});

test('a layout worker that cannot load is said, and the table is offered', async ({ page, served }) => {
  await page.route(/elk-worker[^/]*\.js/, (route) => route.abort());
  await page.goto(served.url);
  await expect(page.getByTestId('layout-failed')).toContainText('The graph could not be laid out');
  await page.getByTestId('layout-failed-table').click();
  await expect(page.getByTestId('topology-row-w1')).toBeVisible();
});

// The window's code arrives in chunks from `bridgeport serve`. Chromium aborts requests in flight
// when the machine's network changes (ERR_NETWORK_CHANGED: a container starting adds a veth, a VPN
// comes up), and CI saw a whole window stay blank that way. Here the first fetches of a chunk fail
// for real in Chromium (the route aborts them); the window and the view load all the same, and a view
// whose code never arrives says so in its place while the other tabs still open.
import type { Page } from '@playwright/test';
import { expect, test } from './lab-fixtures';

/** Fails the first `failures` requests whose URL matches (every one with Infinity); counts them all. */
async function failFirst(page: Page, pattern: string, failures: number): Promise<() => number> {
  let requests = 0;
  await page.route(pattern, (route) => {
    requests += 1;
    return requests <= failures ? route.abort('connectionreset') : route.continue();
  });
  return () => requests;
}

test('the window loads although the first two fetches of its bundle failed', async ({ page, served }) => {
  const requests = await failFirst(page, '**/assets/main-*.js', 2);
  await page.goto(served.url);
  await expect(page.getByTestId('tab-topology')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('topology')).toBeVisible();
  expect(requests()).toBe(3);
});

test('a view loads although the first two fetches of its code failed', async ({ page, served }) => {
  const requests = await failFirst(page, '**/assets/DnsView-*.js', 2);
  await page.goto(served.url);
  await page.getByTestId('tab-dns').click();
  await expect(page.getByTestId('dns-host')).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('view-load-failed')).toHaveCount(0);
  expect(requests()).toBe(3);
});

test('a view whose code never arrives says so in its place, and the other tabs still open', async ({ page, served }) => {
  const requests = await failFirst(page, '**/assets/DoctorView-*.js', Infinity);
  await page.goto(served.url);
  await page.getByTestId('tab-doctor').click();
  const failed = page.getByTestId('view-load-failed');
  await expect(failed).toBeVisible({ timeout: 30_000 });
  await expect(failed).toContainText('This view could not load');
  await expect(failed.getByRole('button', { name: 'Reload' })).toBeVisible();
  // The idle prefetch may have asked once too; the view itself asked four times.
  expect(requests()).toBeGreaterThanOrEqual(4);
  await page.getByTestId('tab-dns').click();
  await expect(page.getByTestId('dns-host')).toBeVisible();
  await expect(failed).toHaveCount(0);
});

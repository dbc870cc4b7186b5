// Live flows in the GUI (issue 17), in Debian's Chromium against `bridgeport serve` inside the lab:
// a LAN client opens a connection to w1's published 8080 and holds it (busybox httpd waits for its
// request); the Flows view shows it LAN → w1 through host port 8080 as DNAT, pushed by the engine's
// flow events. When the client is killed the row fades and goes. Under e2e-user the same runs as a
// normal user whose flows are read by the privileged helper.
import type { Locator, Page } from '@playwright/test';
import { expect, holdLanConnection, LAN_HOST_IP, seedLab, sh, test } from './lab-fixtures';

const LAN_IP = LAN_HOST_IP;

test.beforeAll(() => {
  seedLab();
});


/** The open LAN → w1 rows through 8080 (an earlier test's connection may still be fading). */
const lanToW1 = (page: Page): Locator => page.locator('[data-testid="flow-row"][data-from="LAN"][data-to="w1"][data-host-port="8080"][data-ended="false"]');

test('the Flows view shows a LAN connection to w1 through 8080 as DNAT while it is open', async ({ page, served }) => {
  await page.goto(served.url);
  await page.getByTestId('tab-flows').click();
  await expect(page.getByTestId('flows-table')).toBeVisible();
  // Only this connection's port: 8080 as a port, not 80.
  await page.getByTestId('flows-filter-text').fill('8080');
  await expect(lanToW1(page)).toHaveCount(0);
  // The engine follows conntrack's events only from a moment after the view subscribed: short
  // fetches until one shows up (its row, fading) prove the events flow before the held connection.
  const anyLanToW1 = page.locator('[data-testid="flow-row"][data-from="LAN"][data-to="w1"][data-host-port="8080"]');
  await expect(async () => {
    // A 404 is as good as a page: only the connection counts.
    sh('bash', ['-c', `ip netns exec "$BP_LAB_LAN_NS" timeout 5 busybox wget -q -O /dev/null http://${LAN_IP}:8080/ || true`]);
    await expect(anyLanToW1).not.toHaveCount(0, { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await expect(anyLanToW1).toHaveCount(0, { timeout: 10_000 });

  const stop = holdLanConnection();
  try {
    const row = lanToW1(page);
    await expect(row).toHaveCount(1, { timeout: 15_000 });
    await expect(row.getByTestId('flow-nat')).toHaveText('DNAT');
    await expect(row.getByTestId('flow-from')).toContainText('198.51.100.');
    await expect(row.getByTestId('flow-to')).toContainText(':80');
    await expect(row.getByTestId('flow-host-port')).toHaveText('8080');
    await expect(row).toContainText('tcp');
  } finally {
    stop();
  }
  // Its end: faded a moment (not asserted: it may go quicker than a poll), then gone.
  await expect(anyLanToW1).toHaveCount(0, { timeout: 15_000 });
});

test('the Flows view says when conntrack accounting is off, and how to switch it on', async ({ page, served }) => {
  await page.goto(served.url);
  await page.getByTestId('tab-flows').click();
  await expect(page.getByTestId('flows-table')).toBeVisible();
  const accountingOff = page.getByTestId('flows-limitation').filter({ hasText: 'conntrack accounting is off' });
  if (sh('sysctl', ['-n', 'net.netfilter.nf_conntrack_acct']).trim() === '0') {
    await expect(accountingOff).toHaveCount(1);
    await expect(accountingOff).toContainText('net.netfilter.nf_conntrack_acct=1');
  } else {
    await expect(accountingOff).toHaveCount(0);
  }
});

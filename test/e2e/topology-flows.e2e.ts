// Live flow lines on the topology (issue 17), in Debian's Chromium against `bridgeport serve` inside
// the lab: a LAN client holds a connection to w1's published 8080 (busybox nc with its stdin a pipe
// sends nothing and waits); a flow line ends at w1's container node while it is open, fades and goes
// after the client is killed, and the toolbar's Flows switch hides the lines.
import type { Locator, Page } from '@playwright/test';
import { cliSnapshot, expect, holdLanConnection, LAN_HOST_IP, seedLab, sh, test } from './lab-fixtures';

const LAN_IP = LAN_HOST_IP;

test.beforeAll(() => {
  seedLab();
});


const w1Node = () => `container:${cliSnapshot().containers.find((c) => c.name === 'w1')!.id}`;
const linesTo = (page: Page, node: string, ended?: boolean): Locator =>
  page.locator(`[data-testid="flow-line"][data-target="${node}"]${ended === undefined ? '' : `[data-ended="${ended}"]`}`);

test('a LAN connection to w1 through 8080 is a flow line to w1 while open; it fades and goes after; the switch hides it', async ({ page, served }) => {
  const w1 = w1Node();
  await page.goto(served.url);
  await expect(page.getByTestId('node-container-w1')).toBeVisible();
  await expect(page.getByTestId('toggle-flow-lines')).toBeChecked();
  // The engine follows conntrack's events only from a moment after the view subscribed: short
  // fetches until one draws a line prove the events flow before the held connection.
  await expect(async () => {
    sh('bash', ['-c', `ip netns exec "$BP_LAB_LAN_NS" timeout 5 busybox wget -q -O /dev/null http://${LAN_IP}:8080/ || true`]);
    await expect(linesTo(page, w1)).not.toHaveCount(0, { timeout: 2000 });
  }).toPass({ timeout: 20_000 });
  await expect(linesTo(page, w1)).toHaveCount(0, { timeout: 15_000 });

  const stop = holdLanConnection();
  try {
    const line = linesTo(page, w1, false);
    await expect(line).toHaveCount(1, { timeout: 15_000 });
    // From the host link holding the address the client connected to (the lab's uplink), not from w1 itself.
    await expect(line).toHaveAttribute('data-source', /^link:/);
    await expect(line.locator('title')).toHaveText(/flows? · via 8080/);

    // Switched off, the lines go (and the flows subscription with them); on again, it is back.
    await page.getByTestId('toggle-flow-lines').uncheck();
    await expect(page.locator('[data-testid="flow-line"]')).toHaveCount(0);
    await page.getByTestId('toggle-flow-lines').check();
    await expect(linesTo(page, w1, false)).toHaveCount(1, { timeout: 15_000 });
  } finally {
    stop();
  }
  // Its end: faded while the flow list keeps it (3 s), then gone.
  await expect(linesTo(page, w1, true)).toHaveCount(1, { timeout: 15_000 });
  await expect(linesTo(page, w1)).toHaveCount(0, { timeout: 15_000 });
});

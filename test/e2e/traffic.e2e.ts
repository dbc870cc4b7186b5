// Live traffic in the GUI, in Debian's Chromium against `bridgeport serve` inside the lab: a LAN
// client pulls a 10 MB file from w1 through its published port 8080 again and again, and the
// Traffic view's chart for w1 rises (w1 sends: its tx), and w1 tops the talkers.
import { spawn } from 'node:child_process';
import { expect, seedLab, sh, test } from './lab-fixtures';

test.beforeAll(() => {
  seedLab();
  sh('docker', ['exec', 'w1', 'sh', '-c', 'dd if=/dev/zero of=/www/big bs=1M count=10 2>/dev/null']);
});

test.afterAll(() => {
  sh('docker', ['exec', 'w1', 'rm', '-f', '/www/big']);
});

test("the Traffic view's chart for w1 rises during a transfer", async ({ page, served }) => {
  await page.goto(served.url);
  await page.getByTestId('tab-traffic').click();
  await page.getByTestId('traffic-container').click();
  await page.getByRole('option', { name: 'w1', exact: true }).click();
  const chart = page.getByTestId('traffic-chart');
  await expect(chart).toHaveAttribute('data-points', /\d+/);
  const before = Number(await chart.getAttribute('data-last-tx'));
  expect(before).toBeLessThan(1_000_000);
  // A LAN client pulling through the published port for ~6 s, in the background.
  const pull = spawn('bash', ['-c', `for i in $(seq 1 30); do ip netns exec "$BP_LAB_LAN_NS" timeout 10 busybox wget -q -O /dev/null http://198.51.100.1:8080/big; done`], { stdio: 'ignore', detached: true });
  try {
    await expect.poll(async () => Number(await chart.getAttribute('data-last-tx')), { timeout: 15_000 }).toBeGreaterThan(1_000_000);
    await expect(page.getByTestId('traffic-top').locator('tbody tr').first()).toHaveAttribute('data-testid', 'traffic-row-w1');
    await expect(page.getByTestId('traffic-rate-w1')).toContainText('MB/s');
  } finally {
    // The whole group: the loop and the wget it is running.
    if (pull.pid) process.kill(-pull.pid, 'SIGTERM');
  }
});

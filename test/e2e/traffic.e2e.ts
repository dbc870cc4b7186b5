// Live traffic in the GUI, in Debian's Chromium against `bridgeport serve` inside the lab: a LAN
// client pulls a 10 MB file from w1 through its published port 8080 again and again for a few
// seconds, and the Traffic view's chart for w1 rises (w1 sends: its tx), and w1 tops the talkers;
// on the topology, w1's cable shows the rate and thickens.
import { spawn } from 'node:child_process';
import { cliSnapshot, expect, seedLab, sh, test } from './lab-fixtures';

test.beforeAll(() => {
  seedLab();
  sh('docker', ['exec', 'w1', 'sh', '-c', 'dd if=/dev/zero of=/www/big bs=1M count=10 2>/dev/null']);
});

test.afterAll(() => {
  sh('docker', ['exec', 'w1', 'rm', '-f', '/www/big']);
});

/** A LAN client pulling /big through the published port for `seconds`, in the background (its own process group). */
function pullFromW1(seconds: number) {
  const loop = [
    `end=$((SECONDS + ${seconds}))`,
    'while [ "$SECONDS" -lt "$end" ]; do',
    '  ip netns exec "$BP_LAB_LAN_NS" timeout 10 busybox wget -q -O /dev/null http://198.51.100.1:8080/big || sleep 0.2',
    'done',
  ].join('\n');
  const child = spawn('bash', ['-c', loop], { stdio: 'ignore', detached: true });
  return () => {
    // The whole group: the loop and the wget it is running (gone already when the time is up).
    try {
      if (child.pid) process.kill(-child.pid, 'SIGTERM');
    } catch {
      // ESRCH: it ended by itself.
    }
  };
}

test("the Traffic view's chart for w1 rises during a transfer", async ({ page, served }) => {
  await page.goto(served.url);
  await page.getByTestId('tab-traffic').click();
  await page.getByTestId('traffic-container').click();
  await page.getByRole('option', { name: 'w1', exact: true }).click();
  await expect(page.getByTestId('traffic-container')).toHaveValue('w1');
  const chart = page.getByTestId('traffic-chart');
  await expect(chart).toHaveAttribute('data-points', /^[1-9]\d*$/);
  const before = Number(await chart.getAttribute('data-last-tx'));
  expect(before).toBeLessThan(1_000_000);
  const stop = pullFromW1(6);
  try {
    // Bytes per second, as plotted: w1 sends the file.
    await expect.poll(async () => Number(await chart.getAttribute('data-last-tx')), { timeout: 15_000 }).toBeGreaterThan(1_000_000);
    await expect(page.getByTestId('traffic-row-w1')).toBeVisible();
    await expect(page.getByTestId('traffic-top').locator('tbody tr').first()).toHaveAttribute('data-testid', 'traffic-row-w1');
    await expect(page.getByTestId('traffic-rate-w1')).toContainText('MiB/s');
  } finally {
    stop();
  }
});

test("the topology's cable to w1 shows its rate and thickens during a transfer", async ({ page, served }) => {
  const veth = cliSnapshot().containers.find((c) => c.name === 'w1')!.endpoints[0]!.hostVeth!;
  await page.goto(served.url);
  await expect(page.getByTestId('node-container-w1')).toBeVisible();
  const cable = page.locator(`.react-flow__edge[data-id="veth:${veth}"] path.react-flow__edge-path`);
  // The width React Flow writes inline from the edge's style.
  const width = async () => Number(/stroke-width:\s*([\d.]+)/.exec((await cable.getAttribute('style')) ?? '')?.[1] ?? Number.NaN);
  const idle = await width();
  const stop = pullFromW1(6);
  try {
    // Into w1 (↓) and out of it (↑), from w1's side: it sends the file.
    await expect(page.getByTestId(`edge-traffic-veth:${veth}`)).toContainText(/↑ [\d.]+ MiB\/s/, { timeout: 15_000 });
    expect(await width()).toBeGreaterThan(idle + 3);
  } finally {
    stop();
  }
  // Idle again: the label goes and the cable thins.
  await expect(page.getByTestId(`edge-traffic-veth:${veth}`)).toHaveCount(0, { timeout: 15_000 });
});

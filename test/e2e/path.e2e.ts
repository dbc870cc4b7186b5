// The packet path view in Debian's Chromium against `bridgeport serve`, inside the lab.
import { LAN_HOST_IP, expect, holdLanConnection, seedLab, sh, test } from './lab-fixtures';

test.beforeAll(seedLab);

test('tracing host:8080 from the LAN shows each step, the DNAT rule, and lights up the way to w1', async ({ page, served }, testInfo) => {
  await page.goto(served.url);
  await page.getByTestId('tab-path').click();
  await page.getByTestId('path-destination').fill('198.51.100.1:8080');
  await page.getByTestId('path-trace').click();
  await expect(page.getByTestId('path-outcome')).toHaveAttribute('data-kind', 'container');
  await expect(page.getByTestId('path-outcome')).toContainText('Reaches container w1 on eth0');
  await expect(page.getByTestId('path-steps')).toContainText('nat DOCKER');
  await expect(page.getByTestId('path-steps')).toContainText('DNAT');
  await expect(page.getByTestId('node-container-w1')).toHaveAttribute('data-highlighted', 'true');
  await expect(page.getByTestId('node-container-w1')).toBeInViewport();
  await expect(page.getByTestId('node-bridge-docker0')).toHaveAttribute('data-highlighted', 'true');
  await expect(page.getByTestId('node-container-w2')).not.toHaveAttribute('data-highlighted', 'true');
  await page.screenshot({ path: testInfo.outputPath('path.png') });
  await testInfo.attach('path', { path: testInfo.outputPath('path.png'), contentType: 'image/png' });
});

test('a bad destination is named, and nothing is traced', async ({ page, served }) => {
  await page.goto(`${served.url}#path`);
  await page.getByTestId('path-destination').fill('not-an-address');
  await page.getByTestId('path-trace').click();
  await expect(page.getByText('Type a destination as ip:port')).toBeVisible();
  await expect(page.getByTestId('path-outcome')).toHaveCount(0);
});

test('Trace in the kernel from this host: the kernel’s own steps, the DNAT rule, and no difference from the computed path', async ({ page, served }, testInfo) => {
  await page.goto(`${served.url}#path`);
  await page.getByTestId('path-destination').fill('198.51.100.1:8080');
  await page.getByTestId('path-from').getByText('From this host').click();
  await page.getByTestId('path-kernel-trace').click();
  const trace = page.getByTestId('kernel-trace');
  await expect(trace).toBeVisible({ timeout: 30_000 });
  await expect(trace).toHaveAttribute('data-outcome', 'passed');
  await expect(page.getByTestId('kernel-trace-summary')).toContainText('The kernel took the computed path');
  await expect(page.getByTestId('kernel-steps')).toContainText('nat DOCKER');
  await expect(page.getByTestId('kernel-steps')).toContainText('--to-destination 172.17.0.2:80');
  await expect(page.getByTestId('kernel-differences')).toHaveCount(0);
  // The computed path is still shown under it, for the same question.
  await expect(page.getByTestId('path-outcome')).toHaveAttribute('data-kind', 'container');
  await page.screenshot({ path: testInfo.outputPath('kernel-trace.png') });
  await testInfo.attach('kernel-trace', { path: testInfo.outputPath('kernel-trace.png'), contentType: 'image/png' });
});

test('Trace in the kernel from the LAN waits for a real packet and shows where it came from', async ({ page, served }) => {
  await page.goto(`${served.url}#path`);
  await page.getByTestId('path-destination').fill(`${LAN_HOST_IP}:8080`);
  await page.getByTestId('path-kernel-trace').click();
  await expect(page.getByTestId('kernel-trace-waiting')).toContainText('Waiting up to 10 s for a packet from the LAN');
  // Armed once Bridgeport's trace table exists in the lab host's ruleset.
  await expect.poll(() => sh('nft', ['list', 'tables']).includes('bridgeport_trace_'), { timeout: 15_000 }).toBe(true);
  const release = holdLanConnection(8080);
  try {
    await expect(page.getByTestId('kernel-trace')).toBeVisible({ timeout: 20_000 });
    await expect(page.getByTestId('kernel-trace-summary')).toContainText('Traced packet: 198.51.100.2:');
    await expect(page.getByTestId('kernel-trace-summary')).toContainText('The kernel took the computed path');
  } finally {
    release();
  }
  expect(sh('nft', ['list', 'tables'])).not.toContain('bridgeport_trace_');
});

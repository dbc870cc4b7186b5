// The packet path view in Debian's Chromium against `bridgeport serve`, inside the lab.
import { expect, seedLab, test } from './lab-fixtures';

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

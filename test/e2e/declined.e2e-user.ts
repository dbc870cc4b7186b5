// The desktop path when the prompt is dismissed (project e2e-user only): `bridgeport serve --elevate`
// as a normal user whose polkit rule says NO. The app must stay read-only and say so, and nothing it
// shows may be confidently wrong: no delivery to a host process, no host process blamed for a port,
// no "no NAT rules" where it simply could not read them.
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { expect, root, seedLab, test } from './lab-fixtures';
import { serveDeclinedForEach } from './declined-serve';

/** Whether the built renderer has this test id (the privilege banner lands in a parallel change). */
function builtRendererHas(testId: string): boolean {
  const assets = join(root, 'out/renderer/assets');
  return readdirSync(assets)
    .filter((f) => f.endsWith('.js'))
    .some((f) => readFileSync(join(assets, f), 'utf8').includes(`"data-testid":"${testId}"`));
}

test.beforeAll(seedLab);
const declined = serveDeclinedForEach('declined.e2e-user.ts');

test('polkit says NO: read-only, and the path, ports and NAT views claim nothing they could not see', async ({ page }, testInfo) => {
  await page.goto(declined().url);
  // The topology still shows what a docker-group user may read.
  await expect(page.getByTestId('node-container-w1')).toBeVisible();
  if (builtRendererHas('privilege-banner')) {
    await expect(page.getByTestId('privilege-banner')).toBeVisible();
    if (builtRendererHas('elevate')) await expect(page.getByTestId('elevate')).toBeVisible();
  } else {
    testInfo.annotations.push({ type: 'note', description: 'this build has no privilege banner yet: only the views are checked' });
  }

  // Packet path: host:8080 from the LAN is DNAT'ed to w1 by a rule it could not read. It must not
  // say a host process gets it, nor that nothing listens.
  await page.getByTestId('tab-path').click();
  await page.getByTestId('path-destination').fill('198.51.100.1:8080');
  await page.getByTestId('path-trace').click();
  const outcome = page.getByTestId('path-outcome');
  await expect(outcome).toBeVisible();
  const kind = await outcome.getAttribute('data-kind');
  expect(kind, `path outcome: ${await outcome.innerText()}`).toMatch(/^(unknown|container)$/);
  await expect(outcome).not.toContainText(/host process|nothing listens|no listener/i);

  // Ports: w1's port is listed with Docker's own knowledge; its listener (docker-proxy, root's) is
  // not blamed as a host process taking the port, and the unread NAT rules are said to be unknown.
  await page.getByTestId('tab-ports').click();
  const hints = page.getByTestId('port-hints-8080-tcp');
  await expect(page.getByTestId('port-row-8080-tcp')).toContainText('w1');
  await expect(hints).toContainText('could not be read');
  await expect(hints).not.toContainText(/also taken by/);

  // NAT: says it cannot read the rules (and why), and shows no rule as if that were all.
  await page.getByTestId('tab-nat').click();
  await expect(page.getByTestId('nat-warning').first()).toContainText(/could not be read.*needs root/);
  await expect(page.locator('[data-testid^="nat-rule-"]')).toHaveCount(0);
  const shot = testInfo.outputPath('declined-nat.png');
  await page.screenshot({ path: shot });
  await testInfo.attach('declined-nat', { path: shot, contentType: 'image/png' });
});

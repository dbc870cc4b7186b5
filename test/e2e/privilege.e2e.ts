// The read-only banner (issue 14) in Debian's Chromium against `bridgeport serve`, inside the lab.
// With the rights (root; or, in project e2e-user, a user whose --elevate polkit said YES at start)
// there is no banner from the first paint. Without them — a root process that gave up its
// capabilities, which reads exactly like a user and cannot ask — the banner says so, why, and
// offers no Elevate button that could not work; the path view then claims no destination.
// (Declined prompts, with the Elevate button, are test/e2e/declined.e2e-user.ts's.)
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from '@playwright/test';
import { expect, seedLab, test } from './lab-fixtures';
import { serve } from './serve';

test.beforeAll(seedLab);

/** privilege.get over the page's own authenticated socket (the token is in the served URL). */
async function privilegeOf(page: Page, url: string): Promise<unknown> {
  const token = new URL(url).hash.replace(/^#token=/, '');
  const wsUrl = `${new URL(url).origin.replace(/^http/, 'ws')}/ws`;
  return page.evaluate(
    ({ wsUrl, token }) =>
      new Promise((resolve, reject) => {
        const ws = new WebSocket(wsUrl);
        ws.onopen = () => {
          ws.send(JSON.stringify({ type: 'hello', token }));
          ws.send(JSON.stringify({ type: 'invoke', id: 1, method: 'privilege.get', input: {} }));
        };
        ws.onmessage = (event) => {
          const message = JSON.parse(String(event.data)) as { type: string; id?: number; value?: unknown };
          if (message.type === 'result' && message.id === 1) {
            resolve(message.value);
            ws.close();
          }
        };
        ws.onclose = (event) => reject(new Error(`socket closed ${event.code}`));
      }),
    { wsUrl, token },
  );
}

test('with administrator rights there is no read-only banner', async ({ page, served, serveAs }) => {
  await page.goto(served.url);
  await expect(page.getByTestId('node-container-w1')).toBeVisible();
  expect(await privilegeOf(page, served.url)).toEqual({ state: serveAs === 'root' ? 'root' : 'elevated', reason: null });
  await expect(page.getByTestId('privilege-banner')).toHaveCount(0);
  await expect(page.getByTestId('elevate')).toHaveCount(0);
});

test('without them the banner says what is not shown and why, offers no Elevate that cannot work, and the path claims nothing', async ({ page }, testInfo) => {
  const configDir = mkdtempSync(join(tmpdir(), 'bridgeport-e2e-nocaps-'));
  // Root's uid, none of root's capabilities: what a user reads (the Docker socket is still root's to open).
  const served = await serve({ BRIDGEPORT_CONFIG_DIR: configDir }, undefined, ['setpriv', '--inh-caps=-all', '--ambient-caps=-all', '--bounding-set=-all', '--']);
  const { url } = served;
  try {
    await page.goto(url);
    await expect(page.getByTestId('node-container-w1')).toBeVisible();
    const state = (await privilegeOf(page, url)) as { state: string; reason: string };
    expect(state.state).toBe('unavailable');
    expect(state.reason).toMatch(/sudo/);

    const banner = page.getByTestId('privilege-banner');
    await expect(banner).toBeVisible();
    await expect(banner).toHaveAttribute('data-state', 'unavailable');
    await expect(banner).toContainText('veth cables, NAT rules, listening processes and container DNS files are not shown');
    await expect(page.getByTestId('privilege-reason')).toContainText(/sudo/);
    await expect(page.getByTestId('privilege-reason')).toHaveAttribute('data-kind', 'needs-privilege');
    await expect(page.getByTestId('elevate')).toHaveCount(0);
    const shot = testInfo.outputPath('read-only-banner.png');
    await page.screenshot({ path: shot });
    await testInfo.attach('read-only-banner', { path: shot, contentType: 'image/png' });

    // host:8080 is DNAT'ed to w1 by a rule it cannot read: the outcome is unknown, not a host socket.
    await page.getByTestId('tab-path').click();
    await page.getByTestId('path-destination').fill('198.51.100.1:8080');
    await page.getByTestId('path-trace').click();
    await expect(page.getByTestId('path-outcome')).toHaveAttribute('data-kind', 'unknown');
    // The banner stays on every view.
    await expect(banner).toBeVisible();
  } finally {
    await served.stop();
    rmSync(configDir, { recursive: true, force: true });
  }
});

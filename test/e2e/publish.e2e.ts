// Publishing ports on running containers from the GUI, in Debian's Chromium against `bridgeport
// serve` inside the lab with real Docker: the Ports view's form publishes host:9393 on w1 and a LAN
// client gets w1's page; a port Docker already publishes is refused in the engine's words and
// nothing changes; Unpublish takes it away again. From the details panel the form comes with the
// container chosen, asks for the network of a container on two, and a range is unpublished whole.
import type { Page, TestInfo } from '@playwright/test';
import { bridgeport, expect, seedLab, sh, test } from './lab-fixtures';
import { clickUntil } from './graph-clicks';
import type { MappingStatus } from '../../src/shared/publish-model';

test.beforeAll(seedLab);

/** A LAN client fetching the host's LAN address. `timeout`, not `wget -T` (busybox 1.35 segfaults on it). */
function fetchFromLan(port: number): string {
  return sh('ip', ['netns', 'exec', process.env.BP_LAB_LAN_NS!, 'timeout', '5', 'busybox', 'wget', '-q', '-O', '-', `http://198.51.100.1:${port}/`]);
}

function mappings(configDir: string): MappingStatus[] {
  return JSON.parse(bridgeport(configDir, ['mappings', '--json'])) as MappingStatus[];
}

/** Whatever a failed run left published goes, through the CLI and the same mappings file. */
function unpublishAll(configDir: string): void {
  for (const m of mappings(configDir)) {
    bridgeport(configDir, ['unpublish', m.container.id, `${m.hostIp ? `${m.hostIp}:` : ''}${m.hostPort}/${m.protocol}`]);
  }
}

function containerIp(name: string, network = 'bridge'): string {
  return sh('docker', ['inspect', '-f', `{{(index .NetworkSettings.Networks "${network}").IPAddress}}`, name]).trim();
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  // Transitions finished: a button's loader fading out is not part of what is shown.
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function pick(page: Page, field: string, option: string): Promise<void> {
  await page.getByTestId(field).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

test('the Ports view publishes host:9393 on w1, refuses a port Docker holds, and unpublishes it', async ({ page, served }, testInfo) => {
  try {
    await page.goto(served.url);
    await page.getByTestId('tab-ports').click();
    await expect(page.getByTestId('port-row-8080-tcp')).toContainText('docker');
    // Docker's own ports cannot be unpublished live: no button on its rows.
    await expect(page.getByTestId('unpublish-8080-tcp')).toHaveCount(0);
    const rowsBefore = await page.locator('[data-testid^="port-row-"]').count();

    await page.getByTestId('publish-port').click();
    const modal = page.getByTestId('publish-modal');
    await expect(modal).toBeVisible();
    // Obvious mistakes are caught in the form, per field, without asking the engine.
    await page.getByTestId('publish-host-port').fill('99999');
    await page.getByTestId('publish-container-port').fill('80-81');
    await page.getByTestId('publish-submit').click();
    await expect(modal).toContainText('Pick a container');
    await expect(modal).toContainText('Ports go from 1 to 65535');
    await expect(page.getByTestId('publish-error')).toHaveCount(0);

    // Only running containers on a bridge network are offered.
    await page.getByTestId('publish-container').click();
    for (const offered of ['w1', 'w2', 'dual', 'i1']) await expect(page.getByRole('option', { name: offered, exact: true })).toBeVisible();
    for (const hidden of ['hostnet', 'nonet']) await expect(page.getByRole('option', { name: hidden, exact: true })).toHaveCount(0);
    await page.getByRole('option', { name: 'w1', exact: true }).click();
    // w1 is on one network: nothing to choose.
    await expect(page.getByTestId('publish-network')).toHaveCount(0);
    await expect(page.getByTestId('publish-host-ip')).toHaveValue('All addresses');
    await page.getByTestId('publish-host-ip').click();
    await expect(page.getByRole('option', { name: '127.0.0.1 (this host only)' })).toBeVisible();
    await expect(page.getByRole('option', { name: /^198\.51\.100\.1 / })).toBeVisible();
    await page.getByRole('option', { name: 'All addresses' }).click();
    await page.getByTestId('publish-host-port').fill('9393');
    await page.getByTestId('publish-container-port').fill('80');
    await page.getByTestId('publish-protocol').getByText('TCP').click();
    await page.getByTestId('publish-submit').click();

    await expect(modal).toHaveCount(0);
    await expect(page.getByTestId('publish-confirmation')).toContainText('Host port 9393/tcp on all addresses now leads to w1 port 80');
    const row = page.getByTestId('port-row-9393-tcp');
    await expect(row).toContainText('0.0.0.0:9393/tcp');
    await expect(row).toContainText('w1');
    await expect(row).toContainText(`${containerIp('w1')}:80`);
    await expect(row).toContainText('bridgeport');
    expect(fetchFromLan(9393)).toContain('bridgeport lab');
    await expect(page.getByTestId('port-event').first()).toHaveAttribute('data-kind', 'published');
    await expect(page.getByTestId('port-events')).toContainText('published 9393→80/tcp on w1');
    await screenshot(page, testInfo, 'published');

    // 8080 is Docker's for w1: the engine says so, the form stays open, nothing changes.
    await page.getByTestId('publish-port').click();
    await pick(page, 'publish-container', 'w1');
    await page.getByTestId('publish-host-port').fill('8080');
    await page.getByTestId('publish-container-port').fill('80');
    await page.getByTestId('publish-submit').click();
    await expect(page.getByTestId('publish-error')).toContainText('Host port 8080/tcp is already published by Docker for container w1');
    // A refusal, said as one (nothing was changed), not as a failure.
    await expect(page.getByTestId('publish-error')).toHaveAttribute('data-kind', 'refused');
    await expect(page.getByTestId('publish-error')).toContainText('refused, nothing was changed');
    await expect(modal).toBeVisible();
    await expect(page.getByTestId('publish-submit')).toBeEnabled();
    await screenshot(page, testInfo, 'refused');
    await page.getByTestId('publish-cancel').click();
    await expect(modal).toHaveCount(0);
    await expect(page.locator('[data-testid^="port-row-"]')).toHaveCount(rowsBefore + 1);
    expect(mappings(served.configDir).map((m) => `${m.hostPort}/${m.protocol} ${m.container.name}`)).toEqual(['9393/tcp w1']);
    await expect(page.getByTestId('port-event').first()).toHaveAttribute('data-kind', 'refused');

    // Unpublish asks first, then the row and the way in are gone.
    await page.getByTestId('unpublish-9393-tcp').click();
    await expect(page.getByTestId('unpublish-dialog-9393-tcp')).toContainText('Stop publishing 9393/tcp on all addresses → w1 port 80?');
    await page.getByTestId('unpublish-confirm-9393-tcp').click();
    await expect(row).toHaveCount(0);
    await expect(page.locator('[data-testid^="port-row-"]')).toHaveCount(rowsBefore);
    expect(() => fetchFromLan(9393)).toThrow();
    expect(mappings(served.configDir)).toEqual([]);
    await expect(page.getByTestId('port-event').first()).toHaveAttribute('data-kind', 'unpublished');
    await screenshot(page, testInfo, 'unpublished');
  } finally {
    unpublishAll(served.configDir);
  }
});

test('the details panel publishes on the clicked container; a range on its second network is unpublished whole', async ({ page, served }, testInfo) => {
  try {
    await page.goto(served.url);
    // Containers without a bridge network of their own get no button.
    // Right after load the graph may still be laid out and framed: a click that lands during that
    // move selects nothing, so it is tried again until the details open (as a person would).
    await clickUntil(page.getByTestId('node-container-hostnet'), () => expect(page.getByTestId('details')).toContainText('host', { timeout: 1000 }));
    await expect(page.getByTestId('details-publish-port')).toHaveCount(0);

    await clickUntil(page.getByTestId('node-container-dual'), () => expect(page.getByTestId('details-publish-port')).toBeVisible({ timeout: 1000 }));
    await page.getByTestId('details-publish-port').click();
    const modal = page.getByTestId('publish-modal');
    await expect(page.getByTestId('publish-container')).toHaveValue('dual');
    // dual is on bridge and intranet: the form asks which, the first one chosen.
    await expect(page.getByTestId('publish-network')).toHaveValue('bridge');
    await pick(page, 'publish-network', 'intranet');
    await page.getByTestId('publish-host-port').fill('9395-9396');
    await page.getByTestId('publish-container-port').fill('80');
    await page.getByTestId('publish-submit').click();
    await expect(modal).toContainText('Ports map one to one: the host side has 2 ports, this side 1 port');
    await page.getByTestId('publish-container-port').fill('80-81');
    await page.getByTestId('publish-submit').click();
    await expect(modal).toHaveCount(0);
    await expect(page.getByTestId('publish-confirmation')).toContainText(`9395-9396/tcp on all addresses now leads to dual port 80-81 (${containerIp('dual', 'intranet')}, network intranet)`);
    await screenshot(page, testInfo, 'published-from-details');
    expect(fetchFromLan(9395)).toContain('bridgeport lab');

    await page.getByTestId('tab-ports').click();
    for (const port of [9395, 9396]) await expect(page.getByTestId(`port-row-${port}-tcp`)).toContainText('intranet');
    await page.getByTestId('unpublish-9396-tcp').click();
    await expect(page.getByTestId('unpublish-dialog-9396-tcp')).toContainText('9395-9396/tcp on all addresses → dual port 80-81');
    await expect(page.getByTestId('unpublish-dialog-9396-tcp')).toContainText('The whole range goes');
    await page.getByTestId('unpublish-confirm-9396-tcp').click();
    await expect(page.getByTestId('port-row-9395-tcp')).toHaveCount(0);
    await expect(page.getByTestId('port-row-9396-tcp')).toHaveCount(0);
    expect(() => fetchFromLan(9395)).toThrow();
  } finally {
    unpublishAll(served.configDir);
  }
});

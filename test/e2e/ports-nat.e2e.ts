// The Ports and NAT views in Debian's Chromium against `bridgeport serve`, inside the lab with real
// Docker: every published port listed, w1's DNAT rule explained, LAN traffic moving both counters
// live, and rules added or removed between two looks called out.
import { execFileSync } from 'node:child_process';
import type { Locator, Page, TestInfo } from '@playwright/test';
import { expect, seedLab, sh, test } from './lab-fixtures';
import type { FirewallRule, NatReport } from '../../src/shared/firewall-model';

/** Removes containers left by an earlier, interrupted run; absent ones are fine. */
function removeContainers(...names: string[]): void {
  execFileSync('docker', ['rm', '-f', ...names], { stdio: 'ignore' });
}

function cliNat(): NatReport {
  return JSON.parse(sh(process.execPath, ['bin/bridgeport.js', 'nat', '--json'])) as NatReport;
}

function dnatOf(container: string): FirewallRule {
  const rule = cliNat().rules.find((r) => r.target === 'DNAT' && r.container?.name === container);
  if (!rule) throw new Error(`no DNAT rule for ${container}`);
  return rule;
}

function containerIp(name: string): string {
  return sh('docker', ['inspect', '-f', '{{.NetworkSettings.IPAddress}}', name]).trim();
}

/** A LAN client fetching the host's LAN address, as a user on another machine would. */
function fetchFromLan(port: number, times: number): void {
  for (let i = 0; i < times; i++) {
    sh('ip', ['netns', 'exec', process.env.BP_LAB_LAN_NS!, 'timeout', '5', 'busybox', 'wget', '-q', '-O', '/dev/null', `http://198.51.100.1:${port}/`]);
  }
}

const counter = async (cell: Locator) => Number(await cell.getAttribute('data-value'));

async function setMarker(page: Page): Promise<void> {
  await page.evaluate(() => ((globalThis as unknown as { marker: number }).marker = 42));
}

async function expectNoReload(page: Page): Promise<void> {
  expect(await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(42);
}

/** Scrolls a row to the middle of its list, so the screenshot shows it with some context. */
async function centre(target: Locator): Promise<void> {
  await target.evaluate((el) => el.scrollIntoView({ block: 'center' }));
}

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test.beforeAll(() => {
  seedLab();
  const image = process.env.BP_LAB_IMAGE!;
  removeContainers('u1', 'lo1', 'e2e-new');
  sh('docker', ['run', '-d', '--name', 'u1', '-p', '5353:53/udp', image, 'sleep', '1d']);
  sh('docker', ['run', '-d', '--name', 'lo1', '-p', '127.0.0.1:8443:80', image, 'httpd', '-f', '-p', '80', '-h', '/www']);
});

test.afterAll(() => {
  removeContainers('u1', 'lo1');
});

test('the Ports tab lists every published port with its container, addresses and hints', async ({ page, served }, testInfo) => {
  await page.goto(served.url);
  await page.getByTestId('tab-ports').click();
  const w1 = page.getByTestId('port-row-8080-tcp');
  await expect(w1).toContainText('0.0.0.0:8080/tcp');
  await expect(w1).toContainText('w1');
  await expect(w1).toContainText(`${containerIp('w1')}:80`);
  await expect(w1).toContainText('bridge');
  await expect(w1).toContainText('docker');
  await expect(page.getByTestId('port-row-8181-tcp')).toContainText('w2');
  await expect(page.getByTestId('port-row-8181-tcp')).toContainText(`${containerIp('w2')}:80`);
  await expect(page.getByTestId('port-row-5353-udp')).toContainText('u1');
  await expect(page.getByTestId('port-row-5353-udp')).toContainText(`${containerIp('u1')}:53`);
  const lo1 = page.getByTestId('port-row-8443-tcp');
  await expect(lo1).toContainText('127.0.0.1:8443/tcp');
  await expect(lo1).toContainText('lo1');
  await expect(page.getByTestId('port-hints-8443-tcp')).toContainText(/127\.0\.0\.1 only/);
  await expect(page.locator('[data-testid^="port-row-"]')).toHaveCount(4);
  await screenshot(page, testInfo, 'ports');

  // "N rules →" opens the NAT view narrowed to the rules behind that port.
  await w1.getByRole('button', { name: /rules/ }).click();
  await expect(page.getByTestId('nat-focus')).toContainText('0.0.0.0:8080/tcp → w1');
  await expect(page.getByTestId(`nat-rule-${dnatOf('w1').id}`)).toBeVisible();
  await expect(page.getByTestId(`nat-rule-${dnatOf('w2').id}`)).toHaveCount(0);
});

test("the NAT tab shows the backend and explains w1's DNAT rule; the filters narrow the list", async ({ page, served }, testInfo) => {
  const w1 = dnatOf('w1');
  const w2 = dnatOf('w2');
  await page.goto(served.url);
  await page.getByTestId('tab-nat').click();
  await expect(page.getByTestId('nat-backend')).toHaveText('iptables-nft');
  const row = page.getByTestId(`nat-rule-${w1.id}`);
  await expect(row).toContainText(`TCP to any local address, port 8080, not arriving from docker0 → w1 ${containerIp('w1')}:80`);
  await expect(row).toContainText(w1.spec);
  await expect(row).toHaveAttribute('data-owner', 'docker');
  // Docker 28 also writes ip6tables rules (a second nat and filter section, IPv6); 20.10 in the lab writes none.
  await expect(page.getByTestId('nat-table-nat').filter({ hasText: 'IPv4 ·' })).toBeVisible();
  await expect(page.getByTestId('nat-table-filter').filter({ hasText: 'IPv4 ·' })).toBeVisible();
  // A first look highlights nothing.
  await expect(page.locator('[data-new="true"]')).toHaveCount(0);
  await centre(row);
  await screenshot(page, testInfo, 'nat');

  await page.getByTestId('nat-filter-port').fill('8080');
  await expect(row).toBeVisible();
  await expect(page.getByTestId(`nat-rule-${w2.id}`)).toHaveCount(0);
  await page.getByTestId('nat-filter-port').fill('');
  await page.getByTestId('nat-filter-container').click();
  await page.getByRole('option', { name: 'w2', exact: true }).click();
  await expect(page.getByTestId(`nat-rule-${w2.id}`)).toBeVisible();
  await expect(row).toHaveCount(0);
  await page.getByRole('button', { name: 'Any container' }).click();
  await expect(row).toBeVisible();
  // Nothing ever reaches w2 from outside: its DNAT rule counts zero and is hidden by the switch.
  await page.getByTestId('nat-hide-zero').check();
  await expect(page.getByTestId(`nat-rule-${w2.id}`)).toHaveCount(0);
  await page.getByTestId('nat-hide-zero').uncheck();
  await expect(page.getByTestId(`nat-rule-${w2.id}`)).toBeVisible();
  // The chip's checkbox is hidden under its label, which is what a user clicks.
  await page.locator('label[for]').filter({ hasText: /^docker$/ }).click();
  await expect(page.getByTestId('nat-filter-owner-docker')).not.toBeChecked();
  await expect(page.locator('[data-owner="docker"]')).toHaveCount(0);
});

test("LAN traffic to host:8080 moves the port's and the DNAT rule's packet counters without a reload", async ({ page, served }, testInfo) => {
  const w1 = dnatOf('w1');
  await page.goto(served.url);
  await setMarker(page);

  await page.getByTestId('tab-ports').click();
  const portCell = page.getByTestId('port-packets-8080-tcp');
  await expect(portCell).toBeVisible();
  const portBefore = await counter(portCell);
  fetchFromLan(8080, 3);
  await expect.poll(() => counter(portCell)).toBeGreaterThanOrEqual(portBefore + 3);
  await screenshot(page, testInfo, 'ports-after-traffic');

  await page.getByTestId('tab-nat').click();
  const ruleCell = page.getByTestId(`nat-packets-${w1.id}`);
  await expect(ruleCell).toBeVisible();
  const ruleBefore = await counter(ruleCell);
  fetchFromLan(8080, 3);
  await expect.poll(() => counter(ruleCell)).toBeGreaterThanOrEqual(ruleBefore + 3);
  expect(await counter(page.getByTestId(`nat-packets-${dnatOf('w2').id}`))).toBe(0);
  await expectNoReload(page);
  await centre(ruleCell);
  await screenshot(page, testInfo, 'nat-after-traffic');
});

test('rules added or removed since the last look at the NAT tab are called out', async ({ page, served }, testInfo) => {
  await page.goto(served.url);
  await page.getByTestId('tab-nat').click();
  await expect(page.getByTestId(`nat-rule-${dnatOf('w1').id}`)).toBeVisible();
  // Leaving the view remembers what was on it.
  await page.getByTestId('tab-topology').click();
  sh('docker', ['run', '-d', '--name', 'e2e-new', '-p', '9099:80', process.env.BP_LAB_IMAGE!, 'httpd', '-f', '-p', '80', '-h', '/www']);
  try {
    const added = dnatOf('e2e-new');
    await page.getByTestId('tab-nat').click();
    const row = page.getByTestId(`nat-rule-${added.id}`);
    await expect(row).toHaveAttribute('data-new', 'true');
    await expect(row).toContainText('new');
    await expect(page.getByTestId(`nat-rule-${dnatOf('w1').id}`)).not.toHaveAttribute('data-new', 'true');
    await expect(page.getByTestId('nat-added-count')).toContainText(/new rules?, highlighted/);
    // Docker's companions of the DNAT rule (filter ACCEPT; 20.10's hairpin MASQUERADE) are new too.
    await page.getByTestId('nat-only-new').click();
    await expect(page.locator('[data-testid^="nat-rule-"]:not([data-new="true"])')).toHaveCount(0);
    await expect(row).toBeVisible();
    await screenshot(page, testInfo, 'nat-new-rules');
    await page.getByTestId('tab-ports').click();
  } finally {
    sh('docker', ['rm', '-f', 'e2e-new']);
  }
  await page.getByTestId('tab-nat').click();
  await expect(page.getByTestId('nat-removed')).toContainText('port 9099');
  await expect(page.locator('[data-new="true"]')).toHaveCount(0);
  await screenshot(page, testInfo, 'nat-removed-rules');
});

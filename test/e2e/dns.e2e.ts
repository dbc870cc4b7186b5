// Container DNS in the GUI, in Debian's Chromium against `bridgeport serve` inside the lab (which
// syncs DNS like the app): real DHCP hands the lab host a lease, a container on the default bridge
// starts with its server, then a new lease brings another server. The DNS view shows the container
// with the new server and the timeline says what changed, before and after; a container on a
// user-defined network shows where its queries reach now and how (on Docker 28: dockerd's queries,
// redirected by Bridgeport on the host).
import type { Page, TestInfo } from '@playwright/test';
import { DhcpLab, DNS_A, DNS_B } from '../lab/dhcp-lab';
import { expect, sh, test } from './lab-fixtures';

const CONTAINER = 'e2e-dns';
const ON_NETWORK = 'e2e-dns-u';
const NETWORK = 'e2e-dnsnet';
const dhcp = new DhcpLab();

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled', fullPage: true });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

test.beforeAll(async () => {
  await dhcp.start({ dns: DNS_A, domain: 'one.test' });
  sh('docker', ['run', '-d', '--name', CONTAINER, process.env.BP_LAB_IMAGE!, 'sleep', '3600']);
  sh('docker', ['network', 'create', NETWORK]);
  sh('docker', ['run', '-d', '--name', ON_NETWORK, '--network', NETWORK, process.env.BP_LAB_IMAGE!, 'sleep', '3600']);
});

test.afterAll(async () => {
  try {
    sh('docker', ['rm', '-f', CONTAINER, ON_NETWORK]);
    sh('docker', ['network', 'rm', NETWORK]);
  } finally {
    await dhcp.stop();
  }
});

test('the DNS view shows a new lease reaching a container, and the timeline entry', async ({ page, served }, testInfo) => {
  await page.goto(served.url);
  await page.getByTestId('tab-dns').click();
  const row = page.getByTestId(`dns-row-${CONTAINER}`);
  await expect(row).toBeVisible();
  await expect(page.getByTestId(`dns-servers-${CONTAINER}`)).toContainText(DNS_A);
  await expect(page.getByTestId(`dns-synced-${CONTAINER}`)).toHaveText('in sync');
  await expect(row).toContainText('host');

  await dhcp.renew({ dns: DNS_B, domain: 'two.test' });
  await expect(page.getByTestId(`dns-servers-${CONTAINER}`)).toContainText(DNS_B);
  await expect(page.getByTestId(`dns-servers-${CONTAINER}`)).not.toContainText(DNS_A);
  await expect(page.getByTestId(`dns-synced-${CONTAINER}`)).toHaveText('in sync');
  const entry = page.getByTestId('dns-event').filter({ hasText: CONTAINER }).first();
  await expect(entry).toContainText(DNS_A);
  await expect(entry).toContainText(DNS_B);
  // The container sees it (the file is rewritten in place, so its bind mount follows).
  expect(sh('docker', ['exec', CONTAINER, 'cat', '/etc/resolv.conf'])).toContain(`nameserver ${DNS_B}`);
  // The user-defined network's container: its file still names Docker's resolver; its queries reach the new server.
  await expect(page.getByTestId(`dns-servers-${ON_NETWORK}`)).toContainText('127.0.0.11');
  const major = Number(sh('docker', ['version', '-f', '{{.Server.Version}}']).split('.')[0]);
  const how = major >= 28 ? "dockerd's queries redirected by Bridgeport on the host" : "redirected by Bridgeport in the container's namespace";
  await expect(page.getByTestId(`dns-reach-${ON_NETWORK}`)).toContainText(`queries reach ${DNS_B}, through Docker's resolver`);
  await expect(page.getByTestId(`dns-reach-${ON_NETWORK}`)).toContainText(how);
  await expect(page.getByTestId(`dns-synced-${ON_NETWORK}`)).toHaveText('in sync');
  await screenshot(page, testInfo, 'dns-view-after-lease');
});

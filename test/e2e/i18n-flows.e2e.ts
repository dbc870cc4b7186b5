// The Flows (with Drops), Packet path (computed and a kernel trace from the host), DNS and Doctor
// views through the catalogues (issue 18): in the pseudo-locale no English is left outside them and
// the data, engine sentences included (each comes as a message), and under ko-KR each view reads in
// Korean, the engine's sentences too.
import type { Page, TestInfo } from '@playwright/test';
import { expect, holdLanConnection, LAN_HOST_IP, seedLab, test } from './lab-fixtures';
import { englishLeft, pseudoUrl } from './i18n-support';

test.beforeAll(seedLab);

async function checkEnglishLeft(page: Page, testInfo: TestInfo, view: string, scope: string): Promise<void> {
  const left = await englishLeft(page, scope);
  testInfo.annotations.push({ type: 'engine-untranslated', description: `${view}: ${left.engineUntranslated}` });
  expect(left.engineTexts, `${view}: engine sentences shown without their message`).toEqual([]);
  expect(left.strings, `${view}: English outside the catalogues`).toEqual([]);
}

/** The path view without the topology beside it (the topology view has its own check). */
const PATH_SCOPE = '[data-testid="path-view"] > :not(:has([data-testid="path-topology"])), [data-testid="path-results"]';

test('Flows with a LAN connection and the Drops section: every string comes from a catalogue', async ({ page, served }, testInfo) => {
  await page.goto(pseudoUrl(served.url));
  await page.getByTestId('tab-flows').click();
  await expect(page.getByTestId('flows-table')).toBeVisible();
  const release = holdLanConnection(8080);
  try {
    await expect(page.locator(`[data-testid="flow-row"][data-from="LAN"][data-host-port="8080"]`).first()).toBeVisible({ timeout: 20_000 });
    // Drops: one of its states is on screen once the traffic topic answered.
    await expect(page.locator('[data-testid="drops-section"] :is([data-testid="drops-none"], [data-testid="drops-table"], [data-testid="drops-unreadable"], [data-testid="drops-error"])')).toBeVisible({ timeout: 15_000 });
    await expect(page.getByTestId('flows-view')).toContainText('⟦Flows⟧');
    await checkEnglishLeft(page, testInfo, 'flows', '[data-testid="flows-view"]');
  } finally {
    release();
  }
});

test('Packet path, computed, with a bad destination first: every string comes from a catalogue', async ({ page, served }, testInfo) => {
  await page.goto(pseudoUrl(served.url));
  await page.getByTestId('tab-path').click();
  await checkEnglishLeft(page, testInfo, 'path (empty)', PATH_SCOPE);
  await page.getByTestId('path-destination').fill('not-an-address');
  await page.getByTestId('path-trace').click();
  await expect(page.getByText('⟦Type a destination as ip:port')).toBeVisible();
  await checkEnglishLeft(page, testInfo, 'path (bad destination)', PATH_SCOPE);
  await page.getByTestId('path-destination').fill(`${LAN_HOST_IP}:8080`);
  await page.getByTestId('path-trace').click();
  await expect(page.getByTestId('path-outcome')).toHaveAttribute('data-kind', 'container');
  await expect(page.getByTestId('path-steps')).toContainText('nat DOCKER');
  await checkEnglishLeft(page, testInfo, 'path (computed)', PATH_SCOPE);
});

test('Packet path, traced in the kernel from this host: every string comes from a catalogue', async ({ page, served }, testInfo) => {
  await page.goto(pseudoUrl(served.url));
  await page.getByTestId('tab-path').click();
  await page.getByTestId('path-destination').fill(`${LAN_HOST_IP}:8080`);
  await page.getByTestId('path-from').getByText('⟦From this host⟧').click();
  await page.getByTestId('path-kernel-trace').click();
  const trace = page.getByTestId('kernel-trace');
  await expect(trace).toBeVisible({ timeout: 30_000 });
  await expect(page.getByTestId('kernel-steps')).toContainText('nat DOCKER');
  await expect(page.getByTestId('kernel-trace-summary')).toContainText('⟦The kernel took the computed path⟧');
  await checkEnglishLeft(page, testInfo, 'path (kernel trace)', PATH_SCOPE);
});

test('DNS with a container opened to its /etc/hosts: every string comes from a catalogue', async ({ page, served }, testInfo) => {
  await page.goto(pseudoUrl(served.url));
  await page.getByTestId('tab-dns').click();
  await expect(page.getByTestId('dns-table')).toBeVisible({ timeout: 15_000 });
  await page.getByTestId('dns-open-w1').click();
  await expect(page.getByTestId('dns-hosts-w1')).toBeVisible();
  await checkEnglishLeft(page, testInfo, 'dns', '[data-testid="dns-view"]');
});

test('Doctor with what a check looked at: every string comes from a catalogue', async ({ page, served }, testInfo) => {
  await page.goto(pseudoUrl(served.url));
  await page.getByTestId('tab-doctor').click();
  await expect(page.getByTestId('doctor-view')).toHaveAttribute('data-running', 'false', { timeout: 30_000 });
  await expect(page.locator('[data-testid^="doctor-check-"][data-status]').first()).toBeVisible();
  await page.locator('[data-testid^="doctor-looked-at-toggle-"]').first().click();
  await expect(page.locator('[data-testid^="doctor-looked-at-"]:not([data-testid*="toggle"])').first()).toBeVisible();
  await checkEnglishLeft(page, testInfo, 'doctor', '[data-testid="doctor-view"]');
});

test.describe('in Korean (ko-KR)', () => {
  test.use({ locale: 'ko-KR' });

  test('Flows and Drops read in Korean', async ({ page, served }) => {
    await page.goto(served.url);
    await page.getByTestId('tab-flows').click();
    await expect(page.getByTestId('flows-view').getByRole('heading', { name: '플로우' })).toBeVisible();
    await expect(page.getByTestId('drops-section').getByRole('heading', { name: '드롭' })).toBeVisible();
  });

  test('Packet path reads in Korean, its computed outcome too', async ({ page, served }) => {
    await page.goto(served.url);
    await page.getByTestId('tab-path').click();
    await expect(page.getByTestId('path-trace')).toHaveText('경로 계산');
    await page.getByTestId('path-destination').fill(`${LAN_HOST_IP}:8080`);
    await page.getByTestId('path-trace').click();
    await expect(page.getByTestId('path-outcome')).toContainText('컨테이너에 도달');
    // The steps are the engine's sentences, in Korean: the DNAT rule's step with its rule said in Korean.
    await expect(page.getByTestId('path-steps')).toContainText('목적지를');
    await expect(page.getByTestId('path-steps')).toContainText('docker0(으)로 들어오지 않음');
  });

  test('DNS reads in Korean', async ({ page, served }) => {
    await page.goto(served.url);
    await page.getByTestId('tab-dns').click();
    await expect(page.getByTestId('dns-host')).toContainText('호스트 DNS');
    await expect(page.getByTestId('dns-timeline').getByRole('heading', { name: '타임라인' })).toBeVisible();
  });

  test('Doctor reads in Korean', async ({ page, served }) => {
    await page.goto(served.url);
    await page.getByTestId('tab-doctor').click();
    await expect(page.getByTestId('doctor-view').getByRole('heading', { name: '진단' })).toBeVisible();
    await expect(page.getByTestId('doctor-check-again')).toHaveText('다시 확인');
    // Engine sentences converted to messages: the checks' titles, ip-forward's detail.
    await expect(page.getByTestId('doctor-check-ip-forward')).toContainText('IPv4 포워딩(net.ipv4.ip_forward)');
    await expect(page.getByTestId('doctor-detail-ip-forward')).toContainText('IPv4 포워딩이');
  });
});

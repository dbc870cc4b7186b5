// The Networks and Namespaces views through their catalogues (issue 18): in the pseudo-locale no
// English is left outside them — tables, badges, the create/connect forms with their own
// validation messages, the remove and delete confirmations, what Bridgeport made — and under
// ko-KR both views read in Korean. Names, addresses and options are data (translate="no").
import { execFileSync } from 'node:child_process';
import type { Page, TestInfo } from '@playwright/test';
import { expect, seedLab, test } from './lab-fixtures';
import { englishLeft, pseudoUrl } from './i18n-support';

test.beforeAll(seedLab);

/** Visible English outside the catalogues in `scope` (must be none); engine prose is counted apart. */
async function expectAllTranslated(page: Page, testInfo: TestInfo, what: string, scope: string): Promise<void> {
  const left = await englishLeft(page, scope);
  expect(left.strings, what).toEqual([]);
  testInfo.annotations.push({ type: 'engine-untranslated', description: `${what}: ${left.engineUntranslated}` });
  expect(left.engineTexts, `${what}: engine sentences shown without their message`).toEqual([]);
}

function quietly(file: string, args: string[]): void {
  try {
    execFileSync(file, args, { stdio: 'ignore' });
  } catch {
    // gone already
  }
}

test('Networks: the table, the create and connect forms and the remove confirmation come from the catalogue', async ({ page, served }, testInfo) => {
  await page.goto(pseudoUrl(served.url));
  await page.getByTestId('tab-networks').click();
  await expect(page.getByTestId('network-row-intranet')).toBeVisible();
  await expect(page.getByTestId('network-builtin-bridge')).toHaveText('⟦built-in⟧');
  await expectAllTranslated(page, testInfo, 'networks view', '[data-testid="networks-view"]');

  // Remove asks first; the question names the attached containers.
  await page.getByTestId('remove-network-intranet').click();
  await expect(page.getByTestId('remove-dialog-intranet')).toBeVisible();
  await expectAllTranslated(page, testInfo, 'remove dialog', '[data-testid="remove-dialog-intranet"]');
  await page.getByTestId('remove-network-intranet').click();
  await expect(page.getByTestId('remove-dialog-intranet')).toHaveCount(0);

  // The create form with the bridge options, the advanced -o lines and the form's own mistakes.
  await page.getByTestId('create-network').click();
  const modal = page.getByTestId('network-modal');
  await expect(modal).toBeVisible();
  await page.getByTestId('network-advanced').click();
  await page.getByTestId('network-name').fill('bad name'); // the shared schema's words: engine text
  await page.getByTestId('network-subnet').fill('172.31.0.0');
  await page.getByTestId('network-gateway').fill('172.31.0.1');
  await page.getByTestId('network-bridge-name').fill('a-very-long-bridge');
  await page.getByTestId('network-mtu').fill('20');
  await page.getByTestId('network-extra-options').fill('oops');
  await page.getByTestId('network-submit').click();
  await expect(modal).toContainText('⟦“172.31.0.0” is not a subnet: write one like 172.30.0.0/24⟧');
  await expect(modal).toContainText('⟦MTU goes from 68 to 65535⟧');
  await expect(modal).toContainText('⟦Line 1: write key=value');
  await expectAllTranslated(page, testInfo, 'create network (bridge)', '.mantine-Modal-content');
  // macvlan: its options fieldset and the "pick a parent" message.
  await page.getByTestId('network-driver').getByText('macvlan').click();
  await page.getByTestId('network-submit').click();
  await expect(modal).toContainText('⟦Pick the host NIC the macvlan network sits on⟧');
  await expectAllTranslated(page, testInfo, 'create network (macvlan)', '.mantine-Modal-content');
  await page.getByTestId('network-driver').getByText('overlay').click();
  await expect(page.getByTestId('network-overlay-note')).toBeVisible();
  await expectAllTranslated(page, testInfo, 'create network (overlay)', '.mantine-Modal-content');
  await page.getByTestId('network-cancel').click();
  await expect(modal).toHaveCount(0);

  // Connect: a bad static IP and a doubled alias are the form's own words.
  await page.getByTestId('connect-intranet').click();
  const connect = page.getByTestId('connect-modal');
  await expect(connect).toBeVisible();
  await page.getByTestId('connect-ip').fill('10.0.0');
  await page.getByTestId('connect-submit').click();
  await expect(connect).toContainText('⟦Pick a container⟧');
  await expect(connect).toContainText('is not an IPv4 address');
  await expectAllTranslated(page, testInfo, 'connect form', '.mantine-Modal-content');
  await page.getByTestId('connect-cancel').click();
});

test('Namespaces: the view, the make forms, what Bridgeport made and the delete confirmation come from the catalogue', async ({ page, served }, testInfo) => {
  const ns = `${process.env.BP_LAB}-i18n`;
  try {
    await page.goto(pseudoUrl(served.url));
    await page.getByTestId('tab-namespaces').click();
    await expect(page.getByTestId(`namespace-${process.env.BP_LAB}-ns1`)).toContainText('bpv1');
    await expect(page.getByTestId('made-empty')).toBeVisible();
    await expectAllTranslated(page, testInfo, 'namespaces view (nothing made)', '[data-testid="namespaces-view"]');

    // A veth pair with the same name twice, and a bad MTU: the form's own words.
    await page.getByTestId('create-veth').click();
    await page.getByTestId('veth-name').fill('i18nh0');
    await page.getByTestId('veth-peer').fill('i18nh0');
    await page.getByTestId('veth-mtu').fill('big');
    await page.getByTestId('veth-submit').click();
    await expect(page.getByTestId('veth-modal')).toContainText('⟦The two ends need different names⟧');
    await expect(page.getByTestId('veth-modal')).toContainText('⟦“big” is not an MTU: write a number like 1500⟧');
    await expectAllTranslated(page, testInfo, 'new veth pair', '.mantine-Modal-content');
    await page.getByTestId('veth-peer').fill('i18np0');
    await page.getByTestId('veth-mtu').fill('');
    await page.getByTestId('veth-submit').click();
    await expect(page.getByTestId('veth-modal')).toHaveCount(0);

    await page.getByTestId('create-bridge').click();
    await page.getByTestId('bridge-name').fill('');
    await page.getByTestId('bridge-address').fill('10.88.0.1');
    await page.getByTestId('bridge-submit').click();
    await expect(page.getByTestId('bridge-modal')).toContainText('⟦Give a bridge name⟧');
    await expectAllTranslated(page, testInfo, 'new bridge', '.mantine-Modal-content');
    await page.getByTestId('bridge-cancel').click();

    await page.getByTestId('create-netns').click();
    await expectAllTranslated(page, testInfo, 'new namespace', '.mantine-Modal-content');
    await page.getByTestId('netns-name').fill(ns);
    await page.getByTestId('netns-submit').click();
    await expect(page.getByTestId('netns-modal')).toHaveCount(0);

    // What was made: kinds, where each end is, set up/down, Move…, the date (data) and Delete.
    await expect(page.getByTestId(`made-row-${ns}`)).toBeVisible();
    await expect(page.getByTestId('made-row-i18nh0')).toBeVisible();
    await expect(page.getByTestId('link-place-i18np0')).toHaveText('⟦in ⟦host⟧⟧');
    await expect(page.getByTestId(`namespace-${ns}`)).toContainText('⟦made by Bridgeport⟧');
    await expectAllTranslated(page, testInfo, 'namespaces view (made)', '[data-testid="namespaces-view"]');

    await page.getByTestId('move-link-i18np0').click();
    await expect(page.getByTestId('move-form')).toBeVisible();
    await page.getByTestId('move-target-kind').getByText('⟦Into a namespace⟧').click();
    await page.getByTestId('move-gateway').fill('10.88.0.1');
    await page.getByTestId('move-submit').click();
    await expect(page.getByTestId('move-modal')).toContainText('⟦Pick a namespace⟧');
    await expect(page.getByTestId('move-modal')).toContainText('⟦A gateway needs an address on the interface to reach it⟧');
    await expectAllTranslated(page, testInfo, 'move form', '.mantine-Modal-content');
    await page.getByTestId('move-cancel').click();

    await page.getByTestId('delete-made-i18nh0').click();
    await expect(page.getByTestId('delete-dialog-i18nh0')).toBeVisible();
    await expectAllTranslated(page, testInfo, 'delete dialog', '[data-testid="delete-dialog-i18nh0"]');
    await page.getByTestId('delete-confirm-i18nh0').click();
    await expect(page.getByTestId('made-row-i18nh0')).toHaveCount(0);
    await page.getByTestId(`delete-made-${ns}`).click();
    await page.getByTestId(`delete-confirm-${ns}`).click();
    await expect(page.getByTestId(`made-row-${ns}`)).toHaveCount(0);
  } finally {
    quietly('ip', ['link', 'delete', 'i18nh0']);
    quietly('ip', ['netns', 'delete', ns]);
  }
});

test.describe('in Korean (ko-KR)', () => {
  test.use({ locale: 'ko-KR' });

  test('the Networks view and its create form read in Korean', async ({ page, served }) => {
    await page.goto(served.url);
    await page.getByTestId('tab-networks').click();
    await expect(page.getByTestId('networks-view').getByRole('heading', { level: 4 })).toHaveText('Docker 네트워크');
    await expect(page.getByTestId('networks-table').locator('th').first()).toHaveText('이름');
    await expect(page.getByTestId('network-builtin-bridge')).toHaveText('기본 제공');
    await page.getByTestId('create-network').click();
    await page.getByTestId('network-mtu').fill('20');
    await page.getByTestId('network-submit').click();
    await expect(page.getByTestId('network-modal')).toContainText('MTU는 68에서 65535 사이여야 합니다');
  });

  test('the Namespaces view reads in Korean', async ({ page, served }) => {
    await page.goto(served.url);
    await page.getByTestId('tab-namespaces').click();
    await expect(page.getByTestId('namespaces-view').getByRole('heading', { level: 4 })).toHaveText('네임스페이스와 링크');
    await expect(page.getByTestId('create-veth')).toHaveText('새 veth 쌍');
    await expect(page.getByTestId('made-empty')).toContainText('아직 없습니다');
  });
});

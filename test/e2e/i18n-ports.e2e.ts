// The Ports, Publish, NAT and Traffic views through the catalogues (issue 18): in the pseudo-locale
// no visible English is left outside them (data is marked translate="no", engine sentences through their messages),
// and under ko-KR each reads in Korean. Also issue 18's "the source badge reads 'DOC…'": the Ports
// view's source badge shows its whole name, and the traffic chart is drawn for the dark scheme.
import type { Page, TestInfo } from '@playwright/test';
import { expect, seedLab, test } from './lab-fixtures';
import { englishLeft, pseudoUrl } from './i18n-support';

test.beforeAll(seedLab);

async function noEnglishLeft(page: Page, testInfo: TestInfo, view: string, scope: string): Promise<void> {
  const left = await englishLeft(page, scope);
  expect(left.strings, `${view}: English outside the catalogues`).toEqual([]);
  testInfo.annotations.push({ type: 'engine-untranslated', description: `${view}: ${left.engineUntranslated}` });
  expect(left.engineTexts, `${view}: engine sentences shown without their message`).toEqual([]);
}

/** The badge shows its label whole: no ellipsis, nothing clipped. */
async function expectWholeBadge(page: Page, testId: string, word: string): Promise<void> {
  const label = page.getByTestId(testId).locator('.mantine-Badge-label');
  await expect(label).toBeVisible();
  const fits = await label.evaluate((el) => ({ text: (el as HTMLElement).innerText, scroll: el.scrollWidth, client: el.clientWidth }));
  expect(fits.text).toBe(word);
  expect(fits.scroll).toBeLessThanOrEqual(fits.client);
}

test.describe('in the pseudo-locale', () => {
  test('Ports: every string comes from a catalogue', async ({ page, served }, testInfo) => {
    await page.goto(pseudoUrl(served.url));
    await page.getByTestId('tab-ports').click();
    await expect(page.getByTestId('port-row-8080-tcp')).toBeVisible();
    await expect(page.getByTestId('ports-view').getByRole('heading', { level: 4 })).toHaveText('⟦Published ports⟧');
    await noEnglishLeft(page, testInfo, 'ports', '[data-testid="ports-view"]');
  });

  test('the publish form, with its field errors: every string comes from a catalogue', async ({ page, served }, testInfo) => {
    await page.goto(pseudoUrl(served.url));
    await page.getByTestId('tab-ports').click();
    await page.getByTestId('publish-port').click();
    await expect(page.getByTestId('publish-form')).toBeVisible();
    // Submitting the empty form shows the field errors, which are the window's words too.
    await page.getByTestId('publish-submit').click();
    await expect(page.getByTestId('publish-modal')).toContainText('⟦Pick a container⟧');
    await noEnglishLeft(page, testInfo, 'publish', '.mantine-Modal-content');
  });

  test('NAT: every string comes from a catalogue (rule explanations are engine text)', async ({ page, served }, testInfo) => {
    await page.goto(pseudoUrl(served.url));
    await page.getByTestId('tab-nat').click();
    await expect(page.getByTestId('nat-table-nat').first()).toBeVisible();
    await expect(page.getByTestId('nat-view').getByRole('heading', { level: 4 })).toHaveText('⟦Firewall rules⟧');
    await noEnglishLeft(page, testInfo, 'nat', '[data-testid="nat-view"]');
  });

  test('Traffic: every string comes from a catalogue, the chart legend too', async ({ page, served }, testInfo) => {
    await page.goto(pseudoUrl(served.url));
    await page.getByTestId('tab-traffic').click();
    await expect(page.getByTestId('traffic-top')).toBeVisible();
    await expect(page.getByTestId('traffic-chart').locator('.u-legend')).toContainText('⟦rx (received)⟧');
    await noEnglishLeft(page, testInfo, 'traffic', '[data-testid="traffic-view"]');
  });
});

test('the source badge of a port reads whole ("Docker", not "DOC…") in a narrow window', async ({ page, served }) => {
  // Narrow enough that the table squeezes its columns: Mantine's badge then clipped its label to the
  // column (35 px of text in 29 px at this width).
  await page.setViewportSize({ width: 760, height: 800 });
  await page.goto(served.url);
  await page.getByTestId('tab-ports').click();
  await expect(page.getByTestId('port-row-8080-tcp')).toBeVisible();
  await expectWholeBadge(page, 'port-source-8080-tcp', 'Docker');
});

test('the traffic chart follows the colour scheme', async ({ page, served }) => {
  await page.emulateMedia({ colorScheme: 'light' });
  await page.goto(served.url);
  await page.getByTestId('tab-traffic').click();
  const chart = page.getByTestId('traffic-chart');
  await expect(chart).toHaveAttribute('data-scheme', 'light');
  const light = await chart.getAttribute('data-axis-stroke');
  await page.emulateMedia({ colorScheme: 'dark' });
  await expect(chart).toHaveAttribute('data-scheme', 'dark');
  expect(await chart.getAttribute('data-axis-stroke')).not.toBe(light);
  // The axis labels are drawn in the scheme's colour: some canvas pixel has it.
  const stroke = (await chart.getAttribute('data-axis-stroke'))!;
  const drawn = await chart.locator('canvas').evaluate((canvas: HTMLCanvasElement, hex) => {
    const [r, g, b] = [1, 3, 5].map((i) => Number.parseInt(hex.slice(i, i + 2), 16));
    const { data } = canvas.getContext('2d')!.getImageData(0, 0, canvas.width, canvas.height);
    for (let i = 0; i < data.length; i += 4) if (data[i] === r && data[i + 1] === g && data[i + 2] === b && data[i + 3] === 255) return true;
    return false;
  }, stroke);
  expect(drawn).toBe(true);
});

test.describe('in Korean (ko-KR)', () => {
  test.use({ locale: 'ko-KR' });

  test('Ports, the publish form, NAT and Traffic read in Korean; the badge still reads whole', async ({ page, served }) => {
    await page.setViewportSize({ width: 760, height: 800 });
    await page.goto(served.url);
    await page.getByTestId('tab-ports').click();
    await expect(page.getByTestId('port-row-8080-tcp')).toBeVisible();
    await expect(page.getByTestId('ports-view').getByRole('heading', { level: 4 })).toHaveText('게시된 포트');
    await expectWholeBadge(page, 'port-source-8080-tcp', 'Docker');

    await page.getByTestId('publish-port').click();
    await expect(page.locator('.mantine-Modal-title')).toHaveText('포트 게시');
    await expect(page.getByTestId('publish-form')).toContainText('호스트 포트');
    // The engine's refusal, in Korean: 8080 is Docker's for w1; nothing changes.
    await page.getByTestId('publish-container').click();
    await page.getByRole('option', { name: 'w1', exact: true }).click();
    await page.getByTestId('publish-host-port').fill('8080');
    await page.getByTestId('publish-container-port').fill('80');
    await page.getByTestId('publish-submit').click();
    await expect(page.getByTestId('publish-error')).toHaveAttribute('data-kind', 'refused');
    await expect(page.getByTestId('publish-error')).toContainText('호스트 포트 8080/tcp은(는) 이미 Docker가 컨테이너 w1에 게시했습니다');
    await page.getByTestId('publish-cancel').click();

    await page.getByTestId('tab-nat').click();
    await expect(page.getByTestId('nat-view').getByRole('heading', { level: 4 })).toHaveText('방화벽 규칙');
    // w1's DNAT rule explained in Korean, its rule text as it is.
    await expect(page.getByTestId('nat-view')).toContainText('로컬 주소로 가는 TCP, 포트 8080, docker0(으)로 들어오지 않음 → w1 ');

    await page.getByTestId('tab-traffic').click();
    await expect(page.getByTestId('traffic-view').getByRole('heading', { level: 4 })).toHaveText('트래픽');
    await expect(page.getByTestId('traffic-chart').locator('.u-legend')).toContainText('rx (수신)');
  });
});

// The topology, the details panel and the read-only banner through the catalogues (issue 18): in the
// pseudo-locale no English is left outside them and data (names, addresses, kinds the kernel or the
// engine names); under ko-KR they read in Korean.
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page, TestInfo } from '@playwright/test';
import { cliSnapshot, expect, LAN_HOST_IP, seedLab, sh, test } from './lab-fixtures';
import { clickUntil } from './graph-clicks';
import { englishLeft, pseudoUrl } from './i18n-support';
import { serve } from './serve';

test.beforeAll(seedLab);

/** The topology view and the details panel (the aside). */
const SCOPE = '[data-testid="topology"], aside';

async function checkNoEnglish(page: Page, testInfo: TestInfo, what: string, scope = SCOPE): Promise<void> {
  const left = await englishLeft(page, scope);
  testInfo.annotations.push({ type: 'engine-untranslated', description: `${what}: ${left.engineUntranslated}` });
  expect(left.engineTexts, `${what}: engine sentences shown without their message`).toEqual([]);
  expect(left.strings, what).toEqual([]);
}

/** Zoomed far out nodes draw their names alone: zoom in until w1 shows its lines (`word`: its state). */
async function zoomInUntilDetailed(page: Page, word: string): Promise<void> {
  const w1 = page.getByTestId('node-container-w1');
  await expect(async () => {
    if (!(await w1.innerText()).includes(word)) await page.locator('.react-flow__controls-zoomin').click();
    expect(await w1.innerText()).toContain(word);
  }).toPass({ timeout: 15_000 });
}

/** A cable from w1's host veth to its bridge, clicked on its curve (the middle of its box). */
async function clickCableOf(page: Page, veth: string): Promise<void> {
  await page.locator(`.react-flow__edge[data-id="veth:${veth}"] path.react-flow__edge-interaction`).click({ force: true });
}


test('the topology (graph, folded, table) and its details: every string comes from a catalogue', async ({ page, served }, testInfo) => {
  const w1 = cliSnapshot().containers.find((c) => c.name === 'w1')!;
  const veth = w1.endpoints[0]!.hostVeth!;
  await page.goto(pseudoUrl(served.url));
  await expect(page.getByTestId('tab-topology')).toHaveText('⟦Topology⟧');
  await expect(page.getByTestId('node-container-w1')).toBeVisible();
  await expect(page.getByTestId('topology-canvas')).toHaveAttribute('data-layout-ready', 'true');
  await expect(page.getByTestId('details')).toHaveCount(0);
  await zoomInUntilDetailed(page, '⟦running⟧');
  await expect(page.locator('[data-testid^="node-namespace-"]').first()).toContainText('⟦namespace⟧');
  await checkNoEnglish(page, testInfo, 'graph');

  // A container node: its details (image, state, each network's address and cable).
  // The graph may still be settling after the zoom (a loaded machine): click until the node is hit.
  await clickUntil(page.getByTestId('node-container-w1'), () => expect(page.getByTestId('details')).toContainText(w1.id.slice(0, 12), { timeout: 1_000 }));
  await expect(page.getByTestId('details')).toContainText('⟦running⟧');
  await checkNoEnglish(page, testInfo, 'container details');

  // A veth cable on its bridge: the host end's link details.
  await clickCableOf(page, veth);
  await expect(page.getByTestId('details')).toContainText(`${veth} ↔ eth0`);
  await expect(page.getByTestId('details')).toContainText('⟦ifindex⟧');
  await checkNoEnglish(page, testInfo, 'cable details');

  // A bridge node with its Docker network.
  await clickUntil(page.getByTestId('node-bridge-docker0'), () => expect(page.getByTestId('details')).toContainText('⟦Docker network bridge⟧', { timeout: 1_000 }));
  await checkNoEnglish(page, testInfo, 'bridge details');

  // Every network folded: group nodes, folded cables, the group's details.
  await page.getByTestId('topology-grouping').getByText('⟦Every network⟧').click();
  const group = page.getByTestId('node-group-bridge: 3 containers');
  await expect(group).toBeVisible();
  await expect(group).toContainText('⟦3 containers⟧');
  await expect(page.getByTestId('topology-canvas')).toHaveAttribute('data-layout-ready', 'true');
  // The graph may still be settling into its new layout (a loaded machine): click until the group is hit.
  await clickUntil(group, () => expect(page.getByTestId('group-details')).toBeVisible({ timeout: 1_000 }));
  await checkNoEnglish(page, testInfo, 'folded graph');

  // A search with no hit, then the table.
  await page.getByTestId('topology-search').fill('no-such-container');
  await expect(page.getByTestId('topology-search-hits')).toHaveText('⟦no match⟧');
  await page.getByTestId('topology-search').press('Escape');
  await page.getByTestId('topology-display').getByText('⟦Table⟧').click();
  await expect(page.getByTestId('topology-row-w1')).toBeVisible();
  await checkNoEnglish(page, testInfo, 'table');
  await page.getByTestId('topology-search').fill('no-such-container');
  await expect(page.getByTestId('topology-table')).toBeVisible();
  await expect(page.getByText('⟦No container matches the search.⟧')).toBeVisible();
  await checkNoEnglish(page, testInfo, 'empty table');

  // Back to the defaults (kept in the page's storage) for the other tests.
  await page.getByTestId('topology-search').press('Escape');
  await page.getByTestId('topology-display').getByText('⟦Graph⟧').click();
  await page.getByTestId('topology-grouping').getByText('⟦Crowded networks⟧').click();
  await expect(page.getByTestId('node-container-w1')).toBeVisible();
});

test('the read-only banner: every string comes from a catalogue, the reason is the engine’s', async ({ page }, testInfo) => {
  const configDir = mkdtempSync(join(tmpdir(), 'bridgeport-e2e-i18n-nocaps-'));
  // Root's uid without root's capabilities reads like a user that cannot ask (privilege.e2e.ts).
  const served = await serve({ BRIDGEPORT_CONFIG_DIR: configDir }, undefined, ['setpriv', '--inh-caps=-all', '--ambient-caps=-all', '--bounding-set=-all', '--']);
  try {
    await page.goto(pseudoUrl(served.url));
    const banner = page.getByTestId('privilege-banner');
    await expect(banner).toHaveAttribute('data-state', 'unavailable');
    await expect(banner).toContainText('⟦Read-only⟧');
    await expect(page.getByTestId('privilege-reason')).toContainText('⟦Needs administrator rights⟧');
    await checkNoEnglish(page, testInfo, 'read-only banner', '[data-testid="privilege-banner"]');
  } finally {
    await served.stop();
    rmSync(configDir, { recursive: true, force: true });
  }
});

test('without Docker: the alert says why in the catalogue’s words, Docker’s own hint and error apart', async ({ page }, testInfo) => {
  const noDocker = await serve({ DOCKER_HOST: 'unix:///nonexistent/bridgeport-e2e.sock', BRIDGEPORT_CONFIG_DIR: '/nonexistent/bridgeport-e2e-config' });
  try {
    await page.goto(pseudoUrl(noDocker.url));
    await expect(page.getByTestId('docker-problem')).toContainText('⟦The Docker daemon is not running⟧');
    await expect(page.getByTestId('node-nic-lo')).toBeVisible();
    await checkNoEnglish(page, testInfo, 'docker problem', '[data-testid="docker-problem"], [data-testid="limitation"]');
    // Docker's hint comes with its catalogue key (engine-topology): translated, the endpoint kept.
    await expect(page.getByTestId('docker-problem').locator('[data-engine-text="translated"]')).toContainText('⟦The Docker daemon is not running at unix:///nonexistent/bridgeport-e2e.sock');
    expect((await englishLeft(page, '[data-testid="docker-problem"]')).engineUntranslated).toBe(0);
  } finally {
    await noDocker.stop();
  }
});

test('a drop badge on w1 and its accessible name come from the catalogue; the rule is data', async ({ page, served }, testInfo) => {
  const w1 = cliSnapshot().containers.find((c) => c.name === 'w1')!;
  const w1Ip = w1.endpoints.find((e) => e.network === 'bridge')!.ip!.split('/')[0]!;
  const rule = ['DOCKER-USER', '-s', '198.51.100.2/32', '-d', `${w1Ip}/32`, '-p', 'tcp', '-m', 'tcp', '--dport', '80', '-j', 'DROP'];
  await page.goto(pseudoUrl(served.url));
  await expect(page.getByTestId('node-container-w1')).toBeVisible();
  await zoomInUntilDetailed(page, '⟦running⟧');
  const badge = page.getByTestId(`drop-badge-container:${w1.id}`);
  // The topology's traffic subscription reads the firewall each tick: one read first, as baseline (drops.e2e.ts).
  await page.waitForTimeout(2500);
  sh('iptables', ['-I', ...rule]);
  try {
    sh('bash', ['-c', `ip netns exec "$BP_LAB_LAN_NS" timeout 3 busybox wget -q -O /dev/null http://${LAN_HOST_IP}:8080/ && exit 1 || true`]);
    await expect(badge).toBeVisible({ timeout: 15_000 });
    await expect(badge).toHaveText(/^⟦[\d,]+ dropped⟧$/);
    await expect(badge).toHaveAttribute('aria-label', /^⟦[\d,]+ packets dropped here in the last minute: ⟦[\d,]+ dropped by filter DOCKER-USER: -A DOCKER-USER .*⟧⟧$/);
    await checkNoEnglish(page, testInfo, 'drop badge');
  } finally {
    sh('iptables', ['-D', ...rule]);
  }
});

test.describe('in Korean (ko-KR)', () => {
  test.use({ locale: 'ko-KR' });

  test('the topology, its table and the details read in Korean', async ({ page, served }) => {
    const w1 = cliSnapshot().containers.find((c) => c.name === 'w1')!;
    await page.goto(served.url);
    await expect(page.getByTestId('node-container-w1')).toBeVisible();
    await expect(page.getByTestId('topology-display')).toContainText('그래프');
    // React Flow's own controls are named in Korean too.
    await expect(page.locator('.react-flow__controls-zoomin')).toHaveAttribute('aria-label', '확대');
    await zoomInUntilDetailed(page, '실행 중');
    await expect(page.getByTestId('node-container-w1')).toContainText('컨테이너');
    await expect(page.getByTestId('node-container-w1')).toContainText('실행 중');
    await clickUntil(page.getByTestId('node-container-w1'), () => expect(page.getByTestId('details')).toContainText('이미지', { timeout: 1_000 }));
    await expect(page.getByTestId('details')).toContainText(w1.image);
    await page.getByTestId('topology-display').getByText('표').click();
    await expect(page.getByTestId('topology-table')).toContainText('케이블 (호스트 ↔ 컨테이너)');
    await page.getByTestId('topology-display').getByText('그래프').click();
  });

  test('without Docker the alert and Docker’s hint read in Korean', async ({ page }) => {
    const noDocker = await serve({ DOCKER_HOST: 'unix:///nonexistent/bridgeport-e2e.sock', BRIDGEPORT_CONFIG_DIR: '/nonexistent/bridgeport-e2e-config' });
    try {
      await page.goto(noDocker.url);
      await expect(page.getByTestId('docker-problem')).toContainText('Docker 데몬이 실행 중이 아닙니다');
      await expect(page.getByTestId('docker-problem')).toContainText('unix:///nonexistent/bridgeport-e2e.sock에서 Docker 데몬이 실행 중이 아닙니다');
      await expect(page.getByTestId('docker-problem')).toContainText('호스트 네트워크는 계속 표시됩니다.');
    } finally {
      await noDocker.stop();
    }
  });

  test('the read-only banner reads in Korean', async ({ page }) => {
    const configDir = mkdtempSync(join(tmpdir(), 'bridgeport-e2e-i18n-nocaps-'));
    const served = await serve({ BRIDGEPORT_CONFIG_DIR: configDir }, undefined, ['setpriv', '--inh-caps=-all', '--ambient-caps=-all', '--bounding-set=-all', '--']);
    try {
      await page.goto(served.url);
      await expect(page.getByTestId('privilege-banner')).toContainText('읽기 전용');
      await expect(page.getByTestId('privilege-banner')).toContainText('관리자 권한이 없어');
      await expect(page.getByTestId('privilege-reason')).toContainText('관리자 권한이 필요합니다');
    } finally {
      await served.stop();
      rmSync(configDir, { recursive: true, force: true });
    }
  });
});

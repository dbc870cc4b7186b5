// The renderer in Debian's Chromium against `bridgeport serve`, inside the lab with real Docker.
import { cliSnapshot, expect, seedLab, sh, test } from './lab-fixtures';
import { clickUntil } from './graph-clicks';
import { serve } from './serve';

test.beforeAll(seedLab);

// The token is in the URL's fragment (no server sees it); the page (no secret) is served without it,
// but the engine answers a socket only after a `hello` with the token; no cookie, no `?token=`.
test('the token opens the engine, never a cookie or ?token=; the address bar keeps no token', async ({ page, request, served }) => {
  expect(served.url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]{20,}$/);
  const token = new URL(served.url).hash.replace(/^#token=/, '');
  const plain = await request.get(`${served.origin}/`);
  expect(plain.status()).toBe(200);
  expect(plain.headers()['set-cookie']).toBeUndefined();
  expect((await request.get(`${served.origin}/`, { headers: { origin: 'http://evil.example' } })).status()).toBe(403);

  await page.goto(served.url);
  await expect(page.getByTestId('node-container-w1')).toBeVisible();
  expect(page.url()).toBe(`${served.origin}/`);
  // The token's entry was replaced, not followed by a new one: back is the blank page, forward the bare URL.
  await page.goBack();
  expect(page.url()).toBe('about:blank');
  await page.goForward();
  expect(page.url()).toBe(`${served.origin}/`);
  expect(await page.context().cookies()).toEqual([]);
  // A reload in the same tab keeps working (sessionStorage), still without a token in the URL.
  await page.reload();
  await expect(page.getByTestId('node-container-w1')).toBeVisible();
  expect(page.url()).toBe(`${served.origin}/`);

  // From the page's own origin: without a hello, with a wrong token, or with it in ?token=, the socket is closed unanswered.
  const outcomes = await page.evaluate(
    async ({ wsUrl, token }) => {
      const attempt = (url: string, first: string | null) =>
        new Promise<string>((resolve) => {
          const ws = new WebSocket(url);
          ws.onopen = () => {
            if (first !== null) ws.send(first);
            ws.send(JSON.stringify({ type: 'invoke', id: 1, method: 'snapshot.get', input: {} }));
          };
          ws.onmessage = (event) => resolve(`answered ${String(event.data).slice(0, 40)}`);
          ws.onclose = (event) => resolve(`closed ${event.code}`);
        });
      return {
        none: await attempt(wsUrl, null),
        wrong: await attempt(wsUrl, JSON.stringify({ type: 'hello', token: `${token}x` })),
        query: await attempt(`${wsUrl}?token=${token}`, null),
        right: await attempt(wsUrl, JSON.stringify({ type: 'hello', token })),
      };
    },
    { wsUrl: `${served.origin.replace(/^http/, 'ws')}/ws`, token },
  );
  expect(outcomes).toMatchObject({ none: 'closed 4001', wrong: 'closed 4001', query: 'closed 4001' });
  expect(outcomes.right).toMatch(/^answered \{"type":"result","id":1,"ok":true/);
});

test('a page opened without the token says the server refused it', async ({ page, served }) => {
  await page.goto(`${served.origin}/`);
  await expect(page.getByText(/access token is missing or wrong/).first()).toBeVisible();
  await expect(page.getByTestId('node-container-w1')).toHaveCount(0);
});

test('the graph shows the containers, docker0, their veths and the br- bridge; clicking shows details', async ({ page, served }, testInfo) => {
  const snapshot = cliSnapshot();
  const intranet = snapshot.networks.find((n) => n.name === 'intranet');
  const w1 = snapshot.containers.find((c) => c.name === 'w1');
  const w2 = snapshot.containers.find((c) => c.name === 'w2');
  expect(intranet?.bridge).toMatch(/^br-/);
  await page.goto(served.url);
  await expect(page.getByTestId('node-container-w1')).toBeVisible();
  await expect(page.getByTestId('node-container-w2')).toBeVisible();
  await expect(page.getByTestId('node-bridge-docker0')).toBeVisible();
  await expect(page.getByTestId(`node-bridge-${intranet!.bridge}`)).toBeVisible();
  await expect(page.getByTestId('node-bridge-docker0')).toContainText('network bridge 172.17.0.0/16');
  for (const c of [w1!, w2!]) {
    const veth = c.endpoints[0]!.hostVeth!;
    expect(veth).toMatch(/^veth/);
    await expect(page.getByText(`${veth} ↔ eth0`)).toBeVisible();
  }
  await clickUntil(page.getByTestId('node-container-w1'), () => expect(page.getByTestId('details')).toContainText('bridgeport-lab/busybox:1', { timeout: 1_000 }));
  await expect(page.getByTestId('details')).toContainText(w1!.endpoints[0]!.ip!);
  await page.screenshot({ path: testInfo.outputPath('topology.png') });
  await testInfo.attach('topology', { path: testInfo.outputPath('topology.png'), contentType: 'image/png' });
});

test('a container started during the test appears without a reload', async ({ page, served }) => {
  await page.goto(served.url);
  await expect(page.getByTestId('node-container-w1')).toBeVisible();
  await page.evaluate(() => ((globalThis as unknown as { marker: number }).marker = 42));
  sh('docker', ['run', '-d', '--name', 'e2e-live', process.env.BP_LAB_IMAGE!, 'sleep', '1d']);
  try {
    await expect(page.getByTestId('node-container-e2e-live')).toBeVisible();
    await expect(page.getByTestId('node-container-e2e-live')).toContainText('running');
    expect(await page.evaluate(() => (globalThis as unknown as { marker?: number }).marker)).toBe(42);
  } finally {
    sh('docker', ['rm', '-f', 'e2e-live']);
  }
  await expect(page.getByTestId('node-container-e2e-live')).toHaveCount(0);
});

test('without Docker the host still shows, with the reason and what to do', async ({ page }) => {
  const noDocker = await serve({ DOCKER_HOST: 'unix:///nonexistent/bridgeport-e2e.sock', BRIDGEPORT_CONFIG_DIR: '/nonexistent/bridgeport-e2e-config' });
  try {
    await page.goto(noDocker.url);
    await expect(page.getByTestId('docker-problem')).toContainText('The Docker daemon is not running');
    await expect(page.getByTestId('docker-problem')).toContainText('start it');
    await expect(page.getByTestId('docker-badge')).toHaveText('Docker unavailable');
    await expect(page.getByTestId('node-bridge-docker0')).toBeVisible();
    await expect(page.getByTestId('node-nic-lo')).toBeVisible();
  } finally {
    await noDocker.stop();
  }
});

test('grouping folds containers per network and is kept; search finds and reveals; the table lists every container', async ({ page, served }) => {
  const w1 = cliSnapshot().containers.find((c) => c.name === 'w1')!;
  const ip = w1.endpoints[0]!.ip!.split('/')[0]!;
  await page.goto(served.url);
  await expect(page.getByTestId('node-container-w1')).toBeVisible();

  // Every network folded: w1, w2 and dual (bridge before intranet by name) become one node.
  await page.getByTestId('topology-grouping').getByText('Every network').click();
  const group = page.getByTestId('node-group-bridge: 3 containers');
  await expect(group).toBeVisible();
  await expect(page.getByTestId('node-container-w1')).toHaveCount(0);
  await expect(page.getByTestId('node-bridge-docker0')).toBeVisible();
  await clickUntil(group, () => expect(page.getByTestId('group-details')).toContainText(`w1 · running · ${w1.endpoints[0]!.ip}`, { timeout: 1_000 }));

  // The choice is kept across a reload.
  await page.reload();
  await expect(page.getByTestId('node-group-bridge: 3 containers')).toBeVisible();

  // Searching w1's address draws w1 alone out of its group, marked, and the rest faint.
  await page.getByTestId('topology-search').fill(ip);
  await expect(page.getByTestId('node-container-w1')).toHaveAttribute('data-matched', 'true');
  await expect(page.getByTestId('node-container-w1')).toBeInViewport();
  await expect(page.getByTestId('node-container-w2')).toHaveCount(0);
  await expect(page.getByTestId('node-group-bridge: 2 containers')).toHaveAttribute('data-matched', 'false');
  await expect(page.getByTestId('topology-search-hits')).toHaveText('1 match');
  await page.getByTestId('topology-search').fill('no-such-container');
  await expect(page.getByTestId('topology-search-hits')).toHaveText('no match');
  await page.getByTestId('topology-search').press('Escape');
  await expect(page.getByTestId('node-container-w1')).toHaveCount(0);

  // The group's own button unfolds it.
  await page.getByTestId('unfold-bridge').click();
  await expect(page.getByTestId('node-container-w1')).toBeVisible();
  await expect(page.getByTestId('node-container-w2')).toBeVisible();

  // The table: one row per container with its address and cable; the search filters it.
  await page.getByTestId('topology-display').getByText('Table').click();
  await expect(page.getByTestId('topology-table').locator('tbody tr')).toHaveCount(cliSnapshot().containers.length);
  await expect(page.getByTestId('topology-row-w1')).toContainText(ip);
  await expect(page.getByTestId('topology-row-w1')).toContainText(`${w1.endpoints[0]!.hostVeth} ↔ eth0`);
  await page.getByTestId('topology-search').fill('w1');
  await expect(page.getByTestId('topology-row-w2')).toHaveCount(0);
  await page.getByTestId('topology-row-w1').click();
  await expect(page.getByTestId('details')).toContainText(w1.id.slice(0, 12));

  // Back to the default for the other tests of this page.
  await page.getByTestId('topology-display').getByText('Graph').click();
  await page.getByTestId('topology-grouping').getByText('Crowded networks').click();
  await expect(page.getByTestId('node-container-w2')).toBeVisible();
});

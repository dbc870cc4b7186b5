// Networks, namespaces and the doctor from the GUI, in Debian's Chromium against `bridgeport serve`
// inside the lab with real Docker: a bridge network with its -o options is created in the form
// (obvious mistakes caught per field, overlay refused in the engine's words), shows in the table
// and on the topology, a container is connected with a static IP and alias, disconnected and
// connected again, and the network is removed by disconnecting it first. A namespace and a veth
// pair are made, one end moved into a running container, set down and up, and deleted. The
// doctor gives every check a verdict (nothing is fixed here: no sysctl changes).
import { execFileSync } from 'node:child_process';
import type { Page, TestInfo } from '@playwright/test';
import { expect, root, seedLab, sh, test } from './lab-fixtures';

test.beforeAll(seedLab);

const NET = 'e2enet';
const BRIDGE = 'bre2e0';
const CONTAINER = 'e2e-netc';

async function screenshot(page: Page, testInfo: TestInfo, name: string): Promise<void> {
  const path = testInfo.outputPath(`${name}.png`);
  await page.screenshot({ path, animations: 'disabled' });
  await testInfo.attach(name, { path, contentType: 'image/png' });
}

async function pick(page: Page, field: string, option: string): Promise<void> {
  await page.getByTestId(field).click();
  await page.getByRole('option', { name: option, exact: true }).click();
}

/** Runs a cleanup command, ignoring "no such …": the test may have removed it already. */
function quietly(file: string, args: string[]): void {
  try {
    execFileSync(file, args, { cwd: root, stdio: 'ignore' });
  } catch {
    // gone already
  }
}

function linkExists(name: string): boolean {
  try {
    execFileSync('ip', ['link', 'show', name], { stdio: 'ignore' });
    return true;
  } catch {
    return false;
  }
}

function inspect(format: string, network = NET): string {
  return sh('docker', ['network', 'inspect', '-f', format, network]).trim();
}

function networkNames(): string[] {
  return sh('docker', ['network', 'ls', '--format', '{{.Name}}']).trim().split('\n');
}

test('the Networks view creates a bridge network, connects a container and removes it again', async ({ page, served }, testInfo) => {
  sh('docker', ['run', '-d', '--name', CONTAINER, process.env.BP_LAB_IMAGE!, 'sleep', '1d']);
  try {
    await page.goto(served.url);
    await page.getByTestId('tab-networks').click();
    await expect(page.getByTestId('networks-view')).toBeVisible();

    // Docker's built-ins are marked and cannot be removed; host and none take no connections.
    for (const name of ['bridge', 'host', 'none']) {
      await expect(page.getByTestId(`network-builtin-${name}`)).toBeVisible();
      await expect(page.getByTestId(`remove-network-${name}`)).toHaveCount(0);
    }
    await expect(page.getByTestId('connect-host')).toHaveCount(0);
    await expect(page.getByTestId('connect-none')).toHaveCount(0);
    await expect(page.getByTestId('network-addressing-intranet')).toContainText('172.28.0.0/16 · gw 172.28.0.1');
    await expect(page.getByTestId('network-containers-intranet')).toContainText('dual');
    await expect(page.getByTestId('network-containers-intranet')).toContainText('i1');
    await expect(page.getByTestId('network-host-side-bridge')).toContainText('bridge docker0');
    await expect(page.getByTestId(`network-row-${NET}`)).toHaveCount(0);
    const networksBefore = networkNames();

    await page.getByTestId('create-network').click();
    const modal = page.getByTestId('network-modal');
    await expect(modal).toBeVisible();

    // Obvious mistakes are said per field, without asking the engine.
    await page.getByTestId('network-name').fill('e2e net');
    await page.getByTestId('network-subnet').fill('172.31.0.0');
    await page.getByTestId('network-bridge-name').fill('bre2e0-far-too-long');
    await page.getByTestId('network-mtu').fill('20');
    await page.getByTestId('network-submit').click();
    await expect(modal).toContainText('A name has only letters, digits, _ . and -');
    await expect(modal).toContainText('“172.31.0.0” is not a subnet: write one like 172.30.0.0/24');
    await expect(modal).toContainText('A bridge name is at most 15 characters (this one has 19)');
    await expect(modal).toContainText('MTU goes from 68 to 65535');
    await expect(page.getByTestId('network-error')).toHaveCount(0);
    await screenshot(page, testInfo, 'field-errors');

    // Overlay needs Swarm: the engine says so, in its words, and nothing is created.
    await page.getByTestId('network-name').fill(NET);
    await page.getByTestId('network-driver').getByText('overlay').click();
    await expect(page.getByTestId('network-overlay-note')).toBeVisible();
    await expect(page.getByTestId('network-bridge-options')).toHaveCount(0);
    await page.getByTestId('network-subnet').fill('172.31.0.0/24');
    await page.getByTestId('network-submit').click();
    await expect(page.getByTestId('network-error')).toContainText('Swarm');
    await expect(page.getByTestId('network-error')).toHaveAttribute('data-kind', 'refused');
    await expect(modal).toBeVisible();
    await screenshot(page, testInfo, 'overlay-refused');
    expect(networkNames()).toEqual(networksBefore);

    // A free subnet is offered (subnet and gateway filled); the test then types its own.
    await page.getByTestId('network-driver').getByText('bridge').click();
    await expect(page.getByTestId('network-error')).toHaveCount(0);
    await page.getByTestId('network-subnet').fill('');
    await page.getByTestId('network-suggest-subnet').click();
    await expect(page.getByTestId('network-subnet')).toHaveValue(/^\d+\.\d+\.\d+\.\d+\/\d+$/);
    await expect(page.getByTestId('network-gateway')).toHaveValue(/^\d+\.\d+\.\d+\.\d+$/);
    await page.getByTestId('network-subnet').fill('172.31.0.0/24');
    await page.getByTestId('network-gateway').fill('172.31.0.1');
    await page.getByTestId('network-bridge-name').fill(BRIDGE);
    await page.getByTestId('network-mtu').fill('1450');
    await page.getByTestId('network-icc').uncheck();
    await expect(page.getByTestId('network-icc')).not.toBeChecked();
    await page.getByTestId('network-submit').click();
    await expect(modal).toHaveCount(0);

    const row = page.getByTestId(`network-row-${NET}`);
    await expect(row).toBeVisible();
    await expect(page.getByTestId(`network-addressing-${NET}`)).toContainText('172.31.0.0/24 · gw 172.31.0.1');
    await expect(page.getByTestId(`network-host-side-${NET}`)).toContainText(`bridge ${BRIDGE}`);
    for (const label of [`bridge name ${BRIDGE}`, 'ICC off', 'MTU 1450']) await expect(page.getByTestId(`network-options-${NET}`)).toContainText(label);
    expect(inspect('{{range .IPAM.Config}}{{.Subnet}} {{.Gateway}}{{end}}')).toBe('172.31.0.0/24 172.31.0.1');
    expect(JSON.parse(inspect('{{json .Options}}'))).toEqual({
      'com.docker.network.bridge.name': BRIDGE,
      'com.docker.network.bridge.enable_icc': 'false',
      'com.docker.network.driver.mtu': '1450',
    });
    await screenshot(page, testInfo, 'created');

    // The topology shows the new bridge with its network.
    await page.getByTestId('tab-topology').click();
    await expect(page.getByTestId(`node-bridge-${BRIDGE}`)).toBeVisible();
    await expect(page.getByTestId(`node-bridge-${BRIDGE}`)).toContainText(`network ${NET} 172.31.0.0/24`);
    await screenshot(page, testInfo, 'topology');

    // Connect the container with a static IP and an alias.
    await page.getByTestId('tab-networks').click();
    await page.getByTestId(`connect-${NET}`).click();
    const connect = page.getByTestId('connect-modal');
    await expect(connect).toBeVisible();
    await page.getByTestId('connect-container').click();
    // Containers already on it, or without a namespace of their own, are not offered.
    await expect(page.getByRole('option', { name: CONTAINER, exact: true })).toBeVisible();
    for (const hidden of ['hostnet', 'nonet']) await expect(page.getByRole('option', { name: hidden, exact: true })).toHaveCount(0);
    await page.getByRole('option', { name: CONTAINER, exact: true }).click();
    await page.getByTestId('connect-ip').fill('172.31.0.0/24');
    await page.getByTestId('connect-submit').click();
    await expect(connect).toContainText('is not an IPv4 address');
    await page.getByTestId('connect-ip').fill('172.31.0.10');
    await page.getByTestId('connect-aliases').fill('web');
    await page.getByTestId('connect-aliases').press('Enter');
    await page.getByTestId('connect-submit').click();
    await expect(connect).toHaveCount(0);
    const attached = page.getByTestId(`attached-${NET}-${CONTAINER}`);
    await expect(attached).toContainText('172.31.0.10');
    await expect(attached).toContainText('aka web');
    expect(inspect('{{range .Containers}}{{.Name}} {{.IPv4Address}}{{end}}')).toBe(`${CONTAINER} 172.31.0.10/24`);
    expect(sh('docker', ['inspect', '-f', `{{json (index .NetworkSettings.Networks "${NET}").Aliases}}`, CONTAINER])).toContain('"web"');
    await screenshot(page, testInfo, 'connected');

    // Disconnect, then connect again (Docker picks the address this time).
    await page.getByTestId(`disconnect-${NET}-${CONTAINER}`).click();
    await expect(attached).toHaveCount(0);
    expect(inspect('{{len .Containers}}')).toBe('0');
    await page.getByTestId(`connect-${NET}`).click();
    await pick(page, 'connect-container', CONTAINER);
    await page.getByTestId('connect-submit').click();
    await expect(connect).toHaveCount(0);
    await expect(attached).toContainText('172.31.0.');

    // Removing is refused while the container is attached; disconnecting it first is offered.
    await page.getByTestId(`remove-network-${NET}`).click();
    await expect(page.getByTestId(`remove-dialog-${NET}`)).toContainText(`Remove network ${NET}?`);
    await page.getByTestId(`remove-confirm-${NET}`).click();
    await expect(page.getByTestId(`remove-error-${NET}`)).toContainText(`Network ${NET} has 1 attached container (${CONTAINER})`);
    expect(networkNames()).toContain(NET);
    await screenshot(page, testInfo, 'remove-refused');
    await page.getByTestId(`remove-disconnect-${NET}`).click();
    await expect(row).toHaveCount(0);
    expect(networkNames()).not.toContain(NET);
    expect(sh('docker', ['inspect', '-f', '{{.State.Running}}', CONTAINER]).trim()).toBe('true');
    await screenshot(page, testInfo, 'removed');

    await page.getByTestId('tab-topology').click();
    await expect(page.getByTestId('node-container-w1')).toBeVisible();
    await expect(page.getByTestId(`node-bridge-${BRIDGE}`)).toHaveCount(0);
  } finally {
    quietly('docker', ['rm', '-f', CONTAINER]);
    quietly('docker', ['network', 'rm', NET]);
  }
});

test('a macvlan network sits on the parent NIC picked from the host’s links', async ({ page, served }, testInfo) => {
  // A veth pair in the lab host namespace stands in for the LAN card (this kernel has no dummy links).
  sh('ip', ['link', 'add', 'e2epar0', 'type', 'veth', 'peer', 'name', 'e2epar1']);
  try {
    await page.goto(served.url);
    await page.getByTestId('tab-networks').click();
    await page.getByTestId('create-network').click();
    await page.getByTestId('network-name').fill('e2emac');
    await page.getByTestId('network-driver').getByText('macvlan').click();
    await expect(page.getByTestId('network-bridge-options')).toHaveCount(0);
    await page.getByTestId('network-submit').click();
    await expect(page.getByTestId('network-modal')).toContainText('Pick the host NIC the macvlan network sits on');
    await page.getByTestId('network-parent').click();
    // Loopback, veths and Docker's bridges are never offered.
    await expect(page.getByRole('option', { name: /^lo / })).toHaveCount(0);
    await expect(page.getByRole('option', { name: /^docker0 / })).toHaveCount(0);
    await page.getByRole('option', { name: /^e2epar0 / }).click();
    await expect(page.getByTestId('network-mode')).toHaveValue('bridge');
    await page.getByTestId('network-subnet').fill('172.31.8.0/24');
    await page.getByTestId('network-submit').click();
    await expect(page.getByTestId('network-modal')).toHaveCount(0);
    await expect(page.getByTestId('network-host-side-e2emac')).toContainText('parent e2epar0');
    await expect(page.getByTestId('network-options-e2emac')).toContainText('mode bridge');
    expect(JSON.parse(inspect('{{json .Options}}', 'e2emac'))).toEqual({ parent: 'e2epar0', macvlan_mode: 'bridge' });
    await screenshot(page, testInfo, 'macvlan');

    await page.getByTestId('remove-network-e2emac').click();
    await page.getByTestId('remove-confirm-e2emac').click();
    await expect(page.getByTestId('network-row-e2emac')).toHaveCount(0);
    expect(networkNames()).not.toContain('e2emac');
  } finally {
    quietly('docker', ['network', 'rm', 'e2emac']);
    quietly('ip', ['link', 'delete', 'e2epar0']);
  }
});

test('the Namespaces view makes a namespace and a veth pair, moves one end into a container and deletes them', async ({ page, served }, testInfo) => {
  const ns = `${process.env.BP_LAB}-e2e`;
  sh('docker', ['run', '-d', '--name', CONTAINER, process.env.BP_LAB_IMAGE!, 'sleep', '1d']);
  try {
    await page.goto(served.url);
    await page.getByTestId('tab-namespaces').click();
    await expect(page.getByTestId('namespaces-view')).toBeVisible();
    await expect(page.getByTestId('made-empty')).toBeVisible();
    // The seed's namespace is listed; Bridgeport did not make it, so its links cannot be changed here.
    await expect(page.getByTestId(`namespace-${process.env.BP_LAB}-ns1`)).toContainText('bpv1');
    await expect(page.getByTestId(`link-state-${process.env.BP_LAB}-ns1-bpv1`)).toHaveCount(0);

    await page.getByTestId('create-netns').click();
    await page.getByTestId('netns-name').fill('bad/name');
    await page.getByTestId('netns-submit').click();
    await expect(page.getByTestId('netns-modal')).toContainText('A namespace name has only letters, digits, _ . and -');
    await page.getByTestId('netns-name').fill(ns);
    await page.getByTestId('netns-submit').click();
    await expect(page.getByTestId('netns-modal')).toHaveCount(0);
    await expect(page.getByTestId(`made-row-${ns}`)).toBeVisible();
    await expect(page.getByTestId(`namespace-${ns}`)).toContainText('made by Bridgeport');
    expect(sh('ip', ['netns', 'list'])).toContain(ns);

    await page.getByTestId('create-veth').click();
    await page.getByTestId('veth-name').fill('e2eh0');
    await page.getByTestId('veth-peer').fill('e2eh0');
    await page.getByTestId('veth-submit').click();
    await expect(page.getByTestId('veth-modal')).toContainText('The two ends need different names');
    await page.getByTestId('veth-peer').fill('e2ep0');
    await page.getByTestId('veth-mtu').fill('1400');
    await page.getByTestId('veth-submit').click();
    await expect(page.getByTestId('veth-modal')).toHaveCount(0);
    await expect(page.getByTestId('made-row-e2eh0')).toContainText('e2eh0 ↔ e2ep0');
    expect(linkExists('e2ep0')).toBe(true);
    await expect(page.getByTestId('link-place-e2ep0')).toHaveText('in host');

    // Pipework-style: the peer goes into the running container as eth1 with an address.
    await page.getByTestId('move-link-e2ep0').click();
    await expect(page.getByTestId('move-link')).toHaveValue('e2ep0');
    await pick(page, 'move-target', CONTAINER);
    await page.getByTestId('move-rename').fill('eth1');
    await page.getByTestId('move-address').fill('10.123.0.2/24');
    await page.getByTestId('move-submit').click();
    await expect(page.getByTestId('move-modal')).toHaveCount(0);
    await expect(page.getByTestId('link-place-eth1')).toHaveText(`in container ${CONTAINER}`);
    expect(sh('docker', ['exec', CONTAINER, 'ip', '-o', '-4', 'addr', 'show', 'eth1'])).toContain('10.123.0.2/24');
    await screenshot(page, testInfo, 'moved');

    // Down and up again, inside the container.
    await expect(page.getByTestId('link-eth1')).toHaveAttribute('data-up', 'true');
    await page.getByTestId('link-state-eth1').click();
    await expect(page.getByTestId('link-eth1')).toHaveAttribute('data-up', 'false');
    await page.getByTestId('link-state-eth1').click();
    await expect(page.getByTestId('link-eth1')).toHaveAttribute('data-up', 'true');

    await page.getByTestId('delete-made-e2eh0').click();
    await page.getByTestId('delete-confirm-e2eh0').click();
    await expect(page.getByTestId('made-row-e2eh0')).toHaveCount(0);
    expect(linkExists('e2eh0')).toBe(false);
    await page.getByTestId(`delete-made-${ns}`).click();
    await page.getByTestId(`delete-confirm-${ns}`).click();
    await expect(page.getByTestId(`made-row-${ns}`)).toHaveCount(0);
    await expect(page.getByTestId(`namespace-${ns}`)).toHaveCount(0);
    expect(sh('ip', ['netns', 'list'])).not.toContain(ns);
  } finally {
    quietly('docker', ['rm', '-f', CONTAINER]);
    quietly('ip', ['link', 'delete', 'e2eh0']);
    quietly('ip', ['netns', 'delete', ns]);
  }
});

test('the doctor gives every check a verdict and says what it looked at', async ({ page, served }, testInfo) => {
  await page.goto(served.url);
  await page.getByTestId('tab-doctor').click();
  const view = page.getByTestId('doctor-view');
  await expect(view).toHaveAttribute('data-running', 'false', { timeout: 30_000 });
  await expect(page.getByTestId('doctor-error')).toHaveCount(0);
  const checks = page.locator('[data-testid^="doctor-check-"][data-status]');
  const count = await checks.count();
  expect(count).toBeGreaterThan(0);
  for (let i = 0; i < count; i++) {
    const check = checks.nth(i);
    const status = await check.getAttribute('data-status');
    expect(['ok', 'warn', 'fail']).toContain(status);
    const id = (await check.getAttribute('data-testid'))!.replace(/^doctor-check-/, '');
    await expect(page.getByTestId(`doctor-status-${id}`)).toHaveText(status!);
    await expect(page.getByTestId(`doctor-detail-${id}`)).not.toBeEmpty();
  }
  await expect(page.getByTestId('doctor-summary')).toBeVisible();

  // What a check looked at is folded away until asked for.
  const toggle = page.locator('[data-testid^="doctor-looked-at-toggle-"]').first();
  const id = (await toggle.getAttribute('data-testid'))!.replace(/^doctor-looked-at-toggle-/, '');
  await toggle.click();
  await expect(page.getByTestId(`doctor-looked-at-${id}`)).toBeVisible();
  await screenshot(page, testInfo, 'doctor');

  await page.getByTestId('doctor-check-again').click();
  await expect(view).toHaveAttribute('data-running', 'false', { timeout: 30_000 });
  await expect(checks).toHaveCount(count);
});

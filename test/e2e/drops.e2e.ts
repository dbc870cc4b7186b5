// Drops on the topology and in the Flows view (issue 17), in Debian's Chromium against `bridgeport
// serve` inside the lab: a DROP rule put in DOCKER-USER for the LAN client → w1 stops a real fetch
// through 8080; w1's node gets a red drop badge naming the rule, and the Flows view's Drops section
// lists it where it happened. The rule is removed afterwards (the lab's own namespace only).
import { cliSnapshot, expect, LAN_HOST_IP, seedLab, sh, test } from './lab-fixtures';

test.beforeAll(() => {
  seedLab();
});

test('a DROP rule stopping the LAN → w1:8080 is a red badge on w1 with the rule, and a row in the Flows view', async ({ page, served }, testInfo) => {
  const w1 = cliSnapshot().containers.find((c) => c.name === 'w1')!;
  const w1Ip = w1.endpoints.find((e) => e.network === 'bridge')!.ip!.split('/')[0]!;
  const rule = ['DOCKER-USER', '-s', '198.51.100.2/32', '-d', `${w1Ip}/32`, '-p', 'tcp', '-m', 'tcp', '--dport', '80', '-j', 'DROP'];
  const spec = `-A DOCKER-USER -s 198.51.100.2/32 -d ${w1Ip}/32 -p tcp -m tcp --dport 80 -j DROP`;
  await page.goto(served.url);
  await expect(page.getByTestId('node-container-w1')).toBeVisible();
  const badge = page.getByTestId(`drop-badge-container:${w1.id}`);
  await expect(badge).toHaveCount(0);

  // The topology's traffic subscription reads the firewall each tick: one read first, as baseline.
  await page.waitForTimeout(2500);
  sh('iptables', ['-I', ...rule]);
  try {
    // The fetch must fail (exit 1 if it got through); its SYNs are what the rule drops.
    sh('bash', ['-c', `ip netns exec "$BP_LAB_LAN_NS" timeout 3 busybox wget -q -O /dev/null http://${LAN_HOST_IP}:8080/ && exit 1 || true`]);
    await expect(badge).toBeVisible({ timeout: 15_000 });
    await expect(badge).toHaveAttribute('aria-label', new RegExp(`dropped here .*filter DOCKER-USER: ${spec.replaceAll('.', '\\.').replaceAll('/', '\\/')}`));
    await page.screenshot({ path: testInfo.outputPath('drops-topology.png') });

    await page.getByTestId('tab-flows').click();
    const row = page.getByTestId('drop-row').filter({ has: page.getByTestId('drop-rule').getByText(spec, { exact: true }) });
    await expect(row).toHaveCount(1, { timeout: 15_000 });
    await expect(row.getByTestId('drop-where')).toHaveText('container w1');
    await page.screenshot({ path: testInfo.outputPath('drops-flows.png') });
  } finally {
    sh('iptables', ['-D', ...rule]);
  }
});

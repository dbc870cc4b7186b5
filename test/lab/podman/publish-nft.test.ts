// Issue 15: publishing on real rootful Podman 5 (BP_LAB_ENGINE=podman5), whose netavark writes
// native nftables (`table inet netavark`). Without any override Bridgeport picks its own `table inet
// bridgeport`; the port is reached like on Docker, survives `netavark firewall-reload` and a
// container restart, and unpublishing touches nothing but our own table. Runs only in Podman labs
// (vitest.config.ts).
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { bridgeport, bridgeportOk, labEnv, repoRoot, run } from '../support';
import { ipOf, LAN_IP, reaches, rulesText, startUdpEcho, tempConfigDir, udpAsk, waitUntil, type Client, reachMatrix, EVERYWHERE } from '../publish-support';
import { DaemonProcess } from '../daemon-process';

const LAN: Client = { lan: true };
const NEIGHBOUR: Client = { container: 'q2' };

const nftRuleset = async () => (await run('nft', ['list', 'ruleset'])).replace(/counter packets \d+ bytes \d+/g, 'counter');
/** The listing's tables but ours (netavark's own table changes with its firewall-reload and restarts). */
const otherTables = async () => (await nftRuleset()).split(/^(?=table )/m).filter((t) => !t.startsWith('table inet bridgeport ')).map((t) => t.trimEnd()).join('\n');
const ourTable = () => run('nft', ['list', 'table', 'inet', 'bridgeport']).catch(() => null);
/** podman's compat API reports no IPAddress for the default network: read it from the network list. */
async function podmanIp(container: string): Promise<string> {
  const ip = await ipOf(container);
  if (ip) return ip;
  return (await run('docker', ['inspect', '-f', '{{range .NetworkSettings.Networks}}{{.IPAddress}}{{end}}', container])).trim();
}

describe('publish on rootful Podman 5: the native table, chosen by itself', () => {
  let config: Awaited<ReturnType<typeof tempConfigDir>>;
  let udpServer: ChildProcess | null = null;
  let iptablesBefore = '';
  // No BRIDGEPORT_FIREWALL_BACKEND: auto must see netavark's table.
  const env = () => ({ BRIDGEPORT_CONFIG_DIR: config.dir });
  const cli = (...args: string[]) => bridgeportOk(args, env());

  beforeAll(async () => {
    const { image } = labEnv();
    config = await tempConfigDir();
    await run('docker', ['run', '-d', '--name', 'q1', image, 'httpd', '-f', '-p', '80', '-h', '/www']);
    await run('docker', ['run', '-d', '--name', 'q2', image, 'sleep', '1d']);
    udpServer = await startUdpEcho('q1', 5300);
    iptablesBefore = await rulesText();
  });

  afterAll(async () => {
    udpServer?.kill();
    for (const spec of ['9200', '9210/udp']) await bridgeport(['unpublish', 'q1', spec], env());
    await run('docker', ['rm', '-f', 'q1', 'q2']).catch(() => undefined);
    await config.remove();
  });

  it('TCP: LAN client, host by LAN IP and 127.0.0.1, a neighbour and the container itself', async () => {
    expect(await reaches(LAN, LAN_IP, 9200)).toBe(false);
    expect(await cli('publish', 'q1', '9200:80')).toMatch(/^published 0\.0\.0\.0:9200\/tcp -> q1 10\.88\.\d+\.\d+:80 \(podman, active\)/);
    const table = await ourTable();
    expect(table).toContain('tcp dport 9200 dnat ip to 10.88.');
    expect(table).toContain('oifname "podman0"');
    expect(await reachMatrix(9200, 'q2', 'q1')).toEqual(EVERYWHERE);
    // iptables untouched: nothing of ours there.
    expect(await rulesText()).toBe(iptablesBefore);
  });

  it('UDP from the LAN gets the echo (netavark forwards what our table accepted)', async () => {
    await cli('publish', 'q1', '9210:5300/udp');
    expect(await udpAsk(LAN, LAN_IP, 9210, 'from-lan')).toBe('echo:from-lan');
    expect(await udpAsk(NEIGHBOUR, LAN_IP, 9210, 'from-q2')).toBe('echo:from-q2');
  });

  it('survives `netavark firewall-reload`: our table is untouched and a reconcile finds nothing to do', async () => {
    const ours = await ourTable();
    await run('bash', [resolve(repoRoot, 'test/lab/lab.sh'), '--firewall-reload', process.env.BP_LAB!]);
    expect(await ourTable()).toBe(ours);
    expect(await cli('reconcile')).toMatch(/^rules already in place/);
    expect(await reaches(LAN, LAN_IP, 9200)).toBe(true);
  });

  it('follows the container across a restart (reconcile)', async () => {
    await run('docker', ['restart', '-t', '0', 'q1']);
    await cli('reconcile');
    const ip = await podmanIp('q1');
    expect(await ourTable()).toContain(`tcp dport 9200 dnat ip to ${ip}:80`);
    expect(await reaches(LAN, LAN_IP, 9200)).toBe(true);
  });

  it('with `bridgeport daemon` running, our table comes back after someone deletes it', async () => {
    const daemon = new DaemonProcess(config.dir);
    await daemon.start();
    try {
      await run('nft', ['delete', 'table', 'inet', 'bridgeport']);
      expect(await reaches(LAN, LAN_IP, 9200)).toBe(false);
      await waitUntil(() => reaches(LAN, LAN_IP, 9200), 15_000, 'the daemon to restore table inet bridgeport');
      expect(await ourTable()).toContain('tcp dport 9200 dnat ip to 10.88.');
    } finally {
      await daemon.stop();
    }
  });

  it('unpublishing everything touches nothing but our table, which keeps only the loopback guard (netavark keeps route_localnet on podman0)', async () => {
    const othersBefore = await otherTables();
    for (const spec of ['9200', '9210/udp']) await cli('unpublish', 'q1', spec);
    expect(await otherTables()).toBe(othersBefore);
    expect((await run('cat', ['/proc/sys/net/ipv4/conf/podman0/route_localnet'])).trim()).toBe('1');
    // As with iptables: while any interface routes 127.0.0.0/8, the guard against the LAN stays.
    const rules = (await ourTable())?.match(/^\t\t[^\t].*$/gm)?.filter((l) => !/type filter hook/.test(l));
    expect(rules).toEqual(['\t\tip daddr 127.0.0.0/8 iifname != "lo" drop comment "bridgeport: loopback guard"']);
    expect(await reaches(LAN, LAN_IP, 9200)).toBe(false);
  });
});

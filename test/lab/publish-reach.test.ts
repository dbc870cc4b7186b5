// Issue 4: a port Bridgeport publishes on a running container behaves like Docker's -p. The matrix
// of who reaches it (LAN client, the host by LAN IP and 127.0.0.1, a neighbour container, the
// container itself), for TCP and UDP, a range and the two kinds of bound address.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { bridgeport, bridgeportOk, run } from './support';
import { ipOf, LAN_IP, reaches, rulesText, startUdpEcho, tempConfigDir, udpAsk, type Client, reachMatrix, EVERYWHERE } from './publish-support';

const LAN: Client = { lan: true };
const HOST: Client = { host: true };
const NEIGHBOUR: Client = { container: 'w2' };
const ITSELF: Client = { container: 'w1' };

let config: Awaited<ReturnType<typeof tempConfigDir>>;
const cli = (...args: string[]) => bridgeportOk(args, { BRIDGEPORT_CONFIG_DIR: config.dir });
let udpServers: ChildProcess[] = [];

beforeAll(async () => {
  config = await tempConfigDir();
  // A second web root on port 81 tells the ports of a range apart.
  await run('docker', ['exec', 'w1', 'sh', '-c', 'mkdir -p /tmp/w81 && echo port-81-page >/tmp/w81/index.html']);
  await run('docker', ['exec', '-d', 'w1', 'httpd', '-f', '-p', '81', '-h', '/tmp/w81']);
  udpServers = [await startUdpEcho('w1', 5300), await startUdpEcho('w1', 5301)];
});

afterAll(async () => {
  for (const server of udpServers) server.kill();
  for (const spec of ['9100', '127.0.0.1:9101', `${LAN_IP}:9102`, '9110/udp', '9111/udp', '9120']) {
    await bridgeport(['unpublish', 'w1', spec], { BRIDGEPORT_CONFIG_DIR: config.dir });
  }
  await run('docker', ['exec', 'w1', 'sh', '-c', 'pkill -f "httpd -p 81" || true']);
  await config.remove();
});

describe('publish on a running container (TCP)', () => {
  it('all addresses: LAN client, host by LAN IP and 127.0.0.1, a neighbour container and the container itself (hairpin)', async () => {
    expect(await reaches(LAN, LAN_IP, 9100)).toBe(false);
    expect(await cli('publish', 'w1', '9100:80')).toMatch(/^published 0\.0\.0\.0:9100\/tcp -> w1 172\.17\.0\.\d+:80 \(bridge, active\)/);
    expect(await reachMatrix(9100, 'w2', 'w1')).toEqual(EVERYWHERE);
  });

  it('bound to 127.0.0.1: the host reaches it there, the LAN does not, and the loopback guard is in place', async () => {
    await cli('publish', 'w1', '127.0.0.1:9101:80');
    expect(await reaches(HOST, '127.0.0.1', 9101)).toBe(true);
    expect(await reaches(LAN, LAN_IP, 9101)).toBe(false);
    expect(await reaches(HOST, LAN_IP, 9101)).toBe(false);
    expect(await rulesText()).toContain('-A BRIDGEPORT-RAW -d 127.0.0.0/8 ! -i lo -m comment --comment "bridgeport: loopback guard" -j DROP');
  });

  it('bound to the LAN address: reachable there from the LAN, the host and a neighbour, not on 127.0.0.1', async () => {
    await cli('publish', 'w1', `${LAN_IP}:9102:80`);
    expect(await reaches(LAN, LAN_IP, 9102)).toBe(true);
    expect(await reaches(HOST, LAN_IP, 9102)).toBe(true);
    expect(await reaches(NEIGHBOUR, LAN_IP, 9102)).toBe(true);
    expect(await reaches(HOST, '127.0.0.1', 9102)).toBe(false);
  });

  it('a range maps port to port (9120→80, 9121→81)', async () => {
    await cli('publish', 'w1', '9120-9121:80-81');
    expect(await reaches(LAN, LAN_IP, 9120, 'bridgeport lab')).toBe(true);
    expect(await reaches(LAN, LAN_IP, 9121, 'port-81-page')).toBe(true);
    const dnat = (await rulesText()).split('\n').filter((l) => l.startsWith('-A BRIDGEPORT-DNAT') && /--dport 912[01] /.test(l));
    const ip = await ipOf('w1');
    expect(dnat.map((l) => l.split('--to-destination ')[1])).toEqual([`${ip}:80`, `${ip}:81`]);
  });

  it('is listed by `ports` as a Bridgeport port with its rules and counters', async () => {
    const ports = JSON.parse(await cli('ports', '--json')) as Array<{ hostPort: number; source: string; ruleIds: string[]; packets: number }>;
    const row = ports.find((p) => p.hostPort === 9100);
    expect(row?.source).toBe('bridgeport');
    expect(row?.ruleIds.length).toBeGreaterThanOrEqual(3);
    expect(row?.packets).toBeGreaterThan(0);
  });
});

describe('publish on a running container (UDP)', () => {
  it('LAN client, host by 127.0.0.1, a neighbour and the container itself get the echo', async () => {
    await cli('publish', 'w1', '9110:5300/udp');
    expect(await udpAsk(LAN, LAN_IP, 9110, 'from-lan')).toBe('echo:from-lan');
    expect(await udpAsk(HOST, '127.0.0.1', 9110, 'from-host')).toBe('echo:from-host');
    expect(await udpAsk(NEIGHBOUR, LAN_IP, 9110, 'from-w2')).toBe('echo:from-w2');
    expect(await udpAsk(ITSELF, LAN_IP, 9110, 'from-itself')).toBe('echo:from-itself');
  });

  it('a client that was already sending to the port before it was published gets through at once (conntrack flushed)', async () => {
    // Same source port before and after: without the flush its old conntrack entry (to the host) would win.
    expect(await udpAsk(LAN, LAN_IP, 9111, 'early', 40111)).toBeNull();
    await cli('publish', 'w1', '9111:5301/udp');
    expect(await udpAsk(LAN, LAN_IP, 9111, 'late', 40111)).toBe('echo:late');
  });
});

// Issue 15: published ports rendered natively into `table inet bridgeport`. Here on the default lab
// engine (Docker 28, iptables) with BRIDGEPORT_FIREWALL_BACKEND=nftables forcing the native table:
// the same reachability as the iptables rules where Docker's own FORWARD chain lets the traffic
// through, iptables untouched, and unpublishing leaves `nft list ruleset` exactly as before.
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { ChildProcess } from 'node:child_process';
import { bridgeport, bridgeportOk, run } from './support';
import { LAN_IP, reaches, rulesText, startUdpEcho, tempConfigDir, udpAsk, type Client, reachMatrix, EVERYWHERE } from './publish-support';

const LAN: Client = { lan: true };
const HOST: Client = { host: true };
const NEIGHBOUR: Client = { container: 'w2' };
const SPECS = ['9100', '127.0.0.1:9101', '9110/udp'];

let config: Awaited<ReturnType<typeof tempConfigDir>>;
let udpServer: ChildProcess | null = null;
const env = () => ({ BRIDGEPORT_CONFIG_DIR: config.dir, BRIDGEPORT_FIREWALL_BACKEND: 'nftables' });
const cli = (...args: string[]) => bridgeportOk(args, env());

// iptables-nft makes the raw table for the iptables backend's loopback guard and leaves it, empty, when
// the guard goes: on an engine with no raw rules of its own (Docker 20.10) that empty table is the only trace.
const EMPTY_RAW_SAVE = /^\*raw\n(?::[A-Z]+ ACCEPT \[0:0\]\n)+COMMIT\n/m;
const EMPTY_RAW_NFT = /\ntable ip raw \{\n(?:\tchain [A-Z]+ \{\n\t\ttype filter hook \w+ priority raw; policy accept;\n\t\}\n)+\}/;

/** The whole nftables rule set without counters (iptables-nft's rules count every packet). */
const nftRuleset = async () => (await run('nft', ['list', 'ruleset'])).replace(/counter packets \d+ bytes \d+/g, 'counter').replace(EMPTY_RAW_NFT, '');
const iptablesRules = async () => (await rulesText()).replace(EMPTY_RAW_SAVE, '');
const ourTable = () => run('nft', ['list', 'table', 'inet', 'bridgeport']).catch(() => null);

let nftBefore = '';
let iptablesBefore = '';

beforeAll(async () => {
  config = await tempConfigDir();
  udpServer = await startUdpEcho('w1', 5300);
  nftBefore = await nftRuleset();
  iptablesBefore = await iptablesRules();
});

afterAll(async () => {
  udpServer?.kill();
  for (const spec of SPECS) await bridgeport(['unpublish', 'w1', spec], env());
  await config.remove();
});

describe('publish with the native nftables table (forced on Docker 28)', () => {
  it('TCP on every address: LAN client, host by LAN IP and 127.0.0.1, a neighbour and the container itself', async () => {
    expect(await reaches(LAN, LAN_IP, 9100)).toBe(false);
    expect(await cli('publish', 'w1', '9100:80')).toMatch(/^published 0\.0\.0\.0:9100\/tcp -> w1 172\.17\.0\.\d+:80 \(bridge, active\)/);
    expect(await reachMatrix(9100, 'w2', 'w1')).toEqual(EVERYWHERE);
    const table = await ourTable();
    expect(table).toContain('tcp dport 9100 dnat ip to 172.17.0.');
    expect(table).toContain('type nat hook prerouting priority dstnat - 10; policy accept;');
    expect(table).toContain('type filter hook forward priority filter - 10; policy accept;');
    // Nothing of ours in iptables: the rules live only in our table.
    expect(await iptablesRules()).toBe(iptablesBefore);
  });

  it('bound to 127.0.0.1: the host reaches it there, the LAN does not; the loopback guard is in our table', async () => {
    await cli('publish', 'w1', '127.0.0.1:9101:80');
    expect(await reaches(HOST, '127.0.0.1', 9101)).toBe(true);
    expect(await reaches(LAN, LAN_IP, 9101)).toBe(false);
    expect(await reaches(HOST, LAN_IP, 9101)).toBe(false);
    expect(await ourTable()).toContain('ip daddr 127.0.0.0/8 iifname != "lo" drop comment "bridgeport: loopback guard"');
  });

  it('UDP: the host and a neighbour get the echo; from the LAN, Docker 28 drops what it does not publish itself', async () => {
    await cli('publish', 'w1', '9110:5300/udp');
    expect(await udpAsk(HOST, '127.0.0.1', 9110, 'from-host')).toBe('echo:from-host');
    expect(await udpAsk(NEIGHBOUR, LAN_IP, 9110, 'from-w2')).toBe('echo:from-w2');
    // `! -i docker0 -o docker0 -j DROP` in Docker's DOCKER chain: an accept in our table is not final.
    expect(await udpAsk(LAN, LAN_IP, 9110, 'from-lan')).toBeNull();
  });

  it('a reconcile finds nothing to do; after `nft delete table` it brings the table back', async () => {
    const again = await cli('reconcile');
    expect(again).toMatch(/^rules already in place/);
    // Docker 28's iptables FORWARD chain still judges forwarded packets: Bridgeport says so.
    expect(again).toMatch(/warning: Docker's iptables firewall \(DOCKER-USER\) drops forwarded traffic to container ports Docker does not publish itself: with the nftables backend/);
    await run('nft', ['delete', 'table', 'inet', 'bridgeport']);
    expect(await cli('reconcile')).toMatch(/^rules rewritten/);
    expect(await reaches(LAN, LAN_IP, 9100)).toBe(true);
  });

  it('switching the backend moves the rules: auto writes iptables here and deletes our table; nftables takes them back', async () => {
    const auto = await bridgeport(['reconcile'], { BRIDGEPORT_CONFIG_DIR: config.dir });
    expect(auto.exitCode, auto.stderr).toBe(0);
    expect(await ourTable()).toBeNull();
    expect(await rulesText()).toMatch(/-A BRIDGEPORT-DNAT -p tcp -m tcp --dport 9100 .* -j DNAT --to-destination 172\.17\.0\.\d+:80/);
    expect(await reaches(LAN, LAN_IP, 9100)).toBe(true);
    expect(await cli('reconcile')).toMatch(/^rules rewritten/);
    expect(await iptablesRules()).toBe(iptablesBefore);
    expect(await ourTable()).toContain('tcp dport 9100 dnat ip to 172.17.0.');
    expect(await reaches(LAN, LAN_IP, 9100)).toBe(true);
  });

  it('unpublishing everything deletes our table: `nft list ruleset` and iptables are as before', async () => {
    for (const spec of SPECS) await cli('unpublish', 'w1', spec);
    expect(await ourTable()).toBeNull();
    expect(await nftRuleset()).toBe(nftBefore);
    expect(await iptablesRules()).toBe(iptablesBefore);
    expect(await reaches(LAN, LAN_IP, 9100)).toBe(false);
  });
});

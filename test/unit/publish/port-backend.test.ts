// Which firewall published ports are written with, and Docker's bridge-accept-fwmark.
import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { parseNftTables } from '../../../src/main/netcore/nft/parse-nft-tables';
import { isIptablesNftTable } from '../../../src/main/netcore/nft/parse-nft-json';
import { choosePortBackend, forwardPolicyDrops, iptablesDropsForwarded, type PortBackendFacts } from '../../../src/main/netcore/rulesets/port-backend';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import { acceptFwmarkOf, daemonConfigFileOf, parseFwmark } from '../../../src/main/netcore/rulesets/accept-fwmark';
import { firewallPreference } from '../../../src/main/engine/publish/firewall-preference';

const host = (facts: Partial<PortBackendFacts>): PortBackendFacts => ({ hasIptables: true, hasNft: true, nativeTables: [], ...facts });
const backend = (choice: ReturnType<typeof choosePortBackend>) => ('backend' in choice ? choice.backend : `refused: ${choice.refused}`);

/** The native tables of a captured `nft -j list ruleset`, as the helper lists them. */
const nativeTablesOf = (fixture: string) =>
  parseNftTables(readFileSync(new URL(`../../fixtures/${fixture}`, import.meta.url), 'utf8')).filter((t) => !isIptablesNftTable(t.family, t.name));

describe('choosePortBackend', () => {
  it('on captured rule sets: Podman 5 (netavark) and Docker 29 (nftables backend) get nftables, Docker 20 (iptables-nft) iptables', () => {
    expect(backend(choosePortBackend('auto', host({ nativeTables: nativeTablesOf('podman5/nft-ruleset.json') })))).toBe('nftables');
    expect(backend(choosePortBackend('auto', host({ nativeTables: nativeTablesOf('firewall/docker29-nftables.json') })))).toBe('nftables');
    expect(backend(choosePortBackend('auto', host({ nativeTables: nativeTablesOf('firewall/docker20-nft.json') })))).toBe('iptables');
  });

  it('keeps iptables for Docker 20–28 (iptables-nft or legacy, no native engine table)', () => {
    expect(backend(choosePortBackend('auto', host({})))).toBe('iptables');
    expect(backend(choosePortBackend('auto', host({ hasNft: false })))).toBe('iptables');
  });

  it("picks nftables for netavark's nftables driver, Docker 29's nftables backend, and hosts without iptables", () => {
    expect(backend(choosePortBackend('auto', host({ nativeTables: [{ family: 'inet', name: 'netavark' }] })))).toBe('nftables');
    expect(backend(choosePortBackend('auto', host({ nativeTables: [{ family: 'ip', name: 'docker-bridges' }, { family: 'ip6', name: 'docker-bridges' }] })))).toBe('nftables');
    expect(backend(choosePortBackend('auto', host({ hasIptables: false })))).toBe('nftables');
  });

  it("keeps iptables when Docker's iptables firewall (FORWARD policy DROP) runs beside Podman's netavark: an nftables accept would be dropped there", () => {
    const both = host({ nativeTables: [{ family: 'inet', name: 'netavark' }], iptablesForwardDrops: true });
    expect(choosePortBackend('auto', both)).toEqual({ backend: 'iptables', reason: expect.stringMatching(/FORWARD chain has policy DROP .*netavark/) });
    // Docker 29's own nftables firewall needs its accept mark in our table: still nftables.
    expect(backend(choosePortBackend('auto', host({ nativeTables: [{ family: 'ip', name: 'docker-bridges' }, { family: 'inet', name: 'netavark' }], iptablesForwardDrops: true })))).toBe('nftables');
    expect(backend(choosePortBackend('nftables', both))).toBe('nftables');
  });

  it('reads the FORWARD policy from `iptables -S FORWARD`', () => {
    expect(forwardPolicyDrops('-P FORWARD DROP\n-A FORWARD -j DOCKER-USER\n')).toBe(true);
    expect(forwardPolicyDrops('-P FORWARD ACCEPT\n-A FORWARD -j DROP\n')).toBe(false);
    expect(forwardPolicyDrops('')).toBe(false);
  });

  it('is not fooled by other native tables (firewalld, our own)', () => {
    expect(backend(choosePortBackend('auto', host({ nativeTables: [{ family: 'inet', name: 'firewalld' }, { family: 'inet', name: 'bridgeport' }] })))).toBe('iptables');
  });

  it('follows the override, and refuses when its tool does not run', () => {
    expect(backend(choosePortBackend('nftables', host({})))).toBe('nftables');
    expect(backend(choosePortBackend('iptables', host({ nativeTables: [{ family: 'inet', name: 'netavark' }] })))).toBe('iptables');
    expect(backend(choosePortBackend('iptables', host({ hasIptables: false })))).toMatch(/^refused: .*`iptables` does not run/);
    expect(backend(choosePortBackend('nftables', host({ hasNft: false })))).toMatch(/^refused: .*`nft` does not run/);
    expect(backend(choosePortBackend('auto', host({ hasIptables: false, hasNft: false })))).toMatch(/^refused: .*neither iptables nor nft/);
  });
});

describe("Docker's bridge-accept-fwmark", () => {
  it('reads mark and optional mask, decimal or hex', () => {
    expect(parseFwmark('1')).toEqual({ value: 1, mask: 0xffffffff });
    expect(parseFwmark('0x1/0x3')).toEqual({ value: 1, mask: 3 });
    expect(parseFwmark('0x10000/0x10000')).toEqual({ value: 0x10000, mask: 0x10000 });
    for (const bad of ['', 'x', '1/2/3', '0x1/0', '0x100000000', '-1']) expect(parseFwmark(bad)).toBeNull();
  });

  it("takes dockerd's flag over daemon.json, and says where it found it", () => {
    const json = { path: '/etc/docker/daemon.json', text: '{"firewall-backend": "nftables", "bridge-accept-fwmark": "0x1/0x3"}' };
    expect(acceptFwmarkOf(['dockerd'], json)).toEqual({ mark: { value: 1, mask: 3 }, source: '"bridge-accept-fwmark" in /etc/docker/daemon.json' });
    expect(acceptFwmarkOf(['dockerd', '--bridge-accept-fwmark=0x8'], json)?.mark).toEqual({ value: 8, mask: 0xffffffff });
    expect(acceptFwmarkOf(['dockerd', '--bridge-accept-fwmark', '16/16'], json)?.mark).toEqual({ value: 16, mask: 16 });
    expect(acceptFwmarkOf(['dockerd'], { path: 'x', text: '{"firewall-backend": "nftables"}' })).toBeNull();
    expect(acceptFwmarkOf(['dockerd'], { path: 'x', text: 'not json' })).toBeNull();
    expect(acceptFwmarkOf(['dockerd'], { path: 'x', text: null })).toBeNull();
  });

  it("finds dockerd's --config-file", () => {
    expect(daemonConfigFileOf(['dockerd', '--config-file', '/srv/d.json'])).toBe('/srv/d.json');
    expect(daemonConfigFileOf(['dockerd', '--config-file=/srv/e.json'])).toBe('/srv/e.json');
    expect(daemonConfigFileOf(['dockerd'])).toBeNull();
  });
});

describe('BRIDGEPORT_FIREWALL_BACKEND', () => {
  it('is auto when unset or empty, one of the three otherwise, and refused when it is anything else', () => {
    expect(firewallPreference({})).toBe('auto');
    expect(firewallPreference({ BRIDGEPORT_FIREWALL_BACKEND: '' })).toBe('auto');
    expect(firewallPreference({ BRIDGEPORT_FIREWALL_BACKEND: 'NFTables' })).toBe('nftables');
    expect(firewallPreference({ BRIDGEPORT_FIREWALL_BACKEND: 'iptables' })).toBe('iptables');
    expect(() => firewallPreference({ BRIDGEPORT_FIREWALL_BACKEND: 'ebtables' })).toThrow(/none of auto, iptables, nftables/);
  });
});

describe('iptablesDropsForwarded (why the LAN may not reach a port of our nftables table)', () => {
  const save = (name: string) => parseIptablesSave(readFileSync(new URL(`../../fixtures/firewall/${name}`, import.meta.url), 'utf8'), 'ipv4');
  it("names Docker 28's iptables firewall, and a bare FORWARD policy DROP; nothing without either", () => {
    expect(iptablesDropsForwarded(save('docker28-iptables-save.txt'), [])).toMatch(/DOCKER-USER/);
    const bare = { chains: [{ family: 'ipv4' as const, table: 'filter', name: 'FORWARD', policy: 'DROP', packets: 0, bytes: 0 }], rules: [] };
    expect(iptablesDropsForwarded(bare, [{ family: 'inet', name: 'netavark' }])).toMatch(/policy DROP/);
    expect(iptablesDropsForwarded({ chains: [], rules: [] }, [])).toBeNull();
  });
});

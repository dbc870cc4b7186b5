import { describe, expect, it } from 'vitest';
import { attributeRules } from '../../../src/main/engine/firewall/attribute-rules';
import type { DockerFacts } from '../../../src/main/engine/firewall/docker-facts';
import { isIptablesNftTable, nftBaseChains, parseNftJson } from '../../../src/main/netcore/nft/parse-nft-json';
import type { ParsedRule, ParsedRuleset } from '../../../src/main/netcore/rules/parsed-rule';
import { listedRules, ruleAt, sharedFixture } from './nft-fixture';

// test/fixtures/firewall (see its README): the lab's seed scenario as native nftables, printed by
// nftables 1.0.6 and by 0.9.0, Docker 29's nftables backend, and Docker 20's iptables-nft tables.

const meaning = (r: ParsedRule) => ({ chain: r.chain, position: r.position, target: r.target, match: r.match });
const chainRules = (ruleset: ParsedRuleset, table: string, chain: string) => ruleset.rules.filter((r) => r.table === table && r.chain === chain);

describe('nft-1.0.6-native.json', () => {
  const ruleset = parseNftJson(sharedFixture('nft-1.0.6-native.json'));
  const rule = (table: string, chain: string, position: number) => ruleAt(ruleset, table, chain, position);

  it('prints every rule as `nft list ruleset` did', () => {
    expect(ruleset.rules.map((r) => r.spec)).toEqual(listedRules(sharedFixture('nft-1.0.6-native.txt')));
  });

  it('reads chains, policies and real counters', () => {
    expect(ruleset.chains.map((c) => `${c.table} ${c.name} ${c.policy}`)).toEqual([
      'inet bptest nat_pre ACCEPT',
      'inet bptest nat_post ACCEPT',
      'inet bptest filter_fwd DROP',
      'inet bptest filter_in ACCEPT',
      'ip bpnat PREROUTING ACCEPT',
      'ip bpnat DOCKER null',
      'ip bpnat POSTROUTING ACCEPT',
    ]);
    expect(rule('inet bptest', 'nat_pre', 1)).toMatchObject({ target: 'DNAT', toDestination: '172.17.0.2:80', packets: 3, bytes: 180 });
    expect(rule('ip bpnat', 'PREROUTING', 1)).toMatchObject({ target: 'DOCKER', packets: 7, bytes: 420, match: { dstType: 'LOCAL' } });
  });

  it('reads the inet DNATs, the Docker-like chain, SNAT and a named counter', () => {
    expect(rule('inet bptest', 'nat_pre', 2)).toMatchObject({
      target: 'DNAT',
      toDestination: '172.17.0.3:80',
      match: { dport: '8181', inInterface: 'docker0', inInterfaceNegated: true, comment: 'w2' },
    });
    expect(rule('ip bpnat', 'DOCKER', 3)).toMatchObject({ target: 'DNAT', toDestination: '172.17.0.6:80', match: { destination: '127.0.0.1/32', dport: '8443' } });
    expect(rule('ip bpnat', 'POSTROUTING', 2)).toMatchObject({ target: 'SNAT', toDestination: '198.51.100.1', match: { source: '10.99.0.0/24' } });
    expect(rule('inet bptest', 'filter_fwd', 4)).toMatchObject({ target: 'ACCEPT', packets: 0, bytes: 0, spec: 'ip daddr 172.17.0.2 tcp dport 80 counter name "web_hits" accept' });
  });

  it('reads port sets and ranges, keeps address sets and the verdict map as text', () => {
    expect(rule('inet bptest', 'filter_fwd', 6).match).toMatchObject({ dport: '80,443', unparsed: ['ip daddr { 172.17.0.3, 172.17.0.4 }'] });
    expect(rule('inet bptest', 'filter_in', 6).match).toMatchObject({ protocol: 'udp', dport: '137:139' });
    expect(rule('inet bptest', 'filter_in', 3)).toMatchObject({
      target: 'VMAP',
      targetArgs: '{ 22 : accept, 23 : drop }',
      match: { unparsed: ['ip saddr @lan_v4 (@lan_v4 = { 192.0.2.0/24, 198.51.100.0/24 })', 'tcp dport vmap @svc_verdict'] },
    });
  });
});

describe('nft-0.9-native.json (nftables 0.9.0 schema)', () => {
  const old = parseNftJson(sharedFixture('nft-0.9-native.json'));
  const current = parseNftJson(sharedFixture('nft-1.0.6-native.json'));
  const rule = (table: string, chain: string, position: number) => ruleAt(old, table, chain, position);

  it('reads the filter chains to the same model as 1.0.6 does', () => {
    for (const chain of ['filter_fwd', 'filter_in']) {
      const vmapFree = (rs: ParsedRule[]) => rs.filter((r) => r.target !== 'VMAP').map(meaning);
      expect(vmapFree(chainRules(old, 'inet bptest', chain))).toEqual(vmapFree(chainRules(current, 'inet bptest', chain)));
    }
  });

  it('reads the Docker-like DOCKER chain to the same model as 1.0.6 does', () => {
    const model = (rs: ParsedRule[]) => rs.map((r) => ({ ...meaning(r), toDestination: r.toDestination }));
    expect(model(chainRules(old, 'ip bpnat', 'DOCKER'))).toEqual(model(chainRules(current, 'ip bpnat', 'DOCKER')));
  });

  it('turns service names into port numbers for the model, keeping them in the spec', () => {
    expect(rule('ip bpnat', 'PREROUTING', 1)).toMatchObject({
      spec: 'tcp dport http-alt counter dnat to 172.17.0.2:http',
      target: 'DNAT',
      toDestination: '172.17.0.2:80',
      packets: 3,
      match: { protocol: 'tcp', dport: '8080', unparsed: [] },
    });
    expect(rule('ip bpnat', 'PREROUTING', 3)).toMatchObject({ toDestination: '172.17.0.5:53', match: { protocol: 'udp', dport: '5353' } });
    expect(rule('ip bpnat', 'DOCKER', 2).toDestination).toBe('172.17.0.7:7000');
    expect(rule('inet bptest', 'filter_in', 6).match.dport).toBe('137:139');
  });

  it('reads ops left out, meta keys as strings, payload `name`, jumps to a string and `map` as a verdict map', () => {
    expect(rule('inet bptest', 'filter_fwd', 3).match).toMatchObject({ inInterface: 'docker0', outInterface: 'docker0', outInterfaceNegated: true });
    expect(rule('inet bptest', 'filter_fwd', 1).match.ctstate).toEqual(['ESTABLISHED', 'RELATED']);
    expect(rule('ip bpnat', 'PREROUTING', 4)).toMatchObject({ target: 'DOCKER', spec: 'fib daddr type local counter jump DOCKER' });
    expect(rule('inet bptest', 'filter_in', 3)).toMatchObject({
      spec: 'ip saddr @lan_v4 tcp dport vmap @svc_verdict',
      target: 'VMAP',
      targetArgs: '{ ssh : accept, telnet : drop }',
    });
  });
});

describe('docker29-nftables.json (Docker 29 nftables backend)', () => {
  const ruleset = parseNftJson(sharedFixture('docker29-nftables.json'));

  it('prints every rule as `nft list ruleset` did', () => {
    expect(ruleset.rules.map((r) => r.spec)).toEqual(listedRules(sharedFixture('docker29-nftables.txt')));
  });

  it('reads every published port as a DNAT with its host port and container address', () => {
    const dnats = ruleset.rules.filter((r) => r.target === 'DNAT');
    expect(dnats.map((r) => `${r.match.protocol} ${r.match.destination ?? '*'}:${r.match.dport} → ${r.toDestination}`)).toEqual([
      'tcp *:8080 → 172.17.0.2:80',
      'tcp *:8181 → 172.17.0.3:80',
      'udp *:5353 → 172.17.0.5:53',
      'tcp 127.0.0.1/32:8443 → 172.17.0.6:80',
      'tcp *:9000 → 172.17.0.7:7000',
      'tcp *:9001 → 172.17.0.7:7001',
      'tcp *:9002 → 172.17.0.7:7002',
    ]);
    expect(dnats[0]).toMatchObject({ packets: 214, bytes: 12840, match: { comment: 'DNAT', unparsed: [] } });
  });

  it('tells where each base chain hooks in, and at which priority', () => {
    const hooks = nftBaseChains(sharedFixture('docker29-nftables.json'), { onlyTables: (family) => family === 'ip' });
    expect(hooks.map((c) => `${c.table} ${c.name}: ${c.type} ${c.hook} ${c.priority}`)).toEqual([
      'ip docker-bridges filter-FORWARD: filter forward 0',
      'ip docker-bridges nat-OUTPUT: nat output -100',
      'ip docker-bridges nat-POSTROUTING: nat postrouting 100',
      'ip docker-bridges nat-PREROUTING: nat prerouting -100',
      'ip docker-bridges raw-PREROUTING: filter prerouting -300',
    ]);
    expect(hooks[0]).toMatchObject({ family: 'ipv4', devices: [] });
  });

  it('reads empty ip6 verdict maps as an empty dispatch', () => {
    expect(ruleAt(ruleset, 'ip6 docker-bridges', 'filter-FORWARD', 1)).toMatchObject({ family: 'ipv6', target: 'VMAP', targetArgs: '{ }' });
    expect(ruleAt(ruleset, 'ip6 docker-bridges', 'nat-OUTPUT', 1).match).toMatchObject({ destination: '::1/128', destinationNegated: true, dstType: 'LOCAL' });
  });

  it('gives the attribution what it needs: containers, host ports, Docker bridges and subnets', () => {
    const facts: DockerFacts = {
      containerByIp: new Map([
        ['172.17.0.2', { id: 'w1', name: 'w1' }],
        ['172.17.0.7', { id: 'r1', name: 'r1' }],
      ]),
      bridges: new Set(['docker0', 'br-5d1e3c7a9f20']),
      subnets: new Set(['172.17.0.0/16', '172.28.0.0/16']),
      containerByPublishedPort: new Map(),
    };
    const attributed = attributeRules(ruleset, facts);
    const byChain = (chain: string, position: number) => attributed.find((r) => r.chain === chain && r.position === position)!;
    expect(byChain('nat-prerouting-and-output', 1)).toMatchObject({ owner: 'docker', container: { name: 'w1' }, hostPort: 8080 });
    expect(byChain('nat-prerouting-and-output', 6)).toMatchObject({ container: { name: 'r1' }, hostPort: 9001, toDestination: '172.17.0.7:7001' });
    expect(byChain('raw-PREROUTING', 1)).toMatchObject({ owner: 'docker', container: { name: 'w1' } });
    expect(byChain('nat-postrouting-out__br-5d1e3c7a9f20', 1).owner).toBe('docker');
    // Docker 29's native tables are Docker's whole, the vmap dispatch included.
    expect(byChain('filter-FORWARD', 1).owner).toBe('docker');
  });
});

describe('docker20-nft.json (iptables-nft tables seen by nft)', () => {
  const json = sharedFixture('docker20-nft.json');

  it('holds only iptables-nft tables, which the engine reads with iptables-save instead', () => {
    expect(parseNftJson(json, { onlyTables: (f, n) => !isIptablesNftTable(f, n) })).toEqual({ chains: [], rules: [] });
  });

  it('still reads them without failing: xt targets by name, without their options', () => {
    const ruleset = parseNftJson(json);
    const dnats = ruleset.rules.filter((r) => r.target === 'DNAT');
    expect(dnats).toHaveLength(7);
    expect(dnats.every((r) => r.toDestination === null && r.spec.endsWith('xt target "DNAT"'))).toBe(true);
    expect(ruleset.rules.filter((r) => r.target === 'MASQUERADE').length).toBeGreaterThan(0);
  });
});

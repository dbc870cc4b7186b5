import { describe, expect, it } from 'vitest';
import { attributeRules } from '../../../src/main/engine/firewall/attribute-rules';
import type { DockerFacts } from '../../../src/main/engine/firewall/docker-facts';
import { isIptablesNftTable, parseNftJson } from '../../../src/main/netcore/nft/parse-nft-json';
import { ownFixture, ruleAt } from './nft-fixture';

// fixtures/docker29-bridges.*: the tables Docker 29's nftables backend writes (its documented
// example: default bridge plus `bridge1` 192.0.2.0/24 with a container publishing 8080→80),
// loaded into nftables 1.0.6 and captured.
describe('parseNftJson on Docker 29 nftables tables (ip/ip6 docker-bridges)', () => {
  const ruleset = parseNftJson(ownFixture('docker29-bridges.json'));
  const rule = (chain: string, position: number, table = 'ip docker-bridges') => ruleAt(ruleset, table, chain, position);

  it('reads both tables, ipv4 and ipv6, none of them iptables-nft tables', () => {
    expect(new Set(ruleset.chains.map((c) => `${c.family}/${c.table}`))).toEqual(new Set(['ipv4/ip docker-bridges', 'ipv6/ip6 docker-bridges']));
    expect(isIptablesNftTable('ip', 'docker-bridges')).toBe(false);
    const parsedAlone = parseNftJson(ownFixture('docker29-bridges.json'), { onlyTables: (f, n) => !isIptablesNftTable(f, n) });
    expect(parsedAlone.rules.length).toBe(ruleset.rules.length);
  });

  it('reads the base chains with their policies and the per-bridge chains without', () => {
    const policies = Object.fromEntries(ruleset.chains.filter((c) => c.family === 'ipv4').map((c) => [c.name, c.policy]));
    expect(policies).toMatchObject({
      'filter-FORWARD': 'ACCEPT',
      'nat-PREROUTING': 'ACCEPT',
      'nat-OUTPUT': 'ACCEPT',
      'nat-POSTROUTING': 'ACCEPT',
      'raw-PREROUTING': 'ACCEPT',
      'nat-prerouting-and-output': null,
      'filter-forward-in__bridge1': null,
    });
  });

  it('reads the published port: DNAT with host port, container address, counters and comment', () => {
    expect(rule('nat-prerouting-and-output', 1)).toMatchObject({
      target: 'DNAT',
      toDestination: '192.0.2.2:80',
      packets: 3,
      bytes: 180,
      spec: 'iifname != "bridge1" tcp dport 8080 counter dnat to 192.0.2.2:80 comment "DNAT"',
      match: { protocol: 'tcp', dport: '8080', inInterface: 'bridge1', inInterfaceNegated: true, comment: 'DNAT', unparsed: [] },
    });
  });

  it('reads the jumps into the DNAT chain as local-destination only (fib daddr type local)', () => {
    expect(rule('nat-PREROUTING', 1)).toMatchObject({ target: 'nat-prerouting-and-output', packets: 7, match: { dstType: 'LOCAL' } });
    expect(rule('nat-OUTPUT', 1).match).toMatchObject({ dstType: 'LOCAL', destination: '127.0.0.0/8', destinationNegated: true });
  });

  it('reads masquerading, the hairpin and the direct-access drop', () => {
    expect(rule('nat-postrouting-out__bridge1', 1)).toMatchObject({
      target: 'MASQUERADE',
      match: { source: '192.0.2.0/24', outInterface: 'bridge1', outInterfaceNegated: true, comment: 'MASQUERADE' },
    });
    expect(rule('nat-postrouting-in__bridge1', 1)).toMatchObject({ target: 'MASQUERADE', match: { srcType: 'LOCAL' } });
    expect(rule('nat-postrouting-in__bridge1', 2).match).toMatchObject({ source: '192.0.2.2/32', destination: '192.0.2.2/32', dport: '80' });
    expect(rule('raw-PREROUTING', 1)).toMatchObject({ target: 'DROP', match: { destination: '192.0.2.2/32', inInterface: 'bridge1', inInterfaceNegated: true } });
  });

  it('reads the verdict-map dispatch as VMAP, its map spelled out from the map objects', () => {
    expect(rule('filter-FORWARD', 1)).toMatchObject({
      target: 'VMAP',
      spec: 'oifname vmap @filter-forward-in-jumps',
      targetArgs: '{ "docker0" : jump filter-forward-in__docker0, "bridge1" : jump filter-forward-in__bridge1 }',
      match: { unparsed: ['oifname vmap @filter-forward-in-jumps'] },
    });
    // Maps are per table: the ip6 table's map of the same name holds only docker0.
    expect(rule('filter-FORWARD', 1, 'ip6 docker-bridges').targetArgs).toBe('{ "docker0" : jump filter-forward-in__docker0 }');
  });

  it('attributes the DNAT to its container and host port through the shared attribution', () => {
    const facts: DockerFacts = {
      containerByIp: new Map([['192.0.2.2', { id: 'c1id', name: 'c1' }]]),
      bridges: new Set(['docker0', 'bridge1']),
      subnets: new Set(['172.17.0.0/16', '192.0.2.0/24']),
      containerByPublishedPort: new Map(),
    };
    const attributed = attributeRules(ruleset, facts);
    const dnat = attributed.find((r) => r.target === 'DNAT')!;
    expect(dnat).toMatchObject({ owner: 'docker', container: { id: 'c1id', name: 'c1' }, hostPort: 8080, toDestination: '192.0.2.2:80' });
    expect(dnat.explain).toBe('TCP to any local address, port 8080, not arriving from bridge1, (“DNAT”) → c1 192.0.2.2:80');
    const masquerade = attributed.find((r) => r.chain === 'nat-postrouting-out__bridge1')!;
    expect(masquerade.owner).toBe('docker');
    // Docker 29's native tables are Docker's whole, also rules that name no bridge, subnet or container.
    expect(attributed.find((r) => r.chain === 'filter-forward-out__bridge1' && r.position === 2)?.owner).toBe('docker');
    expect(attributed.every((r) => r.owner === 'docker')).toBe(true);
  });
});

import { describe, expect, it } from 'vitest';
import { isIptablesNftTable, parseNftJson } from '../../../src/main/netcore/nft/parse-nft-json';
import { ownFixture, ruleAt } from './nft-fixture';

describe('isIptablesNftTable', () => {
  it('claims the tables the xtables-nft tools create', () => {
    for (const family of ['ip', 'ip6', 'arp', 'bridge']) {
      for (const name of ['filter', 'nat', 'raw', 'mangle', 'security']) expect(isIptablesNftTable(family, name)).toBe(true);
    }
    expect(isIptablesNftTable('bridge', 'broute')).toBe(true);
  });

  it('leaves native tables to nft: other families, other names, Docker 29 and firewalld', () => {
    expect(isIptablesNftTable('inet', 'filter')).toBe(false);
    expect(isIptablesNftTable('netdev', 'filter')).toBe(false);
    expect(isIptablesNftTable('ip', 'docker-bridges')).toBe(false);
    expect(isIptablesNftTable('ip6', 'docker-bridges')).toBe(false);
    expect(isIptablesNftTable('inet', 'firewalld')).toBe(false);
    expect(isIptablesNftTable('ip', 'broute')).toBe(false);
    expect(isIptablesNftTable('ip', 'NAT')).toBe(false);
    expect(isIptablesNftTable('ip', 'toString')).toBe(false);
  });
});

// fixtures/iptables-nft-docker20.*: Docker 20's rules written with iptables-nft 1.8.9, as nft sees them.
describe('parseNftJson on tables written by iptables-nft', () => {
  const json = ownFixture('iptables-nft-docker20.json');

  it('leaves nothing once the iptables-nft tables are filtered out', () => {
    expect(parseNftJson(json, { onlyTables: (family, name) => !isIptablesNftTable(family, name) })).toEqual({ chains: [], rules: [] });
  });

  it('still parses them: an untranslated target keeps its name, an untranslated match is kept as text', () => {
    const ruleset = parseNftJson(json);
    expect(ruleset.chains.find((c) => c.table === 'ip nat' && c.name === 'PREROUTING')?.policy).toBe('ACCEPT');
    // nft -j does not carry the options of an `xt` target: the DNAT has no destination here.
    expect(ruleAt(ruleset, 'ip nat', 'DOCKER', 2)).toMatchObject({
      target: 'DNAT',
      toDestination: null,
      spec: 'iifname != "docker0" tcp dport 8080 counter xt target "DNAT"',
      match: { protocol: 'tcp', dport: '8080', inInterface: 'docker0', inInterfaceNegated: true, unparsed: [] },
    });
    expect(ruleAt(ruleset, 'ip nat', 'PREROUTING', 1)).toMatchObject({ target: 'DOCKER', match: { dstType: null, unparsed: ['xt match "addrtype"'] } });
    expect(ruleAt(ruleset, 'ip nat', 'POSTROUTING', 1)).toMatchObject({ target: 'MASQUERADE', match: { source: '172.17.0.0/16' } });
    expect(ruleAt(ruleset, 'ip filter', 'FORWARD', 2).match.unparsed).toEqual(['xt match "conntrack"']);
    expect(ruleAt(ruleset, 'ip filter', 'FORWARD', 4).match.unparsed).toEqual(['xt match "comment"']);
  });
});

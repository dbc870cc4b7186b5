import { describe, expect, it } from 'vitest';
import { attributeRules } from '../../../src/main/engine/firewall/attribute-rules';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import type { FirewallRule } from '../../../src/shared/firewall-model';
import { containersInRules, isFiltering, noFilter, ruleMatcher } from '../../../src/renderer/src/views/nat/rule-filter';
import { diffSeen, seenOf } from '../../../src/renderer/src/views/nat/seen-rules';

const facts = {
  containerByIp: new Map([
    ['172.17.0.2', { id: 'c1', name: 'w1' }],
    ['172.17.0.3', { id: 'c2', name: 'w2' }],
  ]),
  bridges: new Set(['docker0']),
  subnets: new Set(['172.17.0.0/16']),
  containerByPublishedPort: new Map(),
};

const rules: FirewallRule[] = attributeRules(
  parseIptablesSave(`*nat
:DOCKER - [0:0]
[3:180] -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
[0:0] -A DOCKER ! -i docker0 -p tcp -m tcp --dport 8181 -j DNAT --to-destination 172.17.0.3:80
[0:0] -A POSTROUTING -s 10.80.1.0/24 -j MASQUERADE
[1:60] -A INPUT -p tcp -m tcp --dport 22 -j ACCEPT
COMMIT
`),
  facts,
);

const shown = (filter: typeof noFilter) => rules.filter(ruleMatcher(filter)).map((r) => r.spec.split(' -j ')[0]);

describe('the NAT view filters', () => {
  it('shows everything without a filter', () => {
    expect(isFiltering(noFilter)).toBe(false);
    expect(rules.filter(ruleMatcher(noFilter))).toHaveLength(4);
  });

  it('by container, owner and zero counters', () => {
    expect(shown({ ...noFilter, container: 'w1' })).toEqual(['-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080']);
    expect(shown({ ...noFilter, owners: ['other'] })).toEqual(['-A POSTROUTING -s 10.80.1.0/24', '-A INPUT -p tcp -m tcp --dport 22']);
    expect(shown({ ...noFilter, hideZero: true })).toHaveLength(2);
    expect(containersInRules(rules)).toEqual(['w1', 'w2']);
  });

  it('by port: host port or a port standing alone, never part of an address', () => {
    expect(shown({ ...noFilter, port: '8181' })).toEqual(['-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8181']);
    expect(shown({ ...noFilter, port: '80' })).toHaveLength(2);
    expect(shown({ ...noFilter, port: 'masquerade' })).toEqual(['-A POSTROUTING -s 10.80.1.0/24']);
  });

  it('only the rules behind one port', () => {
    expect(shown({ ...noFilter, only: new Set([rules[1]!.id]) })).toHaveLength(1);
  });
});

describe('rules new or removed since the last look', () => {
  it('compares by id: a rule added shows as new, one gone as removed', () => {
    const seen = seenOf(rules.slice(0, 3));
    const now = [...rules.slice(1)];
    const diff = diffSeen(seen, now);
    expect([...diff.added]).toEqual([rules[3]!.id]);
    expect(diff.removed.map((r) => r.id)).toEqual([rules[0]!.id]);
  });
});

describe('the NAT view owner filter with Podman and firewalld rules', () => {
  const mixed = attributeRules(
    parseIptablesSave(`*nat
:NETAVARK-HOSTPORT-DNAT - [0:0]
[0:0] -A NETAVARK-HOSTPORT-DNAT -p tcp -m tcp --dport 9090 -j ACCEPT
COMMIT
`),
    facts,
  );

  it('shows podman rules by default and hides them when podman is unchecked', () => {
    expect(noFilter.owners).toEqual(expect.arrayContaining(['podman', 'firewalld']));
    expect(mixed.map((r) => r.owner)).toEqual(['podman']);
    expect(mixed.filter(ruleMatcher(noFilter))).toHaveLength(1);
    expect(isFiltering({ ...noFilter, owners: ['docker', 'firewalld', 'bridgeport', 'other'] })).toBe(true);
    expect(mixed.filter(ruleMatcher({ ...noFilter, owners: ['docker', 'firewalld', 'bridgeport', 'other'] }))).toHaveLength(0);
  });
});

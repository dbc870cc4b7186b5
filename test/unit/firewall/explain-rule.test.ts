import { describe, expect, it } from 'vitest';
import { attributeRules } from '../../../src/main/engine/firewall/attribute-rules';
import type { DockerFacts } from '../../../src/main/engine/firewall/docker-facts';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';

const facts: DockerFacts = {
  containerByIp: new Map([
    ['172.17.0.2', { id: 'c1', name: 'w1' }],
    ['172.17.0.5', { id: 'c5', name: 'lo1' }],
  ]),
  bridges: new Set(['docker0', 'br-3c39124cc40a']),
  subnets: new Set(['172.17.0.0/16', '172.28.0.0/16']),
  containerByPublishedPort: new Map(),
};

function explain(rules: string): string[] {
  return attributeRules(parseIptablesSave(rules), facts).map((r) => r.explain);
}

const docker20Nat = `*nat
:PREROUTING ACCEPT [0:0]
:OUTPUT ACCEPT [0:0]
:POSTROUTING ACCEPT [0:0]
:DOCKER - [0:0]
-A PREROUTING -m addrtype --dst-type LOCAL -j DOCKER
-A OUTPUT ! -d 127.0.0.0/8 -m addrtype --dst-type LOCAL -j DOCKER
-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE
-A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE
-A DOCKER -i docker0 -j RETURN
-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80
-A DOCKER -d 127.0.0.1/32 ! -i docker0 -p tcp -m tcp --dport 8443 -j DNAT --to-destination 172.17.0.5:80
-A DOCKER ! -i docker0 -p udp -m udp --dport 9000:9002 -j DNAT --to-destination 172.17.0.9:7000-7002
COMMIT
`;

describe('explanations, one per rule kind', () => {
  const lines = explain(docker20Nat);

  it('a jump for local destinations', () => {
    expect(lines[0]).toBe('All traffic to any local address → continues in chain DOCKER');
    expect(lines[1]).toBe('All traffic to a local address other than 127.0.0.0/8 → continues in chain DOCKER');
  });

  it('masquerade of a bridge subnet, and the hairpin of a published port', () => {
    expect(lines[2]).toBe('All traffic, from 172.17.0.0/16, not leaving by docker0 → masqueraded (source rewritten to the outgoing interface address)');
    expect(lines[3]).toBe('TCP to 172.17.0.2, port 80, from 172.17.0.2 → masqueraded: w1 reaching its own published port through the host (hairpin)');
  });

  it('a return, and DNAT of a published port (the chain is only entered for local destinations)', () => {
    expect(lines[4]).toBe('All traffic to any local address, arriving from docker0 → back to the calling chain');
    expect(lines[5]).toBe('TCP to any local address, port 8080, not arriving from docker0 → w1 172.17.0.2:80');
    expect(lines[6]).toBe('TCP to 127.0.0.1, port 8443, not arriving from docker0 → lo1 172.17.0.5:80');
    expect(lines[7]).toBe('UDP to any local address, ports 9000-9002, not arriving from docker0 → 172.17.0.9:7000-7002');
  });

  it('filter verdicts, states, drops and rejects', () => {
    expect(
      explain(`*filter
:FORWARD DROP [0:0]
:DOCKER-ISOLATION-STAGE-2 - [0:0]
-A FORWARD -o docker0 -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT
-A FORWARD -j DOCKER-ISOLATION-STAGE-2
-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP
-A FORWARD -p tcp --dport 22 -j REJECT --reject-with tcp-reset
COMMIT
`),
    ).toEqual([
      'All traffic, leaving by docker0, in connection state RELATED/ESTABLISHED → accepted',
      'All traffic → continues in chain DOCKER-ISOLATION-STAGE-2',
      'All traffic, leaving by docker0 → dropped',
      'TCP, port 22 → rejected',
    ]);
  });
});

describe('attribution', () => {
  const rules = attributeRules(parseIptablesSave(docker20Nat), facts);

  it('owns Docker chains, rules jumping into them and rules about Docker bridges and subnets', () => {
    expect(rules.map((r) => r.owner)).toEqual(['docker', 'docker', 'docker', 'docker', 'docker', 'docker', 'docker', 'docker']);
    const other = attributeRules(parseIptablesSave('*filter\n:INPUT ACCEPT [0:0]\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n'), facts);
    expect(other[0]!.owner).toBe('other');
    const ours = attributeRules(
      parseIptablesSave('*nat\n:BRIDGEPORT-DNAT - [0:0]\n-A PREROUTING -j BRIDGEPORT-DNAT\n-A OUTPUT -m comment --comment "bridgeport" -j ACCEPT\nCOMMIT\n'),
      facts,
    );
    expect(ours.map((r) => r.owner)).toEqual(['bridgeport', 'bridgeport']);
  });

  it('links DNAT rules to containers with their host port and destination', () => {
    expect(rules[5]).toMatchObject({ container: { id: 'c1', name: 'w1' }, hostPort: 8080, toDestination: '172.17.0.2:80' });
    expect(rules[7]).toMatchObject({ container: null, hostPort: 9000 });
    expect(rules[3]).toMatchObject({ container: { name: 'w1' }, hostPort: null, toDestination: null });
  });

  it('gives each rule an id that survives insertions above it', () => {
    const before = attributeRules(parseIptablesSave(docker20Nat), facts);
    const inserted = docker20Nat.replace('-A DOCKER -i docker0 -j RETURN', '-A DOCKER -i br-x -j RETURN\n-A DOCKER -i docker0 -j RETURN');
    const after = attributeRules(parseIptablesSave(inserted), facts);
    expect(after.find((r) => r.hostPort === 8080)!.id).toBe(before.find((r) => r.hostPort === 8080)!.id);
    expect(new Set(after.map((r) => r.id)).size).toBe(after.length);
  });
});

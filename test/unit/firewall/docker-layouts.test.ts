// The rule sets of Docker 20.10 (captured live), 27 and 28 (built from Docker's documentation):
// every rule Docker owns is tagged as Docker's, published ports are linked to their containers.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseContainerInspect, parseNetwork } from '../../../src/main/engine/docker/parse-docker';
import { attributeChains, attributeRules } from '../../../src/main/engine/firewall/attribute-rules';
import type { DockerFacts } from '../../../src/main/engine/firewall/docker-facts';
import { dockerFacts } from '../../../src/main/engine/firewall/docker-facts';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import { holdsRules } from '../../../src/main/engine/firewall/read-firewall';
import { parseListeners } from '../../../src/main/engine/host/parse-listeners';
import { derivePorts } from '../../../src/main/engine/ports/derive-ports';

const fixture = (name: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures/firewall', name), 'utf8');

/** The seed scenario's addresses, as in the README of the fixtures (27 and 28 have no inspect JSON). */
const seedFacts: DockerFacts = {
  containerByIp: new Map(
    Object.entries({
      '172.17.0.2': 'w1',
      '172.17.0.3': 'w2',
      '172.17.0.4': 'dual',
      '172.28.0.2': 'dual',
      '172.28.0.3': 'i1',
      '172.17.0.5': 'u1',
      '172.17.0.6': 'lo1',
      '172.17.0.7': 'r1',
    }).map(([ip, name]) => [ip, { id: `id-${name}`, name }]),
  ),
  bridges: new Set(['docker0', 'br-5d1e3c7a9f20']),
  subnets: new Set(['172.17.0.0/16', '172.28.0.0/16']),
  containerByPublishedPort: new Map([['tcp/127.0.0.1/8443', { id: 'id-lo1', name: 'lo1' }]]),
};

describe('Docker 20.10, captured in the lab', () => {
  const containers = (JSON.parse(fixture('docker20-containers.json')) as unknown[]).map(parseContainerInspect);
  const networks = (JSON.parse(fixture('docker20-networks.json')) as unknown[]).map((n) => parseNetwork(n, containers));
  const ruleset = parseIptablesSave(fixture('docker20-iptables-save.txt'));
  const rules = attributeRules(ruleset, dockerFacts({ containers, networks }));

  it('every rule and user chain belongs to Docker', () => {
    expect(rules.filter((r) => r.owner !== 'docker').map((r) => r.spec)).toEqual([]);
    expect(attributeChains(ruleset.chains).filter((c) => c.policy === null && c.owner !== 'docker')).toEqual([]);
  });

  it("w1's DNAT rule carries the three LAN fetches", () => {
    const w1 = rules.find((r) => r.target === 'DNAT' && r.container?.name === 'w1');
    expect(w1).toMatchObject({ hostPort: 8080, toDestination: '172.17.0.2:80', packets: 3, bytes: 180 });
  });

  it('the port map covers TCP, UDP, loopback and a range, with no false conflict from docker-proxy', () => {
    const ports = derivePorts({ containers, rules, firewallReadable: true, listeners: parseListeners(fixture('docker20-ss.txt')) });
    expect(ports.map((p) => `${p.hostIp}:${p.hostPort}/${p.protocol} ${p.container.name}`)).toEqual([
      '0.0.0.0:5353/udp u1',
      '0.0.0.0:8080/tcp w1',
      '0.0.0.0:8181/tcp w2',
      '127.0.0.1:8443/tcp lo1',
      '0.0.0.0:9000/tcp r1',
      '0.0.0.0:9001/tcp r1',
      '0.0.0.0:9002/tcp r1',
    ]);
    expect(ports.find((p) => p.hostPort === 8080)).toMatchObject({ packets: 3, containerIp: '172.17.0.2', network: 'bridge' });
    expect(ports.filter((p) => p.hostPort >= 9000).every((p) => p.ruleIds.length >= 2)).toBe(true);
    expect(ports.flatMap((p) => p.hints).join(' ')).not.toMatch(/also taken|No NAT rule/);
  });
});

describe.each(['docker27', 'docker28'])('%s layout (built from Docker documentation)', (name) => {
  const ruleset = parseIptablesSave(fixture(`${name}-iptables-save.txt`));
  const rules = attributeRules(ruleset, seedFacts);

  it('every rule belongs to Docker and nothing is left unparsed', () => {
    expect(rules.filter((r) => r.owner !== 'docker').map((r) => r.spec)).toEqual([]);
    expect(rules.filter((r) => r.match.unparsed.length > 0).map((r) => r.spec)).toEqual([]);
  });

  it('links each published port to its container', () => {
    const dnat = rules.filter((r) => r.target === 'DNAT');
    expect(dnat.map((r) => `${r.hostPort}->${r.container?.name}`)).toEqual(
      expect.arrayContaining(['8080->w1', '8181->w2', '5353->u1', '8443->lo1', '9000->r1', '9001->r1', '9002->r1']),
    );
    expect(dnat.find((r) => r.hostPort === 8080)?.explain).toBe('TCP to any local address, port 8080, not arriving from docker0 → w1 172.17.0.2:80');
  });
});

describe('Docker 28 specifics', () => {
  const rules = attributeRules(parseIptablesSave(fixture('docker28-iptables-save.txt')), seedFacts);

  it('has the 28.x chains and explains the raw-table drops of direct access to containers', () => {
    for (const chain of ['DOCKER-FORWARD', 'DOCKER-CT', 'DOCKER-BRIDGE']) expect(rules.some((r) => r.chain === chain)).toBe(true);
    const drop = rules.find((r) => r.table === 'raw' && r.match.destination === '172.17.0.2/32');
    expect(drop).toMatchObject({ owner: 'docker', container: { name: 'w1' }, packets: 3 });
    expect(drop?.explain).toBe('All traffic to 172.17.0.2, not arriving from docker0 → dropped');
    const loopback = rules.find((r) => r.table === 'raw' && r.match.destination === '127.0.0.1/32');
    expect(loopback).toMatchObject({ owner: 'docker', container: { name: 'lo1' } });
    expect(loopback?.explain).toBe('TCP to 127.0.0.1, port 8443, not arriving from lo → dropped');
  });
});

describe('the split-store trap', () => {
  it('sees rules in both the legacy and the nft store', () => {
    expect(holdsRules(fixture('split-legacy-save.txt'))).toBe(true);
    expect(holdsRules(fixture('split-nft-save.txt'))).toBe(true);
    expect(parseIptablesSave(fixture('split-legacy-save.txt')).rules.find((r) => r.target === 'DNAT')?.toDestination).toBe('10.9.9.9:22');
  });
});

import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { attributeChains, attributeRules } from '../../../src/main/engine/firewall/attribute-rules';
import { dockerFacts } from '../../../src/main/engine/firewall/docker-facts';
import { parseContainerInspect } from '../../../src/main/engine/docker/parse-docker';
import { parseListeners } from '../../../src/main/engine/host/parse-listeners';
import { derivePorts } from '../../../src/main/engine/ports/derive-ports';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import { parseNftJson } from '../../../src/main/netcore/nft/parse-nft-json';
import type { FirewallRule } from '../../../src/shared/firewall-model';
import type { Container } from '../../../src/shared/model';
import { listedRules } from '../nft/nft-fixture';
import { p1, p2 } from './podman5-containers';

const fixture = (path: string) => readFileSync(resolve(import.meta.dirname, '../../fixtures', path), 'utf8');

const facts = dockerFacts({ containers: [p1, p2], networks: [] });
const ref = (c: Container) => ({ id: c.id, name: c.name });

function find(rules: FirewallRule[], chain: string, position: number): FirewallRule {
  const rule = rules.find((r) => r.chain === chain && r.position === position);
  if (!rule) throw new Error(`no rule ${chain}#${position}`);
  return rule;
}

describe('netavark nftables driver (Podman 5.8, table inet netavark, real capture)', () => {
  const ruleset = parseNftJson(fixture('podman5/nft-ruleset.json'));
  const rules = attributeRules(ruleset, facts);
  const dnat1 = 'nv_2f259bab_10_88_0_0_nm16_dnat';
  const dnat2 = 'nv_492f0b8f_10_89_0_0_nm24_dnat';

  it('reads every rule nft lists, in table inet netavark', () => {
    expect(rules).toHaveLength(listedRules(fixture('podman5/nft-ruleset.txt')).length);
    expect(new Set(rules.map((r) => r.table))).toEqual(new Set(['inet netavark']));
  });

  it('owns every rule and chain as podman, none as docker', () => {
    expect(new Set(rules.map((r) => r.owner))).toEqual(new Set(['podman']));
    expect(new Set(attributeChains(ruleset.chains).map((c) => c.owner))).toEqual(new Set(['podman']));
  });

  it('attributes each DNAT to its container and host port, and explains it like Docker', () => {
    expect(find(rules, dnat1, 3)).toMatchObject({
      target: 'DNAT',
      owner: 'podman',
      container: ref(p1),
      hostPort: 9090,
      toDestination: '10.88.0.2:80',
      explain: 'TCP to any local address, port 9090 → p1 10.88.0.2:80',
    });
    expect(find(rules, dnat2, 3)).toMatchObject({ container: ref(p2), hostPort: 9191, toDestination: '10.89.0.2:80' });
    expect(find(rules, dnat2, 6)).toMatchObject({
      container: ref(p2),
      hostPort: 5353,
      toDestination: '10.89.0.2:53',
      explain: 'UDP to any local address, port 5353 → p2 10.89.0.2:53',
    });
    // The connection mark netavark sets with the DNAT is part of the rule, not an unread condition.
    expect(find(rules, dnat1, 3).match.unparsed).toEqual([]);
  });

  it('attributes the jumps into the per-network DNAT chains and the masquerade marks by host port', () => {
    expect(find(rules, 'NETAVARK-HOSTPORT-DNAT', 1)).toMatchObject({
      container: ref(p1),
      hostPort: null,
      explain: `TCP to any local address, port 9090 → continues in chain ${dnat1} (Podman's published ports on one network; this port is p1's)`,
    });
    expect(find(rules, 'NETAVARK-HOSTPORT-DNAT', 3)).toMatchObject({ container: ref(p2), match: { protocol: 'udp', dport: '5353' } });
    const mark = find(rules, dnat2, 2);
    expect(mark).toMatchObject({ container: ref(p2), match: { source: '127.0.0.1/32', dport: '9191' } });
    expect(mark.explain).toMatch(/^TCP to any local address, port 9191, from 127\.0\.0\.1 → marked for masquerading/);
    expect(find(rules, 'NETAVARK-HOSTPORT-SETMARK', 1).explain).toBe("All traffic to any local address → marked 0x2000, which netavark's POSTROUTING rule masquerades");
  });

  it('reads the base chains and keeps what it cannot model as text, never as a match', () => {
    expect(find(rules, 'PREROUTING', 1)).toMatchObject({ target: 'NETAVARK-HOSTPORT-DNAT', match: { dstType: 'LOCAL', unparsed: [] } });
    expect(find(rules, 'POSTROUTING', 1)).toMatchObject({ target: 'MASQUERADE', match: { mark: '0x2000/0x2000', unparsed: [] } });
    // `meta l4proto { tcp, udp }` is a set: kept as text, so the rule is never taken for "any protocol".
    expect(find(rules, 'INPUT', 1).match).toMatchObject({ protocol: null, dport: '53', source: '10.88.0.0/16', unparsed: ['meta l4proto { tcp, udp }'] });
    expect(find(rules, 'INPUT', 1).explain).toBe('TCP or UDP, port 53, from 10.88.0.0/16 → accepted');
    expect(find(rules, 'FORWARD', 3).match).toMatchObject({ destination: '10.88.0.0/16', ctstate: ['ESTABLISHED', 'RELATED'] });
  });

  it('gives the port map rows with source podman and the rules behind them', () => {
    const listeners = parseListeners(fixture('podman5/ss-listeners.txt'));
    const ports = derivePorts({ containers: [p1, p2], rules, firewallReadable: true, listeners });
    expect(ports.map((p) => [p.hostPort, p.protocol, p.container.name, p.containerIp, p.source])).toEqual([
      [5353, 'udp', 'p2', '10.89.0.2', 'podman'],
      [9090, 'tcp', 'p1', '10.88.0.2', 'podman'],
      [9191, 'tcp', 'p2', '10.89.0.2', 'podman'],
    ]);
    const p9090 = ports.find((p) => p.hostPort === 9090)!;
    const ids = (chain: string, ...positions: number[]) => positions.map((n) => find(rules, chain, n).id);
    expect(p9090.ruleIds).toEqual([...ids(dnat1, 3), ...ids('NETAVARK-HOSTPORT-DNAT', 1), ...ids(dnat1, 1, 2)]);
    // conmon holds the host ports the way docker-proxy does: not a conflict; the rules exist.
    expect(ports.flatMap((p) => p.hints)).toEqual([]);
  });

  it("says Podman's ports are not reached from other machines when iptables' FORWARD policy is DROP (Docker beside it)", () => {
    const ports = derivePorts({ containers: [p1, p2], rules, firewallReadable: true, listeners: [], iptablesForwardDrops: true });
    const p9090 = ports.find((p) => p.hostPort === 9090)!;
    expect(p9090.hints).toEqual([expect.stringMatching(/^Not reachable from the LAN or other machines, unless an iptables rule of your own accepts it: iptables' FORWARD chain has policy DROP/)]);
    // An iptables accept for the container (Bridgeport's publish, a DOCKER-USER rule) lifts it.
    const accept = { ...find(rules, dnat1, 3), id: 'accept', table: 'filter', chain: 'DOCKER-USER', target: 'ACCEPT', owner: 'other' as const, match: { ...find(rules, dnat1, 3).match, destination: '10.88.0.2/32' } };
    const accepted = derivePorts({ containers: [p1, p2], rules: [...rules, accept], firewallReadable: true, listeners: [], iptablesForwardDrops: true });
    expect(accepted.find((p) => p.hostPort === 9090)!.hints).toEqual([]);
  });

  it('says which firewall may be off when a running container\'s port has no rule', () => {
    const p3: Container = { ...p1, id: 'p3id', name: 'p3', ports: [{ hostIp: '', hostPort: 7070, containerPort: 80, protocol: 'tcp' }], endpoints: [{ ...p1.endpoints[0]!, ip: '10.88.0.9/16' }] };
    const [row] = derivePorts({ containers: [p3], rules, firewallReadable: true, listeners: [] });
    expect(row!.hints).toEqual(['No NAT rule found for this port: netavark may run with firewall_driver="none", or the rules were flushed (a firewall reload?).']);
    expect(row!.source).toBe('podman');
  });
});

// test/fixtures/netavark-iptables: netavark 1.10's iptables driver (Podman 4.9 on RHEL 9), same
// containers; built from netavark's varktables source and round-tripped through iptables-restore/save.
describe('netavark iptables driver (NETAVARK-* chains in iptables nat/filter)', () => {
  const rules = attributeRules(parseIptablesSave(fixture('netavark-iptables/iptables-save.txt')), facts);

  it('owns every rule as podman: its chains, and the jumps into them from the built-in chains', () => {
    expect(new Set(rules.map((r) => r.owner))).toEqual(new Set(['podman']));
    expect(find(rules, 'FORWARD', 1)).toMatchObject({ target: 'NETAVARK_FORWARD', owner: 'podman', match: { comment: 'netavark firewall rules' } });
    expect(find(rules, 'POSTROUTING', 2)).toMatchObject({ target: 'NETAVARK-1D8721804F16F', owner: 'podman' });
    const chains = attributeChains(parseIptablesSave(fixture('netavark-iptables/iptables-save.txt')).chains);
    expect(chains.filter((c) => c.name.startsWith('NETAVARK')).every((c) => c.owner === 'podman')).toBe(true);
    expect(chains.find((c) => c.name === 'FORWARD')!.owner).toBe('other');
  });

  it('attributes the DNATs (entered only for local destinations, two chains deep) to container and port', () => {
    expect(find(rules, 'NETAVARK-DN-1D8721804F16F', 3)).toMatchObject({
      container: ref(p1),
      hostPort: 9090,
      toDestination: '10.88.0.2:80',
      packets: 5,
      explain: 'TCP to any local address, port 9090 → p1 10.88.0.2:80',
    });
    expect(find(rules, 'NETAVARK-DN-BC584DCE4E93D', 6)).toMatchObject({ container: ref(p2), hostPort: 5353, toDestination: '10.89.0.2:53' });
  });

  it('names the container of a jump by the id in netavark\'s comment', () => {
    expect(find(rules, 'NETAVARK-HOSTPORT-DNAT', 3)).toMatchObject({
      container: ref(p2),
      match: { comment: `dnat name: appnet id: ${p2.id}`, protocol: 'udp', dport: '5353' },
    });
  });

  it('gives port map rows with source podman', () => {
    const ports = derivePorts({ containers: [p1, p2], rules, firewallReadable: true, listeners: [] });
    expect(ports.map((p) => `${p.hostPort}/${p.protocol} ${p.source} ${p.packets}`)).toEqual(['5353/udp podman 2', '9090/tcp podman 5', '9191/tcp podman 4']);
  });
});

// test/fixtures/firewalld: firewalld's nftables backend (RHEL 9 layout, podman0 in the trusted
// zone, cockpit's 9090 open), loaded into nftables 1.0.6 in a lab and listed.
describe("firewalld's table inet firewalld", () => {
  const ruleset = parseNftJson(fixture('firewalld/nft-ruleset.json'));
  const rules = attributeRules(ruleset, facts);

  it('reads every listed rule, and owns rules and chains as firewalld', () => {
    expect(rules).toHaveLength(listedRules(fixture('firewalld/nft-ruleset.txt')).length);
    expect(new Set(rules.map((r) => r.owner))).toEqual(new Set(['firewalld']));
    expect(new Set(attributeChains(ruleset.chains).map((c) => c.owner))).toEqual(new Set(['firewalld']));
  });

  it('does not hand its own port rules to a container that publishes the same port', () => {
    expect(find(rules, 'filter_IN_public_allow', 3)).toMatchObject({ match: { protocol: 'tcp', dport: '9090' }, container: null });
    // A forward-port to a container's address is that container's, whoever wrote it.
    expect(find(rules, 'nat_PRE_public_allow', 1)).toMatchObject({ owner: 'firewalld', container: ref(p1), toDestination: '10.88.0.2:22' });
  });

  it('keeps concatenations, ct status and protocol sets as unread conditions', () => {
    expect(find(rules, 'filter_PREROUTING', 2)).toMatchObject({
      target: 'DROP',
      match: { unparsed: ['meta nfproto ipv6', 'fib saddr . mark . iif oif missing'] },
    });
    expect(find(rules, 'filter_INPUT', 2).match.unparsed).toEqual(['ct status dnat']);
    expect(find(rules, 'filter_IN_public', 8)).toMatchObject({
      match: { protocol: null, unparsed: ['meta l4proto { icmp, ipv6-icmp }'] },
      explain: 'ICMP or IPV6-ICMP → accepted',
    });
    expect(find(rules, 'filter_INPUT', 2).explain).toBe('All traffic, and ct status dnat → accepted');
  });
});

// The engines side by side: Docker's rules stay Docker's (real Docker 28 capture; Docker 29's native tables).
describe('Docker rules next to the new owners', () => {
  it('Docker 28 (real iptables-save -c): Docker chains are docker, no rule is podman, rows are docker', () => {
    const containers = (JSON.parse(fixture('docker28/containers.json')) as unknown[]).map(parseContainerInspect);
    const rules = attributeRules(parseIptablesSave(fixture('docker28/iptables-save.txt')), dockerFacts({ containers, networks: [] }));
    expect(rules.some((r) => r.owner === 'podman' || r.owner === 'firewalld')).toBe(false);
    const dnat = rules.filter((r) => r.target === 'DNAT');
    expect(dnat.map((r) => `${r.owner} ${r.container?.name} ${r.hostPort}`)).toEqual(['docker w1 8080', 'docker w2 8181']);
    const ports = derivePorts({ containers, rules, firewallReadable: true, listeners: [] });
    expect(new Set(ports.map((p) => p.source))).toEqual(new Set(['docker']));
    expect(ports.map((p) => p.hostPort)).toEqual([8080, 8181]);
  });

  it('Docker 29 nftables (ip docker-bridges): DNATs owned by docker and attributed', () => {
    const w1 = { ...p1, id: 'w1id', name: 'w1', ports: [{ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' as const }], endpoints: [{ ...p1.endpoints[0]!, ip: '172.17.0.2/16' }] };
    const rules = attributeRules(parseNftJson(fixture('firewall/docker29-nftables.json')), dockerFacts({ containers: [w1], networks: [] }));
    expect(new Set(rules.map((r) => r.owner))).toEqual(new Set(['docker']));
    expect(rules.find((r) => r.target === 'DNAT' && r.hostPort === 8080)).toMatchObject({ container: { id: 'w1id', name: 'w1' }, toDestination: '172.17.0.2:80' });
    const ports = derivePorts({ containers: [w1], rules, firewallReadable: true, listeners: [] });
    expect(ports).toEqual([expect.objectContaining({ hostPort: 8080, source: 'docker', packets: 214 })]);
  });
});

describe('rules outside the engines\' chains that name a container or a bridge', () => {
  const netavark = parseNftJson(fixture('podman5/nft-ruleset.json'));
  const user = parseIptablesSave(`*filter
:FORWARD ACCEPT [0:0]
[0:0] -A FORWARD -o podman0 -j ACCEPT
[0:0] -A FORWARD -d 10.88.0.2/32 -p tcp -m tcp --dport 80 -j ACCEPT
[0:0] -A FORWARD -o docker0 -j ACCEPT
COMMIT
`);
  const podmanFacts = dockerFacts({
    containers: [p1, p2],
    networks: [{ id: 'n', name: 'podman', driver: 'bridge', scope: 'local', bridge: 'podman0', subnets: [{ subnet: '10.88.0.0/16', gateway: '10.88.0.1' }], options: {}, internal: false, containers: [] }],
  });
  const owners = (ruleset: { chains: typeof user.chains; rules: typeof user.rules }) =>
    attributeRules(ruleset, podmanFacts)
      .filter((r) => r.table === 'filter')
      .map((r) => r.owner);

  it('are Podman\'s on a host where only netavark writes rules, never Docker\'s', () => {
    expect(owners({ chains: [...user.chains, ...netavark.chains], rules: [...user.rules, ...netavark.rules] })).toEqual(['podman', 'podman', 'other']);
  });

  it('with both engines, go by the bridge they name, and stay unclaimed when nothing tells', () => {
    const docker = parseIptablesSave('*nat\n:DOCKER - [0:0]\nCOMMIT\n');
    const both = { chains: [...user.chains, ...netavark.chains, ...docker.chains], rules: [...user.rules, ...netavark.rules] };
    expect(owners(both)).toEqual(['podman', 'other', 'other']);
  });
});

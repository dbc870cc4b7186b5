// Paths on the captured Podman 5.8 host, whose only firewall is netavark's native `table inet
// netavark`: published ports are DNATed there, not delivered to conmon's listening socket.
import { describe, expect, it } from 'vitest';
import { parseNftJson } from '../../../src/main/netcore/nft/parse-nft-json';
import { ruleIds } from '../../../src/main/netcore/rules/rule-id';
import { HOST_IP, nftDocument, P1, P2, podmanRuleset, tracePodman } from './podman5-host';

const lan = { kind: 'lan' } as const;
const host = { kind: 'host' } as const;
const ruleset = podmanRuleset();

function idOf(chain: string, spec: string): string {
  const at = ruleset.rules.findIndex((r) => r.table === 'inet netavark' && r.chain === chain && r.spec === spec);
  if (at < 0) throw new Error(`no rule ${chain}: ${spec}`);
  return ruleIds(ruleset.rules)[at]!;
}

describe('netavark base chains in the model', () => {
  it('carry their type, hook and priority; regular chains carry none', () => {
    const chains = parseNftJson(JSON.stringify(nftDocument())).chains;
    const chain = (name: string) => chains.find((c) => c.table === 'inet netavark' && c.name === name);
    expect(chain('PREROUTING')?.base).toEqual({ type: 'nat', hook: 'prerouting', priority: -100 });
    expect(chain('POSTROUTING')?.base).toEqual({ type: 'nat', hook: 'postrouting', priority: 100 });
    expect(chain('FORWARD')?.base).toEqual({ type: 'filter', hook: 'forward', priority: 0 });
    expect(chain('NETAVARK-HOSTPORT-DNAT')?.base).toBeUndefined();
  });
});

describe('from the LAN', () => {
  it('host:9090 is DNATed by netavark to p1:80, forwarded by podman0 and delivered to p1', () => {
    const result = tracePodman(lan, HOST_IP, 9090);
    const dnat = result.steps.find((s) => s.verdict === 'dnat');
    expect(dnat).toMatchObject({ stage: 'inet netavark nv_2f259bab_10_88_0_0_nm16_dnat', ruleId: idOf('nv_2f259bab_10_88_0_0_nm16_dnat', 'tcp dport 9090 dnat ip to 10.88.0.2:80') });
    expect(result.steps.find((s) => s.stage === 'routing')).toMatchObject({ nodeIds: ['link:podman0'] });
    expect(result.steps.map((s) => s.stage)).toContain('inet netavark FORWARD');
    expect(result.packet).toEqual({ protocol: 'tcp', source: '198.51.100.2', destination: '10.88.0.2', port: 80 });
    expect(result.outcome).toMatchObject({ kind: 'container', containerId: P1, hostVeth: 'veth0', interface: 'eth0' });
    expect(result.outcome.description).not.toContain('conmon');
    expect(result.caveats.join(' ')).not.toMatch(/netavark.*not evaluated/);
  });

  it('host:5353/udp goes to p2:53 by appnet\'s DNAT chain; 9191/udp (published for TCP only) reaches nothing', () => {
    const udp = tracePodman(lan, HOST_IP, 5353, { protocol: 'udp' });
    expect(udp.outcome).toMatchObject({ kind: 'container', containerId: P2, hostVeth: 'veth1' });
    expect(udp.packet).toMatchObject({ destination: '10.89.0.2', port: 53 });
    const tcpOnly = tracePodman(lan, HOST_IP, 9191, { protocol: 'udp' });
    expect(tcpOnly.steps.some((s) => s.verdict === 'dnat')).toBe(false);
    expect(tcpOnly.outcome.kind).toBe('no-listener');
  });

  it('a port nothing publishes passes netavark\'s chains untouched and is refused by the host', () => {
    const result = tracePodman(lan, HOST_IP, 8000);
    expect(result.steps.some((s) => s.verdict === 'dnat')).toBe(false);
    expect(result.steps.find((s) => s.stage === 'inet netavark NETAVARK-HOSTPORT-DNAT')?.verdict).toBe('return');
    expect(result.outcome.kind).toBe('no-listener');
  });
});

describe('from the host (the output hook)', () => {
  it('127.0.0.1:9090 is marked 0x2000, DNATed to p1 in OUTPUT and masqueraded by the mark in POSTROUTING', () => {
    const result = tracePodman(host, '127.0.0.1', 9090);
    const mark = result.steps.find((s) => s.stage === 'inet netavark NETAVARK-HOSTPORT-SETMARK' && s.verdict === 'continue');
    expect(mark?.description).toContain('sets the packet mark to 0x2000');
    expect(result.steps.find((s) => s.verdict === 'dnat')?.ruleId).toBe(idOf('nv_2f259bab_10_88_0_0_nm16_dnat', 'tcp dport 9090 dnat ip to 10.88.0.2:80'));
    expect(result.steps.find((s) => s.verdict === 'masquerade')).toMatchObject({
      stage: 'inet netavark POSTROUTING',
      ruleId: idOf('POSTROUTING', 'meta mark & 0x00002000 == 0x00002000 masquerade'),
    });
    expect(result.packet).toEqual({ protocol: 'tcp', source: '10.88.0.1', destination: '10.88.0.2', port: 80 });
    expect(result.outcome).toMatchObject({ kind: 'container', containerId: P1 });
  });

  it('the host\'s own LAN address on 9090 is DNATed too, without the mark (its source is not loopback)', () => {
    const result = tracePodman(host, HOST_IP, 9090);
    expect(result.steps.some((s) => s.stage === 'inet netavark NETAVARK-HOSTPORT-SETMARK')).toBe(false);
    expect(result.outcome).toMatchObject({ kind: 'container', containerId: P1 });
  });
});

describe('from a container', () => {
  it("p2 → host:9090 reaches p1, accepted by netavark's FORWARD and masqueraded as podman0's address", () => {
    const result = tracePodman({ kind: 'container', containerId: 'p2' }, HOST_IP, 9090);
    expect(result.steps.find((s) => s.verdict === 'accept')?.ruleId).toBe(idOf('FORWARD', 'ip saddr 10.89.0.0/24 accept'));
    expect(result.packet.source).toBe('10.88.0.1');
    expect(result.outcome).toMatchObject({ kind: 'container', containerId: P1 });
  });

  it("p2 → its gateway's DNS (10.89.0.1:53/udp) is accepted by netavark's INPUT and reaches aardvark-dns", () => {
    const result = tracePodman({ kind: 'container', containerId: 'p2' }, '10.89.0.1', 53, { protocol: 'udp' });
    expect(result.steps.find((s) => s.verdict === 'accept')).toMatchObject({
      stage: 'inet netavark INPUT',
      ruleId: idOf('INPUT', 'ip saddr 10.89.0.0/24 meta l4proto { tcp, udp } th dport 53 accept'),
    });
    expect(result.outcome).toMatchObject({ kind: 'host-process', process: 'aardvark-dns' });
  });
});

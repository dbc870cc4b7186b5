// Paths through the rule set captured from a Docker 20.10 host (userland proxy on).
import { describe, expect, it } from 'vitest';
import { dockerRulesText, fromContainer, host, HOST_IP, idOf, lan, listeners, rulesetOf, stages, trace, verdicts } from './path-host';

const rules = rulesetOf(dockerRulesText);
const DNAT_8080 = idOf(rules, 'nat', '-A DOCKER ! -i docker0 -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80');
const ACCEPT_W1 = idOf(rules, 'filter', '-A DOCKER -d 172.17.0.2/32 ! -i docker0 -o docker0 -p tcp -m tcp --dport 80 -j ACCEPT');

describe('LAN → host:8080 (published on all addresses)', () => {
  const result = trace(lan, HOST_IP, 8080);

  it("ends at w1's eth0 through its host veth", () => {
    expect(result.outcome).toMatchObject({ kind: 'container', containerId: 'w1id', hostVeth: 'vethw1', interface: 'eth0' });
    expect(result.packet).toEqual({ protocol: 'tcp', source: '192.168.50.1', destination: '172.17.0.2', port: 80 });
  });

  it('is decided by the DNAT rule and the filter DOCKER ACCEPT', () => {
    const deciding = result.steps.filter((s) => s.verdict === 'dnat' || s.verdict === 'accept');
    expect(deciding.map((s) => [s.stage, s.verdict, s.ruleId])).toEqual([
      ['nat DOCKER', 'dnat', DNAT_8080],
      ['filter DOCKER', 'accept', ACCEPT_W1],
    ]);
    expect(deciding[0]?.description).toContain('172.17.0.2:80');
  });

  it('walks the hooks in kernel order and names the topology nodes it touches', () => {
    expect(stages(result)).toEqual([
      'arrival',
      'nat PREROUTING',
      'nat DOCKER',
      'routing',
      'filter FORWARD',
      'filter DOCKER-USER',
      'filter FORWARD',
      'filter DOCKER-ISOLATION-STAGE-1',
      'filter FORWARD',
      'filter DOCKER',
      'nat POSTROUTING',
      'bridge',
      'veth',
      'container',
    ]);
    const nodes = (stage: string) => result.steps.find((s) => s.stage === stage)?.nodeIds;
    expect(nodes('arrival')).toEqual(['link:enp1s0']);
    expect(nodes('routing')).toEqual(['link:docker0']);
    expect(nodes('veth')).toContain('veth:vethw1');
    expect(nodes('container')).toEqual(['container:w1id']);
  });
});

describe('LAN → 127.0.0.1', () => {
  it('is a martian and dropped when no DNAT rewrites it', () => {
    const result = trace(lan, '127.0.0.1', 9999);
    expect(result.outcome).toMatchObject({ kind: 'dropped', interface: 'enp1s0' });
    expect(result.outcome.description).toContain('martian');
    expect(result.steps.at(-1)).toMatchObject({ stage: 'routing', verdict: 'drop', ruleId: null });
    expect(result.caveats.join(' ')).toContain('route_localnet');
  });

  it('reaches the container of a 127.0.0.1-bound port, because DNAT comes before the martian check (moby#41872)', () => {
    const result = trace(lan, '127.0.0.1', 8443);
    const dnat = idOf(rules, 'nat', '-A DOCKER -d 127.0.0.1/32 ! -i docker0 -p tcp -m tcp --dport 8443 -j DNAT --to-destination 172.17.0.5:80');
    expect(result.steps.find((s) => s.verdict === 'dnat')?.ruleId).toBe(dnat);
    expect(result.outcome).toMatchObject({ kind: 'container', containerId: 'w3id' });
    expect(result.caveats.join(' ')).toContain('moby/moby#41872');
  });
});

describe('LAN → host-IP:8443, published on 127.0.0.1 only', () => {
  it('is not rewritten (the DNAT rule wants -d 127.0.0.1) and is refused: docker-proxy listens on 127.0.0.1 only', () => {
    const result = trace(lan, HOST_IP, 8443);
    expect(verdicts(result)).not.toContain('dnat');
    expect(result.steps.find((s) => s.stage === 'routing')?.description).toContain('delivered locally');
    expect(result.outcome.kind).toBe('no-listener');
    expect(result.outcome.description).toContain('TCP reset');
    expect(result.outcome.description).toContain('docker-proxy on 127.0.0.1');
    expect(result.packet.destination).toBe(HOST_IP);
  });

  it('reaches a host process that listens on every address', () => {
    const withNginx = [...listeners, { protocol: 'tcp' as const, address: '0.0.0.0', port: 8443, process: 'nginx', pid: 42 }];
    const result = trace(lan, HOST_IP, 8443, { listeners: withNginx });
    expect(result.outcome).toMatchObject({ kind: 'host-process', process: 'nginx' });
  });
});

describe('host → 127.0.0.1:8443', () => {
  const result = trace(host, '127.0.0.1', 8443);

  it('is not DNATed (nat OUTPUT excludes 127/8) and reaches docker-proxy on 127.0.0.1', () => {
    expect(verdicts(result)).not.toContain('jump');
    expect(result.steps[0]).toMatchObject({ stage: 'routing', nodeIds: ['link:lo'] });
    expect(stages(result)).toEqual(['routing', 'nat OUTPUT', 'filter OUTPUT', 'nat POSTROUTING', 'filter INPUT', 'socket']);
    expect(result.outcome).toMatchObject({ kind: 'host-process', process: 'docker-proxy' });
    expect(result.outcome.description).toContain('w3 port 80');
    expect(result.packet).toEqual({ protocol: 'tcp', source: '127.0.0.1', destination: '127.0.0.1', port: 8443 });
    expect(result.caveats.join(' ')).toContain('second leg');
  });
});

describe('host → host-IP:8080', () => {
  it('is DNATed in nat OUTPUT, re-routed to docker0 and never sees FORWARD', () => {
    const result = trace(host, HOST_IP, 8080);
    expect(result.steps.find((s) => s.verdict === 'dnat')).toMatchObject({ stage: 'nat DOCKER', ruleId: DNAT_8080 });
    expect(stages(result)).not.toContain('filter FORWARD');
    expect(result.outcome).toMatchObject({ kind: 'container', containerId: 'w1id' });
    expect(result.packet.source).toBe(HOST_IP);
  });
});

describe('container → host:8080 with the userland proxy on', () => {
  it('skips DNAT (nat DOCKER returns for docker0) and lands on docker-proxy', () => {
    const result = trace(fromContainer('w2id'), '172.17.0.1', 8080);
    const skip = idOf(rules, 'nat', '-A DOCKER -i docker0 -j RETURN');
    expect(result.steps.find((s) => s.verdict === 'return' && s.stage === 'nat DOCKER')?.ruleId).toBe(skip);
    expect(result.steps.slice(0, 3).map((s) => s.nodeIds[0])).toEqual(['container:w2id', 'veth:vethw2', 'link:docker0']);
    expect(result.outcome).toMatchObject({ kind: 'host-process', process: 'docker-proxy' });
  });
});

describe('UDP mapping', () => {
  it('LAN → host:5353/udp reaches the dns container on 53/udp', () => {
    const result = trace(lan, HOST_IP, 5353, { protocol: 'udp' });
    const dnat = idOf(rules, 'nat', '-A DOCKER ! -i docker0 -p udp -m udp --dport 5353 -j DNAT --to-destination 172.17.0.6:53');
    expect(result.steps.find((s) => s.verdict === 'dnat')?.ruleId).toBe(dnat);
    expect(result.outcome).toMatchObject({ kind: 'container', containerId: 'dnsid' });
    expect(result.packet).toMatchObject({ protocol: 'udp', destination: '172.17.0.6', port: 53 });
  });

  it('a TCP rule does not catch UDP: host:8080/udp finds no socket and answers port unreachable', () => {
    const result = trace(lan, HOST_IP, 8080, { protocol: 'udp' });
    expect(verdicts(result)).not.toContain('dnat');
    expect(result.outcome.kind).toBe('no-listener');
    expect(result.outcome.description).toContain('ICMP port unreachable');
  });
});

describe('between Docker networks and out of the host', () => {
  it('a container on another bridge is stopped by DOCKER-ISOLATION-STAGE-2', () => {
    const result = trace(fromContainer('api'), '172.17.0.2', 80);
    const drop = idOf(rules, 'filter', '-A DOCKER-ISOLATION-STAGE-2 -o docker0 -j DROP');
    expect(result.outcome.kind).toBe('dropped');
    expect(result.steps.at(-1)).toMatchObject({ stage: 'filter DOCKER-ISOLATION-STAGE-2', verdict: 'drop', ruleId: drop });
  });

  it('a container reaching the internet is masqueraded as the uplink address', () => {
    const result = trace(fromContainer('w1'), '8.8.8.8', 53, { protocol: 'udp' });
    const masquerade = idOf(rules, 'nat', '-A POSTROUTING -s 172.17.0.0/16 ! -o docker0 -j MASQUERADE');
    expect(result.steps.find((s) => s.verdict === 'masquerade')?.ruleId).toBe(masquerade);
    expect(result.packet.source).toBe(HOST_IP);
    expect(result.outcome).toMatchObject({ kind: 'unknown', interface: 'enp1s0' });
  });

  it("a LAN peer routing straight to a container's IP reaches the published port (direct routing)", () => {
    const result = trace(lan, '172.17.0.2', 80);
    expect(result.steps.find((s) => s.verdict === 'accept')?.ruleId).toBe(ACCEPT_W1);
    expect(result.outcome.kind).toBe('container');
  });

  it("a LAN peer routing to an unpublished container port hits FORWARD's policy DROP", () => {
    const result = trace(lan, '172.17.0.2', 22);
    expect(result.steps.at(-1)).toMatchObject({ stage: 'filter FORWARD', verdict: 'policy', ruleId: null });
    expect(result.outcome.kind).toBe('dropped');
  });
});

describe('a container talking to itself or to nobody', () => {
  it("stays inside the container for its own address or loopback", () => {
    expect(trace(fromContainer('w1id'), '127.0.0.1', 80).outcome).toMatchObject({ kind: 'unknown' });
    expect(trace(fromContainer('w1id'), '172.17.0.2', 80).outcome.description).toContain('never reaches the host');
  });

  it('says so when the container is not known', () => {
    expect(trace(fromContainer('nope'), HOST_IP, 80).outcome).toMatchObject({ kind: 'unknown', description: 'No container nope is known.' });
  });
});

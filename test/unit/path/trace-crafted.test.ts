// Paths through crafted variations of the Docker rule set: the userland proxy off (hairpin NAT),
// user rules in DOCKER-USER, options Bridgeport does not model, routing dead ends.
import { describe, expect, it } from 'vitest';
import { dockerRulesText, fixture, fromContainer, host, HOST_IP, idOf, lan, routes, rulesetOf, trace, verdicts, withRules } from './path-host';

describe('userland proxy off: hairpin NAT', () => {
  const text = fixture('docker20-no-userland-proxy.txt');
  const rules = rulesetOf(text);
  const hairpin = idOf(rules, 'nat', '-A POSTROUTING -s 172.17.0.2/32 -d 172.17.0.2/32 -p tcp -m tcp --dport 80 -j MASQUERADE');

  it('container w1 → host:8080 is DNATed back to itself and masqueraded by the hairpin rule', () => {
    const result = trace(fromContainer('w1id'), HOST_IP, 8080, { rules: text });
    expect(result.steps.find((s) => s.verdict === 'dnat')?.ruleId).toBe(idOf(rules, 'nat', '-A DOCKER -p tcp -m tcp --dport 8080 -j DNAT --to-destination 172.17.0.2:80'));
    expect(result.steps.find((s) => s.verdict === 'accept')?.ruleId).toBe(idOf(rules, 'filter', '-A FORWARD -i docker0 -o docker0 -j ACCEPT'));
    expect(result.steps.find((s) => s.verdict === 'masquerade')).toMatchObject({ stage: 'nat POSTROUTING', ruleId: hairpin });
    expect(result.packet).toEqual({ protocol: 'tcp', source: '172.17.0.1', destination: '172.17.0.2', port: 80 });
    expect(result.outcome).toMatchObject({ kind: 'container', containerId: 'w1id' });
    expect(result.caveats.join(' ')).toContain('hairpin mode');
    expect(result.caveats.join(' ')).toContain('br_netfilter');
  });

  it('another container on docker0 reaches w1 without masquerading', () => {
    const result = trace(fromContainer('w2id'), HOST_IP, 8080, { rules: text });
    expect(verdicts(result)).not.toContain('masquerade');
    expect(result.outcome).toMatchObject({ kind: 'container', containerId: 'w1id' });
    expect(result.caveats.join(' ')).not.toContain('hairpin mode');
  });

  it('host → 127.0.0.1:8080 is DNATed in nat OUTPUT and its loopback source masqueraded on docker0', () => {
    const result = trace(host, '127.0.0.1', 8080, { rules: text });
    const local = idOf(rules, 'nat', '-A POSTROUTING -o docker0 -m addrtype --src-type LOCAL -j MASQUERADE');
    expect(result.steps.find((s) => s.verdict === 'masquerade')?.ruleId).toBe(local);
    expect(result.packet.source).toBe('172.17.0.1');
    expect(result.outcome.kind).toBe('container');
    expect(result.caveats.join(' ')).toContain('route_localnet');
  });
});

describe('rules in DOCKER-USER', () => {
  it('a DROP stops the path with that rule', () => {
    const rule = '-A DOCKER-USER -i enp1s0 -p tcp -m tcp --dport 80 -j DROP';
    const text = withRules(dockerRulesText, 'filter', [rule]);
    const result = trace(lan, HOST_IP, 8080, { rules: text });
    expect(result.outcome.kind).toBe('dropped');
    expect(result.steps.at(-1)).toMatchObject({ stage: 'filter DOCKER-USER', verdict: 'drop', ruleId: idOf(rulesetOf(text), 'filter', rule) });
    expect(result.outcome.description).toContain('rule 1 of filter DOCKER-USER');
  });

  it('a REJECT says how it rejects', () => {
    const rule = '-A DOCKER-USER -s 192.168.50.0/24 -j REJECT --reject-with icmp-host-prohibited';
    const result = trace(lan, HOST_IP, 8080, { rules: withRules(dockerRulesText, 'filter', [rule]) });
    expect(result.outcome.kind).toBe('rejected');
    expect(result.outcome.description).toContain('icmp-host-prohibited');
  });

  it('a rule with an unmodelled option is assumed not to match, with a caveat naming it', () => {
    const rule = '-A DOCKER-USER -m set --match-set blocklist src -j DROP';
    const result = trace(lan, HOST_IP, 8080, { rules: withRules(dockerRulesText, 'filter', [rule]) });
    expect(result.outcome.kind).toBe('container');
    const caveat = result.caveats.find((c) => c.includes(rule));
    expect(caveat).toContain('--match-set blocklist');
    expect(caveat).toContain('assumed not to match');
    expect(result.caveats.join(' ')).toContain('ipsets');
  });

  it('a MARK goes on with a caveat, and later --mark matches become unknown', () => {
    const lines = ['-A DOCKER-USER -j MARK --set-xmark 0x1/0xffffffff', '-A DOCKER-USER -m mark --mark 0x1 -j DROP'];
    const result = trace(lan, HOST_IP, 8080, { rules: withRules(dockerRulesText, 'filter', lines) });
    expect(result.outcome.kind).toBe('container');
    expect(result.caveats.some((c) => c.includes('marks are not followed'))).toBe(true);
    expect(result.caveats.some((c) => c.includes('--mark 0x1') && c.includes('assumed not to match'))).toBe(true);
  });
});

describe('chain mechanics', () => {
  const base = `*filter\n:INPUT DROP [0:0]\n:FORWARD ACCEPT [0:0]\n:OUTPUT ACCEPT [0:0]\n:CHECKS - [0:0]\n:MORE - [0:0]\n`;

  it('a policy DROP ends a built-in chain; ESTABLISHED never helps a first packet', () => {
    const text = `${base}-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT\n-A INPUT -p tcp --dport 22 -j ACCEPT\nCOMMIT\n`;
    expect(trace(lan, HOST_IP, 22, { rules: text }).outcome).toMatchObject({ kind: 'host-process', process: 'sshd' });
    const refused = trace(lan, HOST_IP, 8443, { rules: text });
    expect(refused.outcome.kind).toBe('dropped');
    expect(refused.steps.at(-1)).toMatchObject({ stage: 'filter INPUT', verdict: 'policy', ruleId: null });
  });

  it('a user chain that ends returns to its caller; a goto returns past it', () => {
    const jump = `${base}-A INPUT -j CHECKS\n-A INPUT -j ACCEPT\n-A CHECKS -j MORE\n-A CHECKS -j DROP\nCOMMIT\n`;
    const viaJump = trace(lan, HOST_IP, 22, { rules: jump });
    expect(viaJump.steps.some((s) => s.verdict === 'return' && s.description.includes('back to filter CHECKS'))).toBe(true);
    expect(viaJump.outcome.kind).toBe('dropped');
    const viaGoto = trace(lan, HOST_IP, 22, { rules: jump.replace('-A CHECKS -j MORE', '-A CHECKS -g MORE') });
    expect(viaGoto.steps.find((s) => s.stage === 'filter CHECKS')?.description).toMatch(/^Goes to/);
    expect(viaGoto.outcome.kind).toBe('host-process');
  });

  it('a jump loop ends as unknown instead of spinning', () => {
    const text = `${base}-A INPUT -j CHECKS\n-A CHECKS -j MORE\n-A MORE -j CHECKS\nCOMMIT\n`;
    expect(trace(lan, HOST_IP, 22, { rules: text }).outcome.kind).toBe('unknown');
  });

  it('REDIRECT sends the packet to a local port on the arrival address', () => {
    const text = `*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -i enp1s0 -p tcp --dport 80 -j REDIRECT --to-ports 22\nCOMMIT\n`;
    const result = trace(lan, HOST_IP, 80, { rules: text });
    expect(result.steps.find((s) => s.verdict === 'dnat')?.description).toContain('REDIRECT');
    expect(result.packet).toMatchObject({ destination: HOST_IP, port: 22 });
    expect(result.outcome).toMatchObject({ kind: 'host-process', process: 'sshd' });
  });

  it('a raw-table DROP comes before any NAT (Docker 28 style direct-routing protection)', () => {
    const text = dockerRulesText.replace('*filter', '*raw\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -d 172.17.0.2/32 ! -i docker0 -j DROP\nCOMMIT\n*filter');
    const result = trace(lan, '172.17.0.2', 80, { rules: text });
    expect(result.outcome.kind).toBe('dropped');
    expect(result.steps.at(-1)?.stage).toBe('raw PREROUTING');
    expect(trace(lan, HOST_IP, 8080, { rules: text }).outcome.kind).toBe('container');
  });

  it('a NOTRACK in raw keeps the packet out of the nat table', () => {
    const text = dockerRulesText.replace('*filter', '*raw\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -p tcp --dport 8080 -j CT --notrack\nCOMMIT\n*filter');
    const result = trace(lan, HOST_IP, 8080, { rules: text });
    expect(verdicts(result)).not.toContain('dnat');
    expect(result.outcome).toMatchObject({ kind: 'host-process', process: 'docker-proxy' });
  });
});

describe('routing dead ends and standing caveats', () => {
  const noDefault = routes.filter((r) => r.destination !== '0.0.0.0/0');

  it('no route → no-route, from the LAN and from the host', () => {
    const fromLan = trace(lan, '10.9.9.9', 80, { routes: noDefault });
    expect(fromLan.outcome.kind).toBe('no-route');
    expect(fromLan.steps.at(-1)).toMatchObject({ stage: 'routing', verdict: 'drop' });
    expect(trace(host, '10.9.9.9', 80, { routes: noDefault }).outcome.kind).toBe('no-route');
  });

  it('a blackhole route drops, an unreachable one rejects', () => {
    const blackhole = [...routes, { ...noDefault[0]!, destination: '10.66.0.0/16', type: 'blackhole', dev: null }];
    expect(trace(lan, '10.66.1.1', 80, { routes: blackhole }).outcome.kind).toBe('dropped');
    const unreachable = [...routes, { ...noDefault[0]!, destination: '10.66.0.0/16', type: 'unreachable', dev: null }];
    expect(trace(host, '10.66.1.1', 80, { routes: unreachable }).outcome.kind).toBe('rejected');
  });

  it('names what it did not evaluate: mangle rules, other routing tables, IPv6 rules', () => {
    const text = `${dockerRulesText}*mangle\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j MARK --set-mark 0x2\nCOMMIT\n`;
    const ruleset = rulesetOf(text);
    ruleset.rules.push({ ...ruleset.rules[0]!, family: 'ipv6' });
    const withTable = [...routes, { ...noDefault[0]!, table: '100' }];
    const result = trace(lan, HOST_IP, 8080, { ruleset, routes: withTable });
    expect(result.caveats.join(' ')).toContain('mangle table (1 rule)');
    expect(result.caveats.join(' ')).toContain('table 100');
    expect(result.caveats.join(' ')).toContain('Only IPv4 is traced');
    expect(result.outcome.kind).toBe('container');
  });

  it('says when no IPv4 rule set was given, and then accepts everywhere', () => {
    const result = trace(lan, HOST_IP, 8080, { ruleset: { chains: [], rules: [] } });
    expect(result.caveats).toContain('No IPv4 firewall rules were given; every chain was taken to accept.');
    expect(result.outcome).toMatchObject({ kind: 'host-process', process: 'docker-proxy' });
  });

  it('refuses a non-IPv4 destination plainly', () => {
    expect(trace(lan, '2001:db8::1', 80).outcome).toMatchObject({ kind: 'unknown' });
  });
});

describe('what is not traced at all', () => {
  it('broadcast and multicast destinations', () => {
    expect(trace(lan, '192.168.50.255', 80, { protocol: 'udp' }).outcome.kind).toBe('unknown');
    expect(trace(host, '239.1.2.3', 5000, { protocol: 'udp' }).outcome.description).toContain('multicast');
  });
});

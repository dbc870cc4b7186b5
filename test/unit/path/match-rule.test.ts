import { describe, expect, it } from 'vitest';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import { portInSpec } from '../../../src/main/netcore/rules/port-spec';
import { interfaceFits, matchRule, type MatchView } from '../../../src/main/engine/path/match-rule';

const view: MatchView = {
  packet: { protocol: 'tcp', source: '192.168.50.1', destination: '192.168.50.10', port: 8080 },
  inInterface: 'enp1s0',
  outInterface: null,
  ctStates: new Set(['NEW']),
  mark: 0,
  isLocal: (a) => a === '192.168.50.10' || a.startsWith('127.'),
};

/** Matches one rule line (written as in iptables-save, in table filter) against the view. */
function check(line: string, overrides: Partial<MatchView> = {}) {
  const rule = parseIptablesSave(`*filter\n:INPUT ACCEPT [0:0]\n${line}\nCOMMIT\n`).rules[0]!;
  return matchRule(rule.match, rule.spec, { ...view, ...overrides }).kind;
}

describe('matchRule', () => {
  it('matches protocol, addresses and ports, each negatable', () => {
    expect(check('-A INPUT -p tcp -d 192.168.50.0/24 --dport 8080 -j ACCEPT')).toBe('match');
    expect(check('-A INPUT -p udp -j ACCEPT')).toBe('no-match');
    expect(check('-A INPUT ! -p udp -j ACCEPT')).toBe('match');
    expect(check('-A INPUT -p 6 -j ACCEPT')).toBe('match');
    expect(check('-A INPUT ! -s 192.168.50.0/24 -j ACCEPT')).toBe('no-match');
    expect(check('-A INPUT -p tcp ! --dport 8080 -j ACCEPT')).toBe('no-match');
    expect(check('-A INPUT -p tcp -m tcp --dport 8000:8100 -j ACCEPT')).toBe('match');
    expect(check('-A INPUT -p tcp -m multiport --dports 22,80,8000:8090 -j ACCEPT')).toBe('match');
  });

  it('matches interfaces with the + wildcard, and a packet without an interface only by negation', () => {
    expect(check('-A INPUT -i enp+ -j ACCEPT')).toBe('match');
    expect(check('-A INPUT -i eth+ -j ACCEPT')).toBe('no-match');
    expect(check('-A INPUT ! -i docker0 -j ACCEPT')).toBe('match');
    expect(interfaceFits('docker0', false, null)).toBe(false);
    expect(interfaceFits('docker0', true, null)).toBe(true);
    expect(interfaceFits('+', false, 'anything')).toBe(true);
  });

  it('sees the first packet as NEW, never ESTABLISHED, and DNAT once rewritten', () => {
    expect(check('-A INPUT -m conntrack --ctstate RELATED,ESTABLISHED -j ACCEPT')).toBe('no-match');
    expect(check('-A INPUT -m conntrack --ctstate NEW -j ACCEPT')).toBe('match');
    expect(check('-A INPUT -m state --state INVALID -j DROP')).toBe('no-match');
    expect(check('-A INPUT -m conntrack ! --ctstate RELATED,ESTABLISHED -j DROP')).toBe('match');
    expect(check('-A INPUT -m conntrack --ctstate DNAT -j ACCEPT', { ctStates: new Set(['NEW', 'DNAT']) })).toBe('match');
  });

  it('decides addrtype LOCAL from the host addresses, 127/8 included', () => {
    expect(check('-A INPUT -m addrtype --dst-type LOCAL -j ACCEPT')).toBe('match');
    expect(check('-A INPUT -m addrtype ! --dst-type LOCAL -j ACCEPT')).toBe('no-match');
    expect(check('-A INPUT -m addrtype --src-type LOCAL -j ACCEPT')).toBe('no-match');
    const loopback = { packet: { ...view.packet, destination: '127.0.0.1' } };
    expect(check('-A INPUT -m addrtype --dst-type LOCAL -j ACCEPT', loopback)).toBe('match');
    expect(check('-A INPUT -m addrtype --dst-type BLACKHOLE -j ACCEPT')).toBe('unknown');
  });

  it('compares marks while they are known', () => {
    expect(check('-A INPUT -m mark --mark 0x1/0x1 -j ACCEPT')).toBe('no-match');
    expect(check('-A INPUT -m mark --mark 0x0/0x1 -j ACCEPT')).toBe('match');
    expect(check('-A INPUT -m mark --mark 0x1 -j ACCEPT', { mark: null })).toBe('unknown');
  });

  it('answers unknown for options it does not model, but only when the rest matches', () => {
    expect(check('-A INPUT -m set --match-set blocklist src -j DROP')).toBe('unknown');
    expect(check('-A INPUT -p tcp --sport 53 -j ACCEPT')).toBe('unknown');
    expect(check('-A INPUT -p udp -m set --match-set blocklist src -j DROP')).toBe('no-match');
  });
});

describe('port and negation helpers', () => {
  it('reads single ports, ranges, open ranges and lists', () => {
    expect(portInSpec('80', 80)).toBe(true);
    expect(portInSpec(':1024', 22)).toBe(true);
    expect(portInSpec('1024:', 22)).toBe(false);
    expect(portInSpec('80,443', 443)).toBe(true);
    expect(portInSpec('http', 80)).toBeNull();
  });

  it('the parser keeps negations of states, marks and source ports', () => {
    const [negated, plain] = parseIptablesSave('*filter\n-A X -m conntrack ! --ctstate NEW -m mark ! --mark 0x1 ! --sport 53 -j DROP\n-A X -m conntrack --ctstate NEW -p tcp --syn -j DROP\n').rules;
    expect(negated!.match).toMatchObject({ ctstateNegated: true, markNegated: true, sportNegated: true });
    expect(plain!.match).toMatchObject({ ctstateNegated: false, unparsed: ['--syn'] });
    expect(plain!.target).toBe('DROP');
  });
});

import { describe, expect, it } from 'vitest';
import { parseNftJson } from '../../../src/main/netcore/nft/parse-nft-json';
import { listedRules, ownFixture, ruleAt } from './nft-fixture';

// fixtures/native-1.0.6.*: native tables of every common kind, captured with nftables 1.0.6.
describe('parseNftJson on native tables (nftables 1.0.6)', () => {
  const ruleset = parseNftJson(ownFixture('native-1.0.6.json'));
  const rule = (table: string, chain: string, position: number) => ruleAt(ruleset, table, chain, position);

  it('names tables family first and files ip6 under ipv6, every other family under ipv4', () => {
    const tables = [...new Set(ruleset.chains.map((c) => `${c.family} ${c.table}`))];
    expect(tables).toEqual(['ipv4 inet filter', 'ipv4 ip nat2', 'ipv4 inet natb', 'ipv4 netdev nd']);
  });

  it('gives base chains their policy and regular chains none, with no chain counters', () => {
    const chain = (table: string, name: string) => ruleset.chains.find((c) => c.table === table && c.name === name);
    expect(chain('inet filter', 'input')).toEqual({
      family: 'ipv4',
      table: 'inet filter',
      name: 'input',
      policy: 'DROP',
      packets: 0,
      bytes: 0,
      base: { type: 'filter', hook: 'input', priority: 0 },
    });
    expect(chain('inet filter', 'fwd_docker0')?.base).toBeUndefined();
    expect(chain('inet filter', 'forward')?.policy).toBe('ACCEPT');
    expect(chain('inet filter', 'fwd_docker0')?.policy).toBeNull();
    expect(chain('ip nat2', 'docker')?.policy).toBeNull();
  });

  it('prints each rule as `nft list` does, without counter values', () => {
    // The .txt is what `nft list ruleset` printed for the same rule set.
    expect(ruleset.rules.map((r) => r.spec)).toEqual(listedRules(ownFixture('native-1.0.6.txt')));
  });

  it('numbers rules by position within their chain', () => {
    expect(ruleset.rules.filter((r) => r.chain === 'input').map((r) => r.position)).toEqual([...Array(17).keys()].map((i) => i + 1));
    expect(rule('ip nat2', 'docker', 1).position).toBe(1);
  });

  it('reads a DNAT with its negated input interface, port and counters', () => {
    expect(rule('ip nat2', 'docker', 1)).toMatchObject({
      family: 'ipv4',
      target: 'DNAT',
      targetArgs: 'to 172.17.0.2:80',
      toDestination: '172.17.0.2:80',
      packets: 12,
      bytes: 3456,
      match: { protocol: 'tcp', dport: '8080', inInterface: 'docker0', inInterfaceNegated: true, unparsed: [] },
    });
  });

  it('reads DNAT port ranges, DNAT without a port, REDIRECT and goto', () => {
    expect(rule('ip nat2', 'docker', 2)).toMatchObject({ target: 'DNAT', toDestination: '172.17.0.3:9000-9002', match: { dport: '9000:9002' } });
    expect(rule('ip nat2', 'docker', 3)).toMatchObject({ target: 'DNAT', toDestination: '172.17.0.4', match: { protocol: 'udp', dport: '53' } });
    expect(rule('ip nat2', 'docker', 4)).toMatchObject({ target: 'REDIRECT', targetArgs: 'to :22', toDestination: '22' });
    expect(rule('ip nat2', 'docker', 5)).toMatchObject({
      target: 'other',
      match: { protocol: 'udp', destination: '10.0.0.0/8', destinationNegated: true },
    });
  });

  it('reads MASQUERADE (with flags) and SNAT to an address or a range', () => {
    expect(rule('ip nat2', 'postrouting', 1)).toMatchObject({
      target: 'MASQUERADE',
      targetArgs: '',
      toDestination: null,
      match: { source: '172.17.0.0/16', outInterface: 'docker0', outInterfaceNegated: true },
    });
    expect(rule('ip nat2', 'postrouting', 2)).toMatchObject({ target: 'MASQUERADE', targetArgs: 'random,persistent' });
    expect(rule('ip nat2', 'postrouting', 3)).toMatchObject({ target: 'SNAT', toDestination: '192.168.1.1', match: { source: '10.0.0.1/32' } });
    expect(rule('ip nat2', 'postrouting', 4)).toMatchObject({ target: 'SNAT', toDestination: '192.168.1.1-192.168.1.5:1000-2000' });
  });

  it('reads inet NAT with its address family: ipv6 destinations in brackets, single addresses as /128', () => {
    expect(rule('inet natb', 'pre', 1)).toMatchObject({ target: 'DNAT', targetArgs: 'to 172.17.0.5:80', toDestination: '172.17.0.5:80' });
    expect(rule('inet natb', 'pre', 2)).toMatchObject({ target: 'DNAT', toDestination: '[fd00::2]:80', match: { source: 'fd00::/64' } });
    expect(rule('inet natb', 'post', 1)).toMatchObject({ target: 'SNAT', toDestination: 'fd00::9', match: { source: 'fd00::1/128' } });
  });

  it('reads accept, drop, reject, jump and return', () => {
    expect(rule('inet filter', 'input', 1)).toMatchObject({ target: 'ACCEPT', match: { inInterface: 'lo' } });
    expect(rule('inet filter', 'input', 3)).toMatchObject({ target: 'DROP', match: { ctstate: ['INVALID'] } });
    expect(rule('inet filter', 'forward', 4)).toMatchObject({ target: 'REJECT', targetArgs: 'with tcp reset', match: { protocol: 'tcp' } });
    expect(rule('inet filter', 'forward', 5)).toMatchObject({ target: 'REJECT', targetArgs: '', spec: 'reject' });
    expect(rule('inet filter', 'forward', 6)).toMatchObject({ target: 'fwd_docker0', targetArgs: '', spec: 'jump fwd_docker0' });
    expect(rule('inet filter', 'fwd_docker0', 2)).toMatchObject({ target: 'RETURN', spec: 'return' });
  });

  it('reads connection states, anonymous port sets (as a list), ranges and the comment', () => {
    expect(rule('inet filter', 'input', 2).match.ctstate).toEqual(['ESTABLISHED', 'RELATED']);
    expect(rule('inet filter', 'input', 5)).toMatchObject({
      target: 'ACCEPT',
      match: { protocol: 'tcp', dport: '22,80,443,8000:8010', comment: 'web and ssh', unparsed: [] },
    });
    expect(rule('inet filter', 'input', 6).match).toMatchObject({ protocol: 'udp', dport: '5000:5010' });
  });

  it('reads the protocol from meta l4proto and ip6 nexthdr, and th dport without implying one', () => {
    expect(rule('inet filter', 'input', 7).match.protocol).toBe('icmp');
    expect(rule('inet filter', 'input', 8).match).toMatchObject({ protocol: 'ipv6-icmp', source: 'fe80::/10' });
    expect(rule('inet filter', 'input', 15).match).toMatchObject({ protocol: null, dport: '53' });
  });

  it('reads marks (with a mask), interface wildcards in iptables spelling, and fib address types', () => {
    expect(rule('inet filter', 'input', 11).match.mark).toBe('0x1');
    expect(rule('inet filter', 'input', 12)).toMatchObject({ spec: 'meta mark & 0x000000ff == 0x00000002 accept', match: { mark: '0x2/0xff' } });
    expect(rule('inet filter', 'input', 14).match.inInterface).toBe('br-+');
    expect(rule('ip nat2', 'prerouting', 1)).toMatchObject({ target: 'docker', match: { dstType: 'LOCAL' } });
    expect(rule('ip nat2', 'prerouting', 2).match.dstType).toBe('!LOCAL');
  });

  it('keeps what it does not model in unparsed, readable, with named sets spelled out', () => {
    const unparsed = (table: string, chain: string, position: number) => rule(table, chain, position).match.unparsed;
    expect(unparsed('inet filter', 'input', 4)).toEqual(['ip saddr @blocked4 (@blocked4 = { 10.9.0.0/16, 192.0.2.7 })']);
    expect(unparsed('inet filter', 'input', 9)).toEqual(['limit rate 10/second']);
    expect(unparsed('inet filter', 'input', 13)).toEqual(['ct mark 0x00000005']);
    expect(unparsed('inet filter', 'input', 16)).toEqual(['tcp sport != 1024-65535']);
    expect(unparsed('inet filter', 'forward', 2)).toEqual(['ip daddr . tcp dport { 172.17.0.2 . 80, 172.17.0.3 . 443 }']);
    expect(unparsed('inet natb', 'post', 2)).toEqual(['meta nfproto ipv4']);
    expect(unparsed('netdev nd', 'ing', 1)).toEqual(['ether type arp']);
  });

  it('reads a DNAT through a map as DNAT without a destination, the map lookup kept as a condition', () => {
    expect(rule('ip nat2', 'prerouting', 3)).toMatchObject({
      target: 'DNAT',
      targetArgs: 'to tcp dport map @portmap',
      toDestination: null,
      match: { unparsed: ['dnat ip to tcp dport map @portmap (@portmap = { 8080 : 172.17.0.2 . 80 })'] },
    });
  });

  it('reads a verdict map as VMAP: its verdicts as arguments, its key as a condition', () => {
    expect(rule('inet filter', 'forward', 3)).toMatchObject({
      target: 'VMAP',
      targetArgs: '{ "br-abc" : goto fwd_abc, "docker0" : jump fwd_docker0 }',
      match: { unparsed: ['oifname vmap { "br-abc" : goto fwd_abc, "docker0" : jump fwd_docker0 }'] },
    });
  });

  it('counts 0 for a named counter; names a rule without verdict after its side effect', () => {
    expect(rule('inet filter', 'input', 10)).toMatchObject({ target: 'DROP', packets: 0, bytes: 0, spec: 'counter name "named1" drop' });
    expect(rule('inet filter', 'input', 17)).toMatchObject({ target: 'REJECT', targetArgs: 'with icmpx admin-prohibited', match: { unparsed: [] } });
    expect(rule('inet filter', 'fwd_docker0', 1)).toMatchObject({ target: 'MARK', targetArgs: 'meta mark set 0x00000010' });
    expect(rule('ip nat2', 'raw', 1)).toMatchObject({ target: 'NOTRACK', match: { protocol: 'tcp' } });
  });

  it('keeps only the tables onlyTables accepts', () => {
    const natOnly = parseNftJson(ownFixture('native-1.0.6.json'), { onlyTables: (family, name) => family === 'ip' && name === 'nat2' });
    expect(new Set(natOnly.chains.map((c) => c.table))).toEqual(new Set(['ip nat2']));
    expect(new Set(natOnly.rules.map((r) => r.table))).toEqual(new Set(['ip nat2']));
    expect(natOnly.rules.length).toBe(13);
  });
});

import { describe, expect, it } from 'vitest';
import { nftBaseChains, parseNftJson } from '../../../src/main/netcore/nft/parse-nft-json';
import { rulesetJson } from './nft-fixture';

const onlyRule = (json: string) => {
  const { rules } = parseNftJson(json);
  expect(rules).toHaveLength(1);
  return rules[0]!;
};

const tcpDport = (right: unknown, op = '==') => ({ match: { op, left: { payload: { protocol: 'tcp', field: 'dport' } }, right } });

describe('parseNftJson: what it throws on', () => {
  it('throws only on text that is not JSON or has no nftables array', () => {
    expect(() => parseNftJson('')).toThrow(/not JSON/);
    expect(() => parseNftJson('table ip nat {')).toThrow(/not JSON/);
    expect(() => parseNftJson('{"tables": []}')).toThrow(/no "nftables" array/);
    expect(() => parseNftJson('{"nftables": {}}')).toThrow(/no "nftables" array/);
    expect(() => parseNftJson('[1, 2]')).toThrow(/no "nftables" array/);
  });

  it('nftBaseChains throws alike and skips regular chains and chains without a hook', () => {
    expect(() => nftBaseChains('{')).toThrow(/not JSON/);
    const json = JSON.stringify({
      nftables: [
        { chain: { family: 'netdev', table: 'nd', name: 'ing', type: 'filter', hook: 'ingress', prio: 0, dev: 'eth0', policy: 'accept' } },
        { chain: { family: 'ip', table: 't', name: 'regular' } },
        { chain: { family: 'ip', table: 't', name: 'odd', hook: 'input', prio: 'high' } },
      ],
    });
    expect(nftBaseChains(json)).toEqual([
      { family: 'ipv4', table: 'netdev nd', name: 'ing', type: 'filter', hook: 'ingress', priority: 0, devices: ['eth0'] },
      { family: 'ipv4', table: 'ip t', name: 'odd', type: 'filter', hook: 'input', priority: 0, devices: [] },
    ]);
  });

  it('reads an empty rule set (metainfo only) as nothing', () => {
    expect(parseNftJson('{"nftables": [{"metainfo": {"version": "1.0.6", "json_schema_version": 1}}]}')).toEqual({ chains: [], rules: [] });
    expect(parseNftJson('{"nftables": []}')).toEqual({ chains: [], rules: [] });
  });
});

describe('parseNftJson: schema drift', () => {
  it('skips objects it does not read (set, map, flowtable, ct helper, counter, quota, newer kinds)', () => {
    const json = JSON.stringify({
      nftables: [
        { metainfo: { version: '9.9.9', release_name: 'future', json_schema_version: 7, extra: true } },
        { table: { family: 'inet', name: 'f', handle: 1, flags: ['owner'] } },
        { set: { family: 'inet', table: 'f', name: 's', type: 'ipv4_addr', handle: 2 } },
        { map: { family: 'inet', table: 'f', name: 'm', type: 'ifname', map: 'verdict', handle: 3 } },
        { flowtable: { family: 'inet', table: 'f', name: 'ft', hook: 'ingress', prio: 0, dev: ['eth0'] } },
        { 'ct helper': { family: 'inet', table: 'f', name: 'ftp', type: 'ftp', protocol: 'tcp', l3proto: 'inet' } },
        { 'ct timeout': { family: 'inet', table: 'f', name: 'to' } },
        { counter: { family: 'inet', table: 'f', name: 'cnt', packets: 1, bytes: 2 } },
        { quota: { family: 'inet', table: 'f', name: 'q', bytes: 100, used: 0, inv: false } },
        { limit: { family: 'inet', table: 'f', name: 'l', rate: 1, per: 'second' } },
        { 'something-new': { family: 'inet', table: 'f' } },
        { chain: { family: 'inet', table: 'f', name: 'input', handle: 4, type: 'filter', hook: 'input', prio: 0, policy: 'accept' } },
        { rule: { family: 'inet', table: 'f', chain: 'input', handle: 5, expr: [{ accept: null }] } },
      ],
    });
    const ruleset = parseNftJson(json);
    expect(ruleset.chains).toEqual([
      { family: 'ipv4', table: 'inet f', name: 'input', policy: 'ACCEPT', packets: 0, bytes: 0, base: { type: 'filter', hook: 'input', priority: 0 } },
    ]);
    expect(ruleset.rules).toHaveLength(1);
    expect(ruleset.rules[0]).toMatchObject({ table: 'inet f', chain: 'input', position: 1, spec: 'accept', target: 'ACCEPT' });
  });

  it('tolerates missing optional fields and skips objects missing required ones', () => {
    const json = JSON.stringify({
      nftables: [
        'not an object',
        null,
        { chain: { family: 'ip', table: 't', name: 'base', hook: 'input' } }, // no policy
        { chain: { family: 'ip', table: 't' } }, // no name: skipped
        { chain: { family: 'ip', table: 't', name: 'weird', hook: 7, policy: ['accept'] } }, // wrong types: treated as absent
        { rule: { family: 'ip', table: 't', chain: 'base' } }, // no expr
        { rule: { family: 'ip', table: 't', chain: 'base', expr: 'accept', comment: 5 } }, // expr not a list, comment not text
        { rule: { family: 'ip', table: 't', expr: [{ accept: null }] } }, // no chain: skipped
        { rule: { family: 'ip', table: 't', chain: 'missing-chain', expr: [{ drop: null }] } }, // chain not listed: kept
        { chain: 'base', rule: {} }, // two keys: not an object of nft's
      ],
    });
    const ruleset = parseNftJson(json);
    expect(ruleset.chains.map((c) => [c.name, c.policy])).toEqual([
      ['base', null],
      ['weird', null],
    ]);
    expect(ruleset.rules.map((r) => [r.chain, r.position, r.spec, r.target, r.match.comment])).toEqual([
      ['base', 1, '', '', null],
      ['base', 2, '', '', null],
      ['missing-chain', 1, 'drop', 'DROP', null],
    ]);
  });

  it('reads the forms of nftables 0.9.0: meta as a string, jump to a string, xt as null, no op', () => {
    const rule = onlyRule(
      rulesetJson([
        { match: { left: { meta: 'iifname' }, right: 'docker0' } },
        { match: { op: '==', left: { meta: 'l4proto' }, right: 'tcp' } },
        { xt: null },
        { counter: { packets: 4, bytes: 240 } },
        { jump: 'DOCKER' },
      ]),
    );
    expect(rule).toMatchObject({
      spec: 'iifname "docker0" meta l4proto tcp xt counter jump DOCKER',
      target: 'DOCKER',
      packets: 4,
      bytes: 240,
      match: { inInterface: 'docker0', protocol: 'tcp', unparsed: ['xt'] },
    });
  });

  it('reads ct state as one comma-separated string, fib flags as a string, marks as hex text', () => {
    const rule = onlyRule(
      rulesetJson([
        { match: { op: '==', left: { ct: { key: 'state' } }, right: 'established,related' } },
        { match: { op: '==', left: { fib: { result: 'type', flags: 'daddr' } }, right: 'local' } },
        { match: { op: '==', left: { meta: { key: 'mark' } }, right: '0x00000010' } },
        { accept: null },
      ]),
    );
    expect(rule.match).toMatchObject({ ctstate: ['ESTABLISHED', 'RELATED'], dstType: 'LOCAL', mark: '0x00000010', unparsed: [] });
  });

  it('reads a counter without values, or a second counter, without failing', () => {
    expect(onlyRule(rulesetJson([{ counter: null }, { accept: null }]))).toMatchObject({ packets: 0, bytes: 0, spec: 'counter accept' });
    const twice = onlyRule(rulesetJson([{ counter: { packets: 1, bytes: 2 } }, { counter: { packets: 9, bytes: 9 } }, { drop: null }]));
    expect(twice).toMatchObject({ packets: 1, bytes: 2 });
  });

  it('keeps unknown statements and expressions as text instead of failing', () => {
    const rule = onlyRule(
      rulesetJson([
        { match: { op: '==', left: { 'brand-new-expr': { key: 'x' } }, right: 1 } },
        { match: { op: '>=', left: { payload: { protocol: 'tcp', field: 'dport' } }, right: 1024 } },
        { 'brand-new-stmt': { value: 1 } },
        { 'ct count': { val: 10, inv: true } },
        { quota: { val: 10, val_unit: 'mbytes', inv: false } },
        { xt: { type: 'match', name: 'addrtype' } },
        { accept: null },
      ]),
    );
    expect(rule.target).toBe('ACCEPT');
    expect(rule.match.protocol).toBe('tcp');
    expect(rule.match.unparsed).toEqual([
      'brand-new-expr {"key":"x"} 1',
      'tcp dport >= 1024',
      'brand-new-stmt {"value":1}',
      'ct count over 10',
      'quota 10 mbytes',
      'xt match "addrtype"',
    ]);
  });

  it('never throws on statements whose bodies have the wrong shape', () => {
    const odd = [
      { match: null },
      { match: { op: '==', left: null, right: null } },
      { dnat: null },
      { snat: 'x' },
      { reject: null },
      { jump: null },
      { vmap: null },
      { log: null },
      { mangle: 3 },
      { limit: null },
      { meter: null },
      { set: null },
      { 'ct helper': null },
      { queue: null },
      { dup: null },
      { flow: null },
      { counter: 'named' },
      { match: { op: '==', left: { prefix: null }, right: { range: 'x' } } },
      { match: { op: '==', left: { '&': null }, right: { concat: 5 } } },
      { match: { op: '==', left: { payload: { protocol: 'tcp', field: 'dport' } }, right: { set: 80 } } },
      7,
      'accept',
      [],
    ];
    for (const stmt of odd) expect(() => parseNftJson(rulesetJson([stmt]))).not.toThrow();
    expect(onlyRule(rulesetJson([odd[19]!])).match.dport).toBe('80');
  });
});

describe('parseNftJson: conditions on small hand-made rules', () => {
  it('negates addresses, interfaces and ports with !=', () => {
    const rule = onlyRule(
      rulesetJson([
        { match: { op: '!=', left: { payload: { protocol: 'ip', field: 'saddr' } }, right: { prefix: { addr: '10.0.0.0', len: 8 } } } },
        { match: { op: '!=', left: { payload: { protocol: 'ip', field: 'daddr' } }, right: '192.0.2.1' } },
        { match: { op: '!=', left: { meta: { key: 'oifname' } }, right: 'docker0' } },
        tcpDport({ set: [80, 443] }, '!='),
        { accept: null },
      ]),
    );
    expect(rule.spec).toBe('ip saddr != 10.0.0.0/8 ip daddr != 192.0.2.1 oifname != "docker0" tcp dport != { 80, 443 } accept');
    expect(rule.match).toMatchObject({
      source: '10.0.0.0/8',
      sourceNegated: true,
      destination: '192.0.2.1/32',
      destinationNegated: true,
      outInterface: 'docker0',
      outInterfaceNegated: true,
      protocol: 'tcp',
      protocolNegated: false,
      dport: '80,443',
      dportNegated: true,
    });
  });

  it('reads a negated protocol, a source port and a port set with ranges', () => {
    const rule = onlyRule(
      rulesetJson([
        { match: { op: '!=', left: { meta: { key: 'l4proto' } }, right: 'udp' } },
        { match: { op: '==', left: { payload: { protocol: 'th', field: 'sport' } }, right: 53 } },
        { match: { op: '==', left: { payload: { protocol: 'th', field: 'dport' } }, right: { set: [{ range: [1, 3] }, 22] } } },
        { drop: null },
      ]),
    );
    expect(rule.match).toMatchObject({ protocol: 'udp', protocolNegated: true, sport: '53', dport: '1:3,22', unparsed: [] });
  });

  it('keeps a second condition on the same field as text rather than overwrite the first', () => {
    const rule = onlyRule(rulesetJson([tcpDport(80), tcpDport(443), { accept: null }]));
    expect(rule.match).toMatchObject({ dport: '80', unparsed: ['tcp dport 443'] });
  });

  it('keeps sets of names or addresses, negated states and named sets as text', () => {
    const rule = onlyRule(
      rulesetJson([
        { match: { op: '==', left: { meta: { key: 'iifname' } }, right: { set: ['docker0', 'br-1'] } } },
        { match: { op: '==', left: { payload: { protocol: 'ip', field: 'daddr' } }, right: { set: ['192.0.2.1', '192.0.2.2'] } } },
        { match: { op: '!=', left: { ct: { key: 'state' } }, right: 'invalid' } },
        tcpDport('@web-ports'),
        { accept: null },
      ]),
    );
    expect(rule.match.unparsed).toEqual([
      'iifname { "docker0", "br-1" }',
      'ip daddr { 192.0.2.1, 192.0.2.2 }',
      'ct state != invalid',
      'tcp dport @web-ports',
    ]);
    expect(rule.match).toMatchObject({ inInterface: null, destination: null, ctstate: null, dport: null, protocol: 'tcp' });
  });

  it('puts the rule comment in the match and at the end of the spec', () => {
    const rule = onlyRule(rulesetJson([{ accept: null }], { comment: 'allow "all"' }));
    expect(rule).toMatchObject({ spec: 'accept comment "allow "all""', match: { comment: 'allow "all"' } });
  });

  it('reads an ip6 table as ipv6 and NAT to an ipv6 address without a port', () => {
    const { rules, chains } = parseNftJson(rulesetJson([{ dnat: { addr: 'fd00::2' } }], { family: 'ip6', table: 'nat6' }));
    expect(chains[0]).toMatchObject({ family: 'ipv6', table: 'ip6 nat6' });
    expect(rules[0]).toMatchObject({ family: 'ipv6', table: 'ip6 nat6', target: 'DNAT', toDestination: 'fd00::2', spec: 'dnat to fd00::2' });
  });

  it('reads masquerade and redirect to a port, and a rule with only a log as LOG', () => {
    expect(onlyRule(rulesetJson([{ masquerade: { port: { range: [1024, 2048] } } }]))).toMatchObject({
      target: 'MASQUERADE',
      targetArgs: 'to :1024-2048',
      toDestination: '1024-2048',
    });
    expect(onlyRule(rulesetJson([{ redirect: { port: 3128, flags: 'random' } }]))).toMatchObject({
      target: 'REDIRECT',
      targetArgs: 'to :3128 random',
      toDestination: '3128',
    });
    expect(onlyRule(rulesetJson([{ log: { prefix: 'x ', level: 'info' } }]))).toMatchObject({ target: 'LOG', targetArgs: 'log prefix "x " level info' });
  });

  it('keeps the spec free of counter values, so the rule id does not move as packets flow', () => {
    const at = (packets: number) => onlyRule(rulesetJson([tcpDport(80), { counter: { packets, bytes: packets * 60 } }, { accept: null }]));
    expect(at(0).spec).toBe(at(12345).spec);
    expect(at(12345)).toMatchObject({ packets: 12345, bytes: 740700 });
  });

  it('shows at most 8 elements of a named set, then how many more', () => {
    const json = JSON.stringify({
      nftables: [
        { set: { family: 'ip', table: 't', name: 'many', type: 'inet_service', elem: [...Array(11).keys()].map((i) => 1000 + i) } },
        { rule: { family: 'ip', table: 't', chain: 'c', expr: [tcpDport('@many'), { accept: null }] } },
      ],
    });
    expect(parseNftJson(json).rules[0]!.match.unparsed).toEqual([
      'tcp dport @many (@many = { 1000, 1001, 1002, 1003, 1004, 1005, 1006, 1007, … 3 more })',
    ]);
  });
});

import { describe, expect, it } from 'vitest';
import { parseNftJson } from '../../../src/main/netcore/nft/parse-nft-json';
import { rulesetJson } from './nft-fixture';

// The nft constructs netavark (and firewalld) write, and the map/concatenation forms a newer driver
// may write: each is read without throwing; what the model cannot hold stays in `unparsed` (so the
// rule is never taken as matching), never as a wrong condition.
const pay = (protocol: string, field: string) => ({ payload: { protocol, field } });
const match = (left: unknown, right: unknown, op = '==') => ({ match: { op, left, right } });
const ruleOf = (expr: unknown[]) => parseNftJson(rulesetJson(expr, { family: 'inet', table: 'netavark' })).rules[0]!;
const pair = { concat: [pay('ip', 'daddr'), pay('tcp', 'dport')] };

describe('parseNftJson on netavark-style constructs', () => {
  it('a verdict map keyed by a concatenation is a VMAP that decides only for its keys', () => {
    const rule = ruleOf([{ vmap: { key: pair, data: { set: [[{ concat: ['10.0.0.1', 80] }, { jump: { target: 'c2' } }]] } } }]);
    expect(rule).toMatchObject({ target: 'VMAP', targetArgs: '{ 10.0.0.1 . 80 : jump c2 }', match: { destination: null, dport: null } });
    expect(rule.match.unparsed).toEqual(['ip daddr . tcp dport vmap { 10.0.0.1 . 80 : jump c2 }']);
  });

  it('a DNAT through a map has no single destination and keeps the lookup as a condition', () => {
    const rule = ruleOf([{ dnat: { family: 'ip', addr: { map: { key: pair, data: { set: [[{ concat: ['10.0.0.1', 80] }, { concat: ['10.88.0.2', 8080] }]] } } } } }]);
    expect(rule).toMatchObject({ target: 'DNAT', toDestination: null });
    expect(rule.match.unparsed).toEqual(['dnat ip to ip daddr . tcp dport map { 10.0.0.1 . 80 : 10.88.0.2 . 8080 }']);
  });

  it('named sets, concatenated matches and ct status stay text', () => {
    expect(ruleOf([match(pay('ip', 'saddr'), '@allowed'), { accept: null }]).match).toMatchObject({ source: null, unparsed: ['ip saddr @allowed'] });
    expect(ruleOf([match(pair, '@pairs', 'in'), { accept: null }]).match.unparsed).toEqual(['ip daddr . tcp dport @pairs']);
    expect(ruleOf([match({ ct: { key: 'status' } }, 'dnat', 'in'), { accept: null }]).match.unparsed).toEqual(['ct status dnat']);
  });

  it('reads gotos as jumps, meta l4proto with th dport, fib local and port sets', () => {
    expect(ruleOf([match(pay('tcp', 'dport'), 9090), { goto: { target: 'nv_x' } }])).toMatchObject({ target: 'nv_x', match: { protocol: 'tcp', dport: '9090', unparsed: [] } });
    expect(ruleOf([match({ meta: { key: 'l4proto' } }, 'udp'), match(pay('th', 'dport'), 53), { accept: null }]).match).toMatchObject({ protocol: 'udp', dport: '53', unparsed: [] });
    expect(ruleOf([match({ fib: { result: 'type', flags: ['daddr'] } }, 'local'), { jump: { target: 'X' } }]).match.dstType).toBe('LOCAL');
    expect(ruleOf([match(pay('tcp', 'dport'), { set: [80, 443] }), { accept: null }]).match.dport).toBe('80,443');
  });

  it('reads newer netavark\'s connection mark: set with the DNAT, tested in FORWARD', () => {
    const dnat = ruleOf([
      match(pay('tcp', 'dport'), 9090),
      { mangle: { key: { ct: { key: 'mark' } }, value: { '|': [{ meta: { key: 'mark' } }, 4096] } } },
      { dnat: { family: 'ip', addr: '10.88.0.2', port: 80 } },
    ]);
    expect(dnat).toMatchObject({ target: 'DNAT', toDestination: '10.88.0.2:80', match: { dport: '9090', unparsed: [] } });
    expect(dnat.spec).toBe('tcp dport 9090 ct mark set meta mark | 0x00001000 dnat ip to 10.88.0.2:80');
    const forward = ruleOf([match({ '&': [{ ct: { key: 'mark' } }, 4096] }, 4096), { accept: null }]);
    expect(forward).toMatchObject({ target: 'ACCEPT', match: { mark: null, unparsed: ['ct mark & 0x00001000 == 0x00001000'] } });
  });

  it('an unknown statement is kept, not dropped', () => {
    expect(ruleOf([{ xyzzy: { a: 1 } }, { accept: null }])).toMatchObject({ target: 'ACCEPT', match: { unparsed: ['xyzzy {"a":1}'] } });
  });
});

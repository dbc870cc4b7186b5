// Reading nft expressions from a packet and comparing them with literals, prefixes, ranges, sets and
// concatenations: the pieces the native-table walk is built from.
import { describe, expect, it } from 'vitest';
import { hostFacts } from '../../../src/main/engine/path/host-facts';
import { compare } from '../../../src/main/engine/path/nft/nft-compare';
import { readValue } from '../../../src/main/engine/path/nft/nft-value';
import { indexRuleset } from '../../../src/main/engine/path/rule-index';
import { createRecord, initialState, type WalkEnv } from '../../../src/main/engine/path/walk-state';
import type { NftRuleSource } from '../../../src/main/netcore/rules/parsed-rule';
import { link } from './path-host';

function envFor(protocol: 'tcp' | 'udp', inInterface: string | null, outInterface: string | null = null): WalkEnv {
  const facts = hostFacts([link('lo', 'loopback', ['127.0.0.1/8']), link('eth0', 'physical', ['198.51.100.1/24'])], []);
  const packet = { protocol, source: '198.51.100.2', destination: '198.51.100.1', port: 8080 };
  return { index: indexRuleset({ chains: [], rules: [] }), facts, state: initialState(packet, inInterface, outInterface), record: createRecord() };
}

const source = (sets: NftRuleSource['sets'] = {}): NftRuleSource => ({ statements: [], sets });
const fits = (env: WalkEnv, left: unknown, right: unknown, op = '==', sets?: NftRuleSource['sets']) => compare(op, readValue(env, left), right, source(sets));

const daddr = { payload: { protocol: 'ip', field: 'daddr' } };
const tcpDport = { payload: { protocol: 'tcp', field: 'dport' } };

describe('nft matches on a TCP packet from the LAN to 198.51.100.1:8080', () => {
  const env = envFor('tcp', 'eth0');

  it('addresses against literals, prefixes, ranges and negation', () => {
    expect(fits(env, daddr, '198.51.100.1')).toBe(true);
    expect(fits(env, daddr, { prefix: { addr: '198.51.100.0', len: 24 } })).toBe(true);
    expect(fits(env, daddr, { prefix: { addr: '224.0.0.0', len: 4 } }, '!=')).toBe(true);
    expect(fits(env, daddr, { range: ['198.51.100.2', '198.51.100.9'] })).toBe(false);
  });

  it('ports against numbers, service names, ranges and anonymous sets; a UDP header is absent', () => {
    expect(fits(env, tcpDport, { set: [80, { range: [8000, 8090] }] })).toBe(true);
    expect(fits(env, tcpDport, 'http-alt')).toBe(true);
    expect(fits(env, tcpDport, 8081, '>=')).toBe(false);
    expect(readValue(env, { payload: { protocol: 'udp', field: 'dport' } })).toEqual({ kind: 'absent' });
    expect(readValue(env, { payload: { protocol: 'th', field: 'dport' } })).toEqual({ kind: 'number', value: 8080 });
  });

  it('interfaces with wildcards; no output interface before routing reads as ""', () => {
    expect(fits(env, { meta: { key: 'iifname' } }, 'eth*')).toBe(true);
    expect(fits(env, { meta: { key: 'iifname' } }, 'eth1')).toBe(false);
    expect(fits(env, { meta: { key: 'oifname' } }, 'eth0')).toBe(false);
  });

  it('conntrack state and status of a new connection, fib address types, l4proto by name', () => {
    expect(fits(env, { ct: { key: 'state' } }, ['established', 'related'], 'in')).toBe(false);
    expect(fits(env, { ct: { key: 'state' } }, 'new')).toBe(true);
    expect(fits(env, { ct: { key: 'status' } }, 'dnat', 'in')).toBe(false);
    expect(fits(env, { fib: { result: 'type', flags: ['daddr'] } }, 'local')).toBe(true);
    expect(fits(env, { fib: { result: 'type', flags: ['saddr'] } }, 'local')).toBe(false);
    expect(fits(env, { meta: { key: 'l4proto' } }, { set: ['tcp', 'udp'] })).toBe(true);
  });

  it('masked marks and named sets of concatenations', () => {
    env.state.mark = 0x2001;
    expect(fits(env, { '&': [{ meta: { key: 'mark' } }, 0x2000] }, 0x2000)).toBe(true);
    env.state.mark = 0;
    const sets = { pubs: { type: ['ipv4_addr', 'inet_service'], map: null, flags: [], elem: [{ concat: ['198.51.100.1', 8080] }] } };
    expect(fits(env, { concat: [daddr, tcpDport] }, '@pubs', '==', sets)).toBe(true);
  });

  it('says what it cannot decide', () => {
    expect(readValue(env, { payload: { protocol: 'tcp', field: 'sport' } })).toMatchObject({ kind: 'unknown' });
    expect(readValue(env, { socket: { key: 'transparent' } })).toEqual({ kind: 'unknown', what: 'socket' });
    expect(fits(env, daddr, '@missing')).toBe('the set @missing, which was not listed');
    env.state.mark = null;
    expect(readValue(env, { meta: { key: 'mark' } })).toMatchObject({ kind: 'unknown' });
  });
});

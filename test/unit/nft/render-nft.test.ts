import { describe, expect, it } from 'vitest';
import { renderExpr } from '../../../src/main/netcore/nft/render-nft-expr';
import { renderStatement } from '../../../src/main/netcore/nft/render-nft-statement';

describe('renderStatement: nft syntax of statements the fixtures do not show', () => {
  it.each([
    [{ quota: { val: 25, val_unit: 'mbytes', inv: true } }, 'quota over 25 mbytes'],
    [{ quota: 'q1' }, 'quota name "q1"'],
    [{ limit: { rate: 1, rate_unit: 'mbytes', per: 'second', burst: 64, burst_unit: 'kbytes' } }, 'limit rate 1 mbytes/second burst 64 kbytes'],
    [{ queue: { num: 3, flags: ['bypass'] } }, 'queue num 3 bypass'],
    [{ dup: { addr: '10.0.0.1', dev: 'eth1' } }, 'dup to 10.0.0.1 device "eth1"'],
    [{ fwd: { dev: 'eth1' } }, 'fwd to "eth1"'],
    [{ 'ct helper': 'ftp-standard' }, 'ct helper set "ftp-standard"'],
    [{ set: { op: 'add', elem: { payload: { protocol: 'ip', field: 'saddr' } }, set: '@seen' } }, 'add @seen { ip saddr }'],
    [{ mangle: { key: { ct: { key: 'mark' } }, value: 1 } }, 'ct mark set 0x00000001'],
    [{ flow: { op: 'add', flowtable: '@ft' } }, 'flow add @ft'],
    [{ reject: { type: 'icmp', expr: 'host-unreachable' } }, 'reject with icmp host-unreachable'],
    [{ snat: { family: 'ip', addr: { prefix: { addr: '10.0.0.0', len: 24 } }, type_flags: 'prefix' } }, 'snat ip prefix to 10.0.0.0/24'],
    [{ log: { prefix: 'in: ', group: 2, flags: ['tcp sequence', 'ip options'] } }, 'log prefix "in: " group 2 flags tcp sequence,ip options'],
    [{ meter: { name: 'm', key: { payload: { protocol: 'ip', field: 'saddr' } }, stmt: { limit: { rate: 10, per: 'second' } } } }, 'meter m { ip saddr limit rate 10/second }'],
  ])('%j → %s', (stmt, text) => {
    expect(renderStatement(stmt)).toBe(text);
  });
});

describe('renderExpr: nft syntax of expressions', () => {
  it.each([
    [{ ct: { dir: 'original', key: 'ip saddr' } }, 'ct original ip saddr'],
    [{ payload: { base: 'th', offset: 16, len: 8 } }, '@th,16,8'],
    [{ fib: { result: 'oif', flags: ['saddr', 'iif'] } }, 'fib saddr . iif oif'],
    [{ rt: { key: 'nexthop', family: 'ip' } }, 'rt ip nexthop'],
    [{ numgen: { mode: 'inc', mod: 2 } }, 'numgen inc mod 2'],
    [{ map: { key: { numgen: { mode: 'inc', mod: 2 } }, data: { set: [[0, '10.0.0.1'], [1, '10.0.0.2']] } } }, 'numgen inc mod 2 map { 0 : 10.0.0.1, 1 : 10.0.0.2 }'],
    [{ set: [{ elem: { val: 80, comment: 'web' } }, 443] }, '{ 80, 443 }'],
    [{ 'tcp option': { name: 'maxseg', field: 'size' } }, 'tcp option maxseg size'],
    [{ '&': [{ payload: { protocol: 'tcp', field: 'flags' } }, { '|': ['syn', 'ack'] }] }, 'tcp flags & (syn | ack)'],
    [true, 'exists'],
  ])('%j → %s', (expr, text) => {
    expect(renderExpr(expr)).toBe(text);
  });
});

// The flows operations' arguments: a cursor, and the addresses of interest (which only narrow the reply).
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/main/privileged/contract/operations';
import { MAX_INTEREST_ADDRESSES } from '../../../src/main/privileged/contract/flow-operations';

describe('flows operations contract', () => {
  it('takes a non-negative integer cursor', () => {
    expect(parseArgs('flows.events', { cursor: 0 })).toEqual({ cursor: 0 });
    expect(parseArgs('flows.events', { cursor: 12345 })).toEqual({ cursor: 12345 });
  });

  it.each([{ cursor: -1 }, { cursor: 1.5 }, { cursor: '3' }, {}, { cursor: 0, follow: true }])('refuses %j', (args) => {
    expect(() => parseArgs('flows.events', args)).toThrow(/invalid arguments for flows.events/);
  });

  it('flows.list takes nothing but the addresses of interest', () => {
    expect(parseArgs('flows.list', {})).toEqual({});
    expect(parseArgs('flows.list', { interest: ['172.17.0.2', 'fd00::2'] })).toEqual({ interest: ['172.17.0.2', 'fd00::2'] });
    expect(() => parseArgs('flows.list', { all: true })).toThrow(/invalid arguments for flows.list/);
  });

  it('takes addresses of interest with the cursor, even none', () => {
    expect(parseArgs('flows.events', { cursor: 3, interest: ['172.17.0.2'] })).toEqual({ cursor: 3, interest: ['172.17.0.2'] });
    expect(parseArgs('flows.events', { cursor: 3, interest: [] })).toEqual({ cursor: 3, interest: [] });
  });

  it.each([
    ['a name', { interest: ['w1'] }],
    ['a subnet', { interest: ['172.17.0.0/16'] }],
    ['a padded address', { interest: [' 172.17.0.2'] }],
    ['not a list', { interest: '172.17.0.2' }],
    ['too many', { interest: Array.from({ length: MAX_INTEREST_ADDRESSES + 1 }, (_, i) => `10.${(i >> 16) & 255}.${(i >> 8) & 255}.${i & 255}`) }],
  ])('refuses an interest that is %s', (_, args) => {
    expect(() => parseArgs('flows.events', { cursor: 0, ...args })).toThrow(/invalid arguments for flows.events/);
    expect(() => parseArgs('flows.list', args)).toThrow(/invalid arguments for flows.list/);
  });
});

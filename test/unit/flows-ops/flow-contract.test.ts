// The flows operations' arguments: a cursor and nothing else.
import { describe, expect, it } from 'vitest';
import { parseArgs } from '../../../src/main/privileged/contract/operations';

describe('flows operations contract', () => {
  it('takes a non-negative integer cursor', () => {
    expect(parseArgs('flows.events', { cursor: 0 })).toEqual({ cursor: 0 });
    expect(parseArgs('flows.events', { cursor: 12345 })).toEqual({ cursor: 12345 });
  });

  it.each([{ cursor: -1 }, { cursor: 1.5 }, { cursor: '3' }, {}, { cursor: 0, follow: true }])('refuses %j', (args) => {
    expect(() => parseArgs('flows.events', args)).toThrow(/invalid arguments for flows.events/);
  });

  it('flows.list takes no arguments', () => {
    expect(parseArgs('flows.list', {})).toEqual({});
    expect(() => parseArgs('flows.list', { all: true })).toThrow(/invalid arguments for flows.list/);
  });
});

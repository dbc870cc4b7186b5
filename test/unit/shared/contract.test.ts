import { describe, expect, it } from 'vitest';
import { ContractError, isMethodName, parseCall } from '../../../src/shared/contract';

describe('contract', () => {
  it('knows its methods and nothing else', () => {
    expect(isMethodName('snapshot.get')).toBe(true);
    expect(isMethodName('constructor')).toBe(false);
    expect(isMethodName('__proto__')).toBe(false);
  });

  it('accepts a valid call', () => {
    expect(parseCall('snapshot.get', {})).toEqual({ method: 'snapshot.get', input: {} });
  });

  it('names an unknown method', () => {
    expect(() => parseCall('rm -rf', {})).toThrow(ContractError);
    expect(() => parseCall('rm -rf', {})).toThrow(/unknown method "rm -rf"/);
  });

  it('names the bad field of an input', () => {
    expect(() => parseCall('snapshot.get', { extra: 1 })).toThrow(/invalid input for snapshot.get/);
  });
});

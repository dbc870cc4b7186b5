import { describe, expect, it } from 'vitest';
import { hasSysAdmin } from '../../../src/main/system/privilege';

describe('hasSysAdmin', () => {
  it('is true for root with the full set', () => {
    expect(hasSysAdmin('Name:\tnode\nCapEff:\t000001ffffffffff\n')).toBe(true);
  });
  it('is false for a normal user', () => {
    expect(hasSysAdmin('CapEff:\t0000000000000000\n')).toBe(false);
  });
  it('looks at bit 21 exactly', () => {
    expect(hasSysAdmin('CapEff:\t0000000000200000\n')).toBe(true);
    expect(hasSysAdmin('CapEff:\t00000000001fffff\n')).toBe(false);
  });
  it('is false when the line is missing', () => {
    expect(hasSysAdmin('Name:\tnode\n')).toBe(false);
  });
});

import { describe, expect, it } from 'vitest';
import { foldedCables } from '../../../src/renderer/src/views/topology/folded-cables';

describe('foldedCables', () => {
  it('reads the count of a folded cable, one or many', () => {
    expect(foldedCables({ id: 'fold:a>b', label: '3 cables' })).toEqual({ count: 3 });
    expect(foldedCables({ id: 'fold:a>b', label: '1 cable' })).toEqual({ count: 1 });
  });

  it('leaves every other label as data, even one that reads like a count', () => {
    expect(foldedCables({ id: 'veth:veth1', label: 'veth1 ↔ eth0' })).toBeNull();
    expect(foldedCables({ id: 'attach:x', label: '3 cables' })).toBeNull();
    expect(foldedCables({ id: 'fold:a>b', label: '' })).toBeNull();
  });
});

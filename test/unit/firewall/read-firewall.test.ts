import { describe, expect, it } from 'vitest';
import { holdsRules, variantOf } from '../../../src/main/engine/firewall/read-firewall';

describe('iptables variant and the split-store check', () => {
  it('reads the variant from iptables -V', () => {
    expect(variantOf('iptables v1.8.9 (nf_tables)')).toBe('nft');
    expect(variantOf('iptables v1.8.7 (legacy)')).toBe('legacy');
  });

  it('counts rules, not empty tables or policies', () => {
    expect(holdsRules('*nat\n:PREROUTING ACCEPT [0:0]\nCOMMIT\n')).toBe(false);
    expect(holdsRules('*nat\n:PREROUTING ACCEPT [0:0]\n-A PREROUTING -j X\nCOMMIT\n')).toBe(true);
    expect(holdsRules('*nat\n[1:2] -A PREROUTING -j X\n')).toBe(true);
  });
});

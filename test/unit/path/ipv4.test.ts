import { describe, expect, it } from 'vitest';
import { formatIpv4, inCidr, neighbourIn, parseCidr, parseIpv4 } from '../../../src/main/netcore/addresses/ipv4';

describe('ipv4 helpers', () => {
  it('parses and formats dotted addresses, refusing anything else', () => {
    expect(parseIpv4('172.17.0.2')).toBe(0xac110002);
    expect(formatIpv4(0xac110002)).toBe('172.17.0.2');
    expect(parseIpv4('256.1.1.1')).toBeNull();
    expect(parseIpv4('::1')).toBeNull();
    expect(parseIpv4('10.0.0')).toBeNull();
  });

  it('parses CIDRs with host bits cleared and a bare address as /32', () => {
    expect(parseCidr('172.17.0.1/16')).toEqual({ network: 0xac110000, prefix: 16 });
    expect(parseCidr('10.1.2.3')).toEqual({ network: 0x0a010203, prefix: 32 });
    expect(parseCidr('10.0.0.0/33')).toBeNull();
    expect(parseCidr('10.0.0.0/')).toBeNull();
  });

  it('tells containment, including /0 and /32', () => {
    expect(inCidr('127.0.0.0/8', '127.8.9.10')).toBe(true);
    expect(inCidr('0.0.0.0/0', '8.8.8.8')).toBe(true);
    expect(inCidr('172.17.0.2/32', '172.17.0.3')).toBe(false);
    expect(inCidr('not-a-cidr', '1.2.3.4')).toBe(false);
  });

  it('picks a neighbour in the subnet other than the host itself', () => {
    expect(neighbourIn('192.168.50.10/24')).toBe('192.168.50.1');
    expect(neighbourIn('192.168.50.1/24')).toBe('192.168.50.2');
    expect(neighbourIn('10.0.0.0/31')).toBe('10.0.0.1');
  });
});

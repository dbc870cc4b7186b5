// The doctor's privileged operations accept exactly what their fixes need and nothing else: this
// is the door into root, so every argument is checked before a command or a write.
import { describe, expect, it } from 'vitest';
import { OperationError, parseOperation } from '../../../src/main/privileged/contract/operations';

const refused = (op: string, args: unknown) => expect(() => parseOperation(op, args)).toThrow(OperationError);

describe('sysctl.set', () => {
  it('takes the two allow-listed keys with 0 or 1', () => {
    expect(parseOperation('sysctl.set', { key: 'net.ipv4.ip_forward', value: 1 })).toEqual({ op: 'sysctl.set', args: { key: 'net.ipv4.ip_forward', value: 1 } });
    expect(parseOperation('sysctl.set', { key: 'net.bridge.bridge-nf-call-iptables', value: 0 }).op).toBe('sysctl.set');
  });

  it.each([
    [{ key: 'kernel.core_pattern', value: 1 }],
    [{ key: 'net.ipv4.conf.all.route_localnet', value: 1 }],
    [{ key: '../../../etc/passwd', value: 1 }],
    [{ key: 'net.ipv4.ip_forward', value: 2 }],
    [{ key: 'net.ipv4.ip_forward', value: '1' }],
    [{ key: 'net.ipv4.ip_forward', value: 1.5 }],
    [{ key: 'net.ipv4.ip_forward', value: 1, path: '/proc/sys/kernel/sysrq' }],
    [{ key: 'net.ipv4.ip_forward' }],
    [{}],
    [null],
  ])('refuses %j', (args) => refused('sysctl.set', args));
});

describe('kernel.loadModule', () => {
  it('loads br_netfilter and nothing else', () => {
    expect(parseOperation('kernel.loadModule', { module: 'br_netfilter' }).op).toBe('kernel.loadModule');
    for (const module of ['nf_tables', 'br_netfilter; reboot', '../br_netfilter', '', 7]) refused('kernel.loadModule', { module });
    refused('kernel.loadModule', { module: 'br_netfilter', options: 'x=1' });
  });
});

describe('firewall.applyDoctorRules', () => {
  const valid = { forward: ['docker0', 'br-023249dff2ea'], masquerade: [{ subnet: '172.28.0.0/16', bridge: 'br-023249dff2ea' }] };

  it('takes bridges and networks', () => {
    expect(parseOperation('firewall.applyDoctorRules', valid).args).toEqual(valid);
    expect(parseOperation('firewall.applyDoctorRules', { forward: [], masquerade: [] }).op).toBe('firewall.applyDoctorRules');
  });

  it.each([
    [{ ...valid, forward: ['docker0 -j DROP'] }],
    [{ ...valid, forward: ['a'.repeat(16)] }],
    [{ ...valid, forward: ['-o'] }],
    [{ ...valid, forward: ['docker0\n-F'] }],
    [{ ...valid, masquerade: [{ subnet: '172.28.0.1/16', bridge: 'docker0' }] }],
    [{ ...valid, masquerade: [{ subnet: '0.0.0.0/0 -j ACCEPT', bridge: 'docker0' }] }],
    [{ ...valid, masquerade: [{ subnet: '172.28.0.0/16', bridge: 'docker0', target: 'SNAT' }] }],
    [{ ...valid, chain: 'FORWARD' }],
    [{ ...valid, forward: Array.from({ length: 257 }, (_, i) => `br${i}`) }],
    [{ forward: ['docker0'] }],
  ])('refuses %j', (args) => refused('firewall.applyDoctorRules', args));
});

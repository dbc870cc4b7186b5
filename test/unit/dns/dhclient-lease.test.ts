// The lease ISC dhclient holds now.
import { describe, expect, it } from 'vitest';
import { lastDhclientLease } from '../../../src/main/engine/dns/dhclient-lease';
import { fixture } from './dns-fixtures';

describe('lastDhclientLease', () => {
  it('reads the last lease block of the file', () => {
    expect(lastDhclientLease(fixture('dhclient/dhclient.eth0.leases'))).toEqual({
      interface: 'eth0',
      address: '10.20.0.77',
      server: '10.20.0.2',
      dnsServers: ['10.20.0.53', '10.20.0.54'],
      domain: 'office.example',
      renew: '2026/11/22 10:00:00 UTC',
    });
  });

  it('reads epoch times, and is null for a file without a lease', () => {
    const local = 'lease {\n  interface "wlan0";\n  option domain-name-servers 192.168.8.1;\n  renew epoch 1795341600; # Sun Nov 22 10:00:00 2026\n}\n';
    expect(lastDhclientLease(local)).toMatchObject({ interface: 'wlan0', dnsServers: ['192.168.8.1'], renew: '2026-11-22T10:00:00.000Z', address: null, server: null });
    expect(lastDhclientLease('default-duid "\\000\\001";\nlease6 {\n  interface "eth0";\n  ia-na 1a:2b {\n    iaaddr 2001:db8::5 {}\n  }\n}\n')).toBeNull();
    expect(lastDhclientLease('')).toBeNull();
  });
});

// Docker's copy of the host's DNS: as settings, and byte for byte as Docker 20.10 hashed it.
import { describe, expect, it } from 'vitest';
import { containerCopyOfHost, docker20CustomText, docker20HostCopyText, dockerContentHash } from '../../../src/main/engine/dns/docker-copy';
import { CAPTURE_HOST_TEXT, docker20Resolv } from './dns-fixtures';

describe('containerCopyOfHost', () => {
  const host = { nameservers: ['127.0.0.53', '10.0.0.1', '::1', '2001:db8::53', '127.1.2.3'], search: ['lab'], options: ['edns0'] };

  it('drops loopback servers, and IPv6 ones unless the container has IPv6', () => {
    expect(containerCopyOfHost(host, { ipv6: false })).toEqual({ nameservers: ['10.0.0.1'], search: ['lab'], options: ['edns0'] });
    expect(containerCopyOfHost(host, { ipv6: true }).nameservers).toEqual(['10.0.0.1', '2001:db8::53']);
  });

  it('falls back to Google’s servers when none is left', () => {
    const local = { nameservers: ['127.0.0.53'], search: [], options: ['trust-ad'] };
    expect(containerCopyOfHost(local, { ipv6: false })).toEqual({ nameservers: ['8.8.8.8', '8.8.4.4'], search: [], options: ['trust-ad'] });
    expect(containerCopyOfHost(local, { ipv6: true }).nameservers).toEqual(['8.8.8.8', '8.8.4.4', '2001:4860:4860::8888', '2001:4860:4860::8844']);
  });
});

describe('docker20HostCopyText', () => {
  it('reproduces the hash Docker 20.10 wrote for the capture’s containers', () => {
    const hash = dockerContentHash(docker20HostCopyText(CAPTURE_HOST_TEXT, false));
    expect(hash).toBe('sha256:b28bb20664856e4e8dcd7776224848fbbf4ed5c7a005f13447fcd3dd347dbb8a');
    // u1 is on a user-defined network: its file says 127.0.0.11, its hash is of the host copy.
    expect(docker20Resolv('u1').text).toBe('nameserver 127.0.0.11\noptions ndots:0\n');
    expect(docker20Resolv('u1').hash).toBe(hash);
    expect(docker20Resolv('d1').hash).toBe(hash);
    expect(docker20Resolv('n1').hash).toBe(hash);
  });

  it('reproduces the hash of a --dns-option container (o1)', () => {
    const o1 = docker20Resolv('o1');
    const text = docker20CustomText(docker20HostCopyText(CAPTURE_HOST_TEXT, false), { search: [], options: ['ndots:3'] });
    expect(text).toBe(o1.text);
    expect(dockerContentHash(text)).toBe(o1.hash);
  });

  it('removes loopback lines with the whitespace after them, as libnetwork’s regexp does', () => {
    expect(docker20HostCopyText('nameserver 127.0.0.53\n\n  options edns0\nnameserver 10.0.0.1\n', false)).toBe('options edns0\nnameserver 10.0.0.1\n');
    expect(docker20HostCopyText('search lab\nnameserver ::1\nnameserver 2001:db8::1\nnameserver 10.0.0.1\n', false)).toBe('search lab\nnameserver 10.0.0.1\n');
    expect(docker20HostCopyText('nameserver 2001:db8::1\nnameserver 10.0.0.1\n', true)).toBe('nameserver 2001:db8::1\nnameserver 10.0.0.1\n');
  });

  it('appends the fallback servers without a final newline', () => {
    expect(docker20HostCopyText('nameserver 127.0.0.53\noptions edns0\n', false)).toBe('options edns0\n\nnameserver 8.8.8.8\nnameserver 8.8.4.4');
    expect(docker20HostCopyText('# nameserver 10.0.0.1\n', true)).toBe(
      '# nameserver 10.0.0.1\n\nnameserver 8.8.8.8\nnameserver 8.8.4.4\nnameserver 2001:4860:4860::8888\nnameserver 2001:4860:4860::8844',
    );
  });
});

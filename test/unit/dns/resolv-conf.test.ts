// resolv.conf as glibc reads it, Docker's ExtServers comment, and back to text.
import { describe, expect, it } from 'vitest';
import { parseResolvConf, renderResolvConf } from '../../../src/main/netcore/resolv-conf/resolv-conf';
import { fixture } from './dns-fixtures';

describe('parseResolvConf', () => {
  it('keeps nameservers in order and accumulates options', () => {
    const parsed = parseResolvConf('# a comment\n; another\nnameserver 10.0.0.1\noptions ndots:2\nnameserver 10.0.0.2 # trailing\noptions edns0  timeout:1\n');
    expect(parsed).toEqual({ nameservers: ['10.0.0.1', '10.0.0.2'], search: [], options: ['ndots:2', 'edns0', 'timeout:1'], extServers: null });
  });

  it('lets the last search or domain line win, domain naming one domain', () => {
    expect(parseResolvConf('search a.example b.example\ndomain c.example\n').search).toEqual(['c.example']);
    expect(parseResolvConf('domain c.example\nsearch a.example b.example\n').search).toEqual(['a.example', 'b.example']);
    expect(parseResolvConf('search a.example\nsearch b.example\n').search).toEqual(['b.example']);
  });

  it('ignores keywords that do not start the line, and CRLF endings', () => {
    expect(parseResolvConf('  nameserver 1.1.1.1\r\nnameserver 8.8.8.8\r\n').nameservers).toEqual(['8.8.8.8']);
  });

  it('reads the servers of Docker 26 from its ExtServers comment', () => {
    const parsed = parseResolvConf(fixture('docker26/embedded.resolv.conf'));
    expect(parsed.nameservers).toEqual(['127.0.0.11']);
    expect(parsed.options).toEqual(['ndots:0']);
    expect(parsed.extServers).toEqual([{ ip: '192.168.65.7', fromHost: true }]);
    expect(parseResolvConf('nameserver 127.0.0.11\n# ExtServers: [10.0.0.2 host(1.1.1.1) fd00::1]\n').extServers).toEqual([
      { ip: '10.0.0.2', fromHost: false },
      { ip: '1.1.1.1', fromHost: true },
      { ip: 'fd00::1', fromHost: false },
    ]);
  });
});

describe('renderResolvConf', () => {
  it('writes the header as comments, then search, nameservers and options', () => {
    const text = renderResolvConf({ nameservers: ['9.9.9.9', '2620:fe::fe'], search: ['ex.org', 'lab'], options: ['ndots:3', 'edns0'] }, ['Written by a test.', '']);
    expect(text).toBe('# Written by a test.\n#\nsearch ex.org lab\nnameserver 9.9.9.9\nnameserver 2620:fe::fe\noptions ndots:3 edns0\n');
  });

  it('leaves out empty parts', () => {
    expect(renderResolvConf({ nameservers: ['10.255.255.53'], search: [], options: [] })).toBe('nameserver 10.255.255.53\n');
  });

  it('round-trips', () => {
    for (const settings of [
      { nameservers: ['10.0.0.1', '10.0.0.2'], search: ['a.example'], options: ['ndots:1'] },
      { nameservers: [], search: [], options: ['rotate'] },
      { nameservers: ['fe80::1%eth0'], search: ['x', 'y', 'z'], options: [] },
    ]) {
      expect(parseResolvConf(renderResolvConf(settings, ['header']))).toEqual({ ...settings, extServers: null });
    }
  });
});

import { describe, expect, it } from 'vitest';
import { parseHelperArgs } from '../../../src/main/privileged/helper/helper-args';

const SOCKET = '/run/user/1000/bridgeport/helper-abc123.sock';
const base = ['--socket', SOCKET, '--owner-uid', '1000', '--parent-pid', '4242'];
const parse = (argv: string[], env: Record<string, string> = {}) => () => parseHelperArgs(argv, env);

describe('parseHelperArgs', () => {
  it('accepts the launcher’s arguments, in any order, and --serve', () => {
    expect(parseHelperArgs(base, { PKEXEC_UID: '1000' })).toEqual({ socketPath: SOCKET, ownerUid: 1000, parentPid: 4242, socketDirRoot: '/run/user', serve: false });
    expect(parseHelperArgs(['--serve', '--parent-pid', '4242', '--owner-uid', '1000', '--socket', SOCKET], {}).serve).toBe(true);
  });

  it('needs every argument once and knows no others', () => {
    expect(parse(base.slice(2))).toThrow(/--socket is missing/);
    expect(parse(base.slice(0, 4))).toThrow(/--parent-pid is missing/);
    expect(parse([...base, '--owner-uid', '1000'])).toThrow(/--owner-uid is given twice/);
    expect(parse([...base, '--serve', '--serve'])).toThrow(/--serve is given twice/);
    expect(parse([...base, '--socket'])).toThrow(/--socket is given twice|needs a value/);
    expect(parse([...base.slice(0, 5)])).toThrow(/--parent-pid needs a value/);
    expect(parse([...base, '--verbose'])).toThrow(/unknown argument "--verbose"/);
    expect(parse([...base, '--socket=/x'])).toThrow(/unknown argument/);
    expect(parse([...base, 'extra'])).toThrow(/unknown argument "extra"/);
  });

  it('takes uids and pids as plain decimal numbers in range', () => {
    for (const uid of ['0', '-1', '01000', '1e3', '0x3e8', ' 1000', '1000 ', '1.0', '', '4294967295', '99999999999']) {
      expect(parse(['--socket', SOCKET, '--owner-uid', uid, '--parent-pid', '4242'])).toThrow(/--owner-uid must be a whole number/);
    }
    for (const pid of ['0', '1', '-5', '4194305', 'self', '42a']) {
      expect(parse([...base.slice(0, 4), '--parent-pid', pid])).toThrow(/--parent-pid must be a whole number/);
    }
  });

  it('puts the socket only in <root>/<owner uid>/bridgeport, with a plain name', () => {
    const bad = [
      'run/user/1000/bridgeport/h.sock', // relative
      '/run/user/1001/bridgeport/h.sock', // someone else's directory
      '/run/user/1000/h.sock',
      '/run/user/1000/bridgeport/sub/h.sock',
      '/run/user/1000/bridgeport/../bridgeport/h.sock',
      '/run/user/1000//bridgeport/h.sock',
      '/run/user/1000/bridgeport/./h.sock',
      '/run/user/1000/bridgeport/h.txt',
      '/run/user/1000/bridgeport/.sock',
      '/run/user/1000/bridgeport/h;reboot.sock',
      '/run/user/1000/bridgeport/h $(id).sock',
      "/run/user/1000/bridgeport/h'.sock",
      '/run/user/1000/bridgeport/h\n.sock',
      '/etc/shadow',
      `/run/user/1000/bridgeport/${'a'.repeat(65)}.sock`,
    ];
    for (const socket of bad) expect(parse(['--socket', socket, ...base.slice(2)]), socket).toThrow(/--socket must be/);
  });

  it('hands the socket only to the user pkexec or sudo says asked for it', () => {
    expect(parse(base, { PKEXEC_UID: '1001' })).toThrow(/not the user who asked for the helper \(PKEXEC_UID=1001\)/);
    expect(parse(base, { SUDO_UID: '0' })).toThrow(/SUDO_UID=0/);
    expect(parseHelperArgs(base, { SUDO_UID: '1000' }).ownerUid).toBe(1000);
  });

  it('moves the socket root only for tests run by root directly, never through pkexec or sudo', () => {
    const argv = ['--socket', '/tmp/bp-test.X1/1000/bridgeport/h.sock', '--owner-uid', '1000', '--parent-pid', '4242', '--socket-dir-root', '/tmp/bp-test.X1'];
    expect(parseHelperArgs(argv, {}).socketDirRoot).toBe('/tmp/bp-test.X1');
    expect(parse(argv, { PKEXEC_UID: '1000' })).toThrow(/--socket-dir-root is for tests run by root directly/);
    expect(parse(argv, { SUDO_UID: '1000' })).toThrow(/--socket-dir-root is for tests/);
    // With the default root, that socket is refused.
    expect(parse(argv.slice(0, 6))).toThrow(/--socket must be \/run\/user\/1000\/bridgeport/);
    for (const root of ['/', 'tmp/x', '/tmp/x/', '/tmp/../etc', '/tmp/a b', '/tmp/$x']) {
      expect(parse([...argv.slice(0, 7), root]), root).toThrow(/--socket-dir-root/);
    }
  });

  it('refuses a socket path too long for a unix socket address', () => {
    const root = `/tmp/${'r'.repeat(60)}`;
    const socket = `${root}/1000/bridgeport/${'s'.repeat(30)}.sock`;
    expect(parse(['--socket', socket, '--owner-uid', '1000', '--parent-pid', '4242', '--socket-dir-root', root])).toThrow(/longer than 107 bytes/);
  });
});

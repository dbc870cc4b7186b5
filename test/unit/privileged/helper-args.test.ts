import { describe, expect, it } from 'vitest';
import { parseHelperArgs } from '../../../src/main/privileged/helper/helper-args';

const parse = (argv: string[], env: Record<string, string> = {}) => () => parseHelperArgs(argv, env);

describe('parseHelperArgs', () => {
  it('takes --stdio and --for-uid, in any order', () => {
    expect(parseHelperArgs(['--stdio', '--for-uid', '1000'], { PKEXEC_UID: '1000' })).toEqual({ forUid: 1000 });
    expect(parseHelperArgs(['--for-uid', '1000', '--stdio'], {})).toEqual({ forUid: 1000 });
  });

  it('needs both, once each, and knows no other argument', () => {
    expect(parse(['--for-uid', '1000'])).toThrow(/--stdio is missing/);
    expect(parse(['--stdio'])).toThrow(/--for-uid is missing/);
    expect(parse([])).toThrow(/--stdio is missing/);
    expect(parse(['--stdio', '--for-uid'])).toThrow(/--for-uid needs a value/);
    expect(parse(['--stdio', '--stdio', '--for-uid', '1000'])).toThrow(/--stdio is given twice/);
    expect(parse(['--stdio', '--for-uid', '1000', '--for-uid', '1000'])).toThrow(/--for-uid is given twice/);
    // The old socket arguments are gone: nothing may steer a root process to a path.
    expect(parse(['--stdio', '--for-uid', '1000', '--socket', '/run/user/1000/x.sock'])).toThrow(/unknown argument "--socket"/);
    expect(parse(['--stdio', '--for-uid=1000'])).toThrow(/unknown argument "--for-uid=1000"/);
    expect(parse(['--stdio', '--for-uid', '1000', 'extra'])).toThrow(/unknown argument "extra"/);
  });

  it('takes the uid as a plain decimal number, not root', () => {
    for (const uid of ['0', '-1', '01000', '1e3', '0x3e8', ' 1000', '1000 ', '1.0', '', '4294967295', '99999999999', 'me']) {
      expect(parse(['--stdio', '--for-uid', uid]), uid).toThrow(/--for-uid must be a whole number from 1 to 4294967294/);
    }
  });

  it('serves only the user pkexec or sudo says asked for it', () => {
    expect(parse(['--stdio', '--for-uid', '1000'], { PKEXEC_UID: '1001' })).toThrow(/not the user who asked for the helper \(PKEXEC_UID=1001\)/);
    expect(parse(['--stdio', '--for-uid', '1000'], { SUDO_UID: '0' })).toThrow(/SUDO_UID=0/);
    expect(parseHelperArgs(['--stdio', '--for-uid', '1000'], { SUDO_UID: '1000' }).forUid).toBe(1000);
  });
});

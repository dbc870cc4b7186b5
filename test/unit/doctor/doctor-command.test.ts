// The human output of `bridgeport doctor`: a mark per check, the detail, the fix as a command.
import { describe, expect, it } from 'vitest';
import { checkForJson, formatCheck, formatReport } from '../../../src/main/cli/doctor-command';
import type { DoctorCheck } from '../../../src/shared/doctor-model';

const failing: DoctorCheck = {
  id: 'ip-forward',
  title: 'IPv4 forwarding (net.ipv4.ip_forward)',
  status: 'fail',
  detail: 'IPv4 forwarding is off.',
  lookedAt: ['net.ipv4.ip_forward = 0'],
  fix: { id: 'ip-forward', label: 'Set net.ipv4.ip_forward=1 now (until reboot)' },
};

describe('doctor output', () => {
  it('prints a mark, the title and id, the detail and the fix command', () => {
    expect(formatCheck(failing)).toBe(
      ['✗ IPv4 forwarding (net.ipv4.ip_forward) [ip-forward]', '    IPv4 forwarding is off.', '    fix: bridgeport doctor --fix ip-forward  (Set net.ipv4.ip_forward=1 now (until reboot))'].join('\n'),
    );
  });

  it('lists what was looked at only when asked, and sums up', () => {
    expect(formatCheck(failing, true)).toContain('    looked at: net.ipv4.ip_forward = 0');
    const ok: DoctorCheck = { id: 'dns', title: 'DNS', status: 'ok', detail: 'fine', lookedAt: [] };
    const warn: DoctorCheck = { ...ok, id: 'docker-proxy', status: 'warn' };
    const text = formatReport({ checks: [failing, ok, warn] });
    expect(text.split('\n').filter((l) => /^[✓!✗] /.test(l))).toEqual(['✗ IPv4 forwarding (net.ipv4.ip_forward) [ip-forward]', '✓ DNS [dns]', '! DNS [docker-proxy]']);
    expect(text.split('\n').at(-1)).toBe('1 failed, 1 to look at, 1 ok');
  });

  it('prints --json without the catalogue keys the window uses, the English texts unchanged', () => {
    const withKeys: DoctorCheck = {
      ...failing,
      titleMessage: { key: 'engine-doctor:title.ip-forward', params: {} },
      detailMessage: { key: 'engine-doctor:ipForward.offOther', params: { value: '0' } },
      lookedAtMessages: [{ key: 'engine-doctor:ipForward.lookedAt.value', params: { value: '0' } }],
      fix: { ...failing.fix!, labelMessage: { key: 'engine-doctor:ipForward.fix', params: {} } },
    };
    expect(checkForJson(withKeys)).toEqual(failing);
  });
});

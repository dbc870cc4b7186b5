import { describe, expect, it } from 'vitest';
import { englishT } from './i18n/english';
import type { DoctorCheck } from '../../../src/shared/doctor-model';
import { summary, withCheck, worst } from '../../../src/renderer/src/views/doctor/doctor-report';

const check = (id: string, status: DoctorCheck['status'], patch: Partial<DoctorCheck> = {}): DoctorCheck => ({
  id,
  title: id,
  status,
  detail: `${id} is ${status}`,
  lookedAt: [],
  ...patch,
});

describe('the doctor report', () => {
  it('sums up, worst first', () => {
    expect(summary({ checks: [check('a', 'ok'), check('b', 'fail'), check('c', 'warn'), check('d', 'warn')] }, englishT)).toBe('1 fail · 2 warn · 1 ok');
    expect(summary({ checks: [check('a', 'ok'), check('b', 'ok')] }, englishT)).toBe('All 2 checks ok');
    expect(summary({ checks: [check('a', 'ok')] }, englishT)).toBe('The check is ok');
    expect(summary({ checks: [] }, englishT)).toBe('No checks ran');
    expect(worst({ checks: [check('a', 'ok'), check('c', 'warn')] })).toBe('warn');
    expect(worst({ checks: [] })).toBe('ok');
  });

  it('puts the check after a fix in place of the one before, in the same order', () => {
    const before = {
      checks: [check('ip-forward', 'fail', { fix: { id: 'ip-forward', label: 'Turn on forwarding' } }), check('dns', 'ok')],
    };
    const after = withCheck(before, check('ip-forward', 'ok'));
    expect(after.checks.map((c) => `${c.id}:${c.status}`)).toEqual(['ip-forward:ok', 'dns:ok']);
    expect(after.checks[0]!.fix).toBeUndefined();
    expect(before.checks[0]!.status).toBe('fail');
    expect(withCheck(before, check('new', 'warn')).checks.map((c) => c.id)).toEqual(['ip-forward', 'dns', 'new']);
  });
});

// The doctor's report in the view's words: colours per verdict, a one-line summary, and the
// report with one check replaced by what it says after a fix. Pure.
import type { DoctorCheck, DoctorReport } from '../../../../shared/doctor-model';

export const statusColor: Record<DoctorCheck['status'], string> = { ok: 'teal', warn: 'yellow', fail: 'red' };

const order: DoctorCheck['status'][] = ['fail', 'warn', 'ok'];

/** "1 fail · 2 warn · 8 ok", or "All 9 checks ok". */
export function summary(report: DoctorReport): string {
  const count = (status: DoctorCheck['status']) => report.checks.filter((c) => c.status === status).length;
  if (report.checks.length === 0) return 'No checks ran';
  if (count('ok') === report.checks.length) return report.checks.length === 1 ? 'The check is ok' : `All ${report.checks.length} checks ok`;
  return order
    .filter((s) => count(s) > 0)
    .map((s) => `${count(s)} ${s}`)
    .join(' · ');
}

/** The worst verdict of the report (what the summary is coloured by). */
export function worst(report: DoctorReport): DoctorCheck['status'] {
  return order.find((s) => report.checks.some((c) => c.status === s)) ?? 'ok';
}

/** The report with `check` in place of the one with its id (appended when it is new). */
export function withCheck(report: DoctorReport, check: DoctorCheck): DoctorReport {
  const known = report.checks.some((c) => c.id === check.id);
  return { checks: known ? report.checks.map((c) => (c.id === check.id ? check : c)) : [...report.checks, check] };
}

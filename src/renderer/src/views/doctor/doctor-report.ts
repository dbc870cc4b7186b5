// The doctor's report in the view's words: colours per verdict, a one-line summary, and the
// report with one check replaced by what it says after a fix. Pure.
import type { TFunction } from 'i18next';
import type { DoctorCheck, DoctorReport } from '../../../../shared/doctor-model';

/** A translation function (react-i18next's `t`), passed in so this file stays pure. */
export type Say = TFunction<string>;

export const statusColor: Record<DoctorCheck['status'], string> = { ok: 'teal', warn: 'yellow', fail: 'red' };

const order: DoctorCheck['status'][] = ['fail', 'warn', 'ok'];

/** "1 fail · 2 warn · 8 ok", or "All 9 checks ok". */
export function summary(report: DoctorReport, t: Say): string {
  const count = (status: DoctorCheck['status']) => report.checks.filter((c) => c.status === status).length;
  if (report.checks.length === 0) return t('doctor:summary.none');
  if (count('ok') === report.checks.length) return report.checks.length === 1 ? t('doctor:summary.oneOk') : t('doctor:summary.allOk', { count: report.checks.length });
  return order
    .filter((s) => count(s) > 0)
    .map((s) => t(`doctor:summary.${s}`, { count: count(s) }))
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

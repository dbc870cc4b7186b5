// `bridgeport doctor [--json] [--verbose] [--fix ID]`: the doctor's checks as lines with ✓ ! ✗,
// and one fix applied with the check printed as it stands after.
import type { Command } from 'commander';
import type { DoctorCheck, DoctorReport } from '../../shared/doctor-model';
import { cliEngine } from './cli-engine';

const MARK: Record<DoctorCheck['status'], string> = { ok: '✓', warn: '!', fail: '✗' };

export function formatCheck(check: DoctorCheck, verbose = false): string {
  const lines = [`${MARK[check.status]} ${check.title} [${check.id}]`, `    ${check.detail}`];
  if (verbose) lines.push(...check.lookedAt.map((what) => `    looked at: ${what}`));
  if (check.fix) lines.push(`    fix: bridgeport doctor --fix ${check.fix.id}  (${check.fix.label})`);
  return lines.join('\n');
}

export function formatReport(report: DoctorReport, verbose = false): string {
  const count = (status: DoctorCheck['status']) => report.checks.filter((c) => c.status === status).length;
  const summary = `${count('fail')} failed, ${count('warn')} to look at, ${count('ok')} ok`;
  return [...report.checks.map((c) => formatCheck(c, verbose)), summary].join('\n');
}

/** A check as --json prints it: the English texts, without the window's catalogue keys. */
export function checkForJson({ titleMessage: _title, detailMessage: _detail, lookedAtMessages: _lookedAt, ...check }: DoctorCheck): DoctorCheck {
  if (!check.fix) return check;
  const { labelMessage: _label, ...fix } = check.fix;
  return { ...check, fix };
}

export async function doctorCommand(options: { json?: boolean; verbose?: boolean; fix?: string }): Promise<void> {
  const engine = cliEngine();
  if (options.fix === undefined) {
    const report = await engine.call('doctor.run', {});
    process.stdout.write(options.json ? `${JSON.stringify({ checks: report.checks.map(checkForJson) }, null, 2)}\n` : `${formatReport(report, options.verbose)}\n`);
    return;
  }
  const check = await engine.call('doctor.fix', { id: options.fix });
  process.stdout.write(options.json ? `${JSON.stringify(checkForJson(check), null, 2)}\n` : `${formatCheck(check, options.verbose)}\n`);
  if (check.status !== 'ok') throw new Error(`the ${check.id} check still ${check.status === 'fail' ? 'fails' : 'warns'} after the fix`);
}

export function registerDoctorCommand(program: Command): void {
  program
    .command('doctor')
    .description("check why containers can't reach the internet (forwarding, FORWARD, MASQUERADE, iptables, proxies, subnets, DNS)")
    .option('--json', 'print JSON for scripts')
    .option('-v, --verbose', 'also list what each check looked at')
    .option('--fix <id>', 'apply one safe fix (ip-forward, forward-accept, masquerade, br-netfilter) and print the check after it')
    .action(doctorCommand);
}

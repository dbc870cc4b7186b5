// The doctor: runs the checks on freshly gathered facts, and applies one safe fix through the
// privileged executor, then checks again. The engine's doctor.run and doctor.fix.
import type { EngineSet } from '../engines/engine-set';
import type { DoctorCheck, DoctorReport } from '../../../shared/doctor-model';
import type { PrivilegedExecutor } from '../../privileged/contract/operations';
import type { FirewallReader } from '../firewall/read-firewall';
import { doctorContext } from './doctor-context';
import type { DoctorFacts } from './doctor-facts';
import { doctorPaths, type DoctorPaths } from './doctor-paths';
import { gatherFacts } from './gather-facts';
import { planFix } from './plan-fix';
import { DoctorRefused, resolveFixId, runCheck, runChecks } from './run-checks';

export interface DoctorDeps {
  engines: EngineSet;
  executor: () => Promise<PrivilegedExecutor>;
  /** The engine's one firewall reader (through the privileged executor when it is at hand). */
  firewall: FirewallReader;
  paths?: DoctorPaths;
}

export class Doctor {
  private readonly firewall: FirewallReader;
  private readonly paths: DoctorPaths;

  constructor(private readonly deps: DoctorDeps) {
    this.firewall = deps.firewall;
    this.paths = deps.paths ?? doctorPaths();
  }

  private gather(): Promise<DoctorFacts> {
    return gatherFacts({ engines: this.deps.engines, firewall: this.firewall, paths: this.paths });
  }

  async run(): Promise<DoctorReport> {
    return { checks: runChecks(await this.gather()) };
  }

  /**
   * Applies the fix (by its id, or by the id of the check it belongs to) and returns that check as
   * it stands after. A check that is already ok is returned as is; a check that offers no such fix
   * now (it failed for a reason no safe fix covers) is refused with its detail.
   */
  async fix(id: string): Promise<DoctorCheck> {
    const { fixId, checkId } = resolveFixId(id);
    const facts = await this.gather();
    const before = runCheck(checkId, facts);
    if (before.status === 'ok') return before;
    if (before.fix?.id !== fixId) throw new DoctorRefused(`${fixId} is not offered for the ${checkId} check now (no safe fix covers what it found): ${before.detail}`);
    const executor = await this.deps.executor();
    for (const { op, args } of planFix(fixId, doctorContext(facts))) await executor.run(op, args);
    return runCheck(checkId, await this.gather());
  }
}

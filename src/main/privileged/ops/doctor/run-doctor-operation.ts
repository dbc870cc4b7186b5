// Runs the doctor's fix operations. I/O; the rules come from the pure planner, and every change is
// read back: a sysctl that did not take, or a batch that left something to do, is an error.
import { readFile, writeFile } from 'node:fs/promises';
import { planDoctorBatch } from '../../../netcore/rulesets/plan-doctor-batch';
import { runCommand } from '../../../system/run-command';
import { OperationError, type OperationArgs, type OperationHandlers } from '../../contract/operations';
import { applyAndVerify } from '../../firewall/apply-and-verify';
import { SYSCTL_PATHS, type DoctorOperationResults } from '../../contract/doctor-operations';
import { checkDoctorRules } from '../../meaning/check-doctor-rules';

export type DoctorOperationName = keyof DoctorOperationResults;

async function setSysctl(args: OperationArgs<'sysctl.set'>): Promise<DoctorOperationResults['sysctl.set']> {
  const path = SYSCTL_PATHS[args.key];
  // The fixes only ever switch these on; switching them off is not a fix Bridgeport offers.
  if (args.value !== 1) throw new OperationError(`${args.key}=${args.value}: Bridgeport's fixes only set it to 1; refused`, 'refused');
  let previous: string;
  try {
    previous = (await readFile(path, 'utf8')).trim();
  } catch {
    throw new OperationError(`${args.key} does not exist here (${path})`, 'refused');
  }
  if (previous !== String(args.value)) await writeFile(path, `${args.value}\n`);
  const value = (await readFile(path, 'utf8')).trim();
  if (value !== String(args.value)) throw new OperationError(`${args.key} is still ${value} after writing ${args.value}`);
  return { key: args.key, previous, value };
}

async function loadModule(args: OperationArgs<'kernel.loadModule'>): Promise<DoctorOperationResults['kernel.loadModule']> {
  await runCommand(['modprobe', args.module]);
  return { module: args.module };
}

async function applyDoctorRules(args: OperationArgs<'firewall.applyDoctorRules'>): Promise<DoctorOperationResults['firewall.applyDoctorRules']> {
  await checkDoctorRules(args);
  const outcome = await applyAndVerify({
    plan: (current) => planDoctorBatch(args, current),
    failure: (left) => `the doctor's rules did not take effect; still to apply:\n${left}`,
  });
  return { changed: outcome.applied !== null };
}

export const doctorHandlers = {
  'sysctl.set': setSysctl,
  'kernel.loadModule': loadModule,
  'firewall.applyDoctorRules': applyDoctorRules,
} satisfies OperationHandlers<DoctorOperationName>;

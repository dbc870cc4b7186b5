// The one loop every change to Bridgeport's own chains goes through: read the rule set, plan, apply
// the batch atomically, read again, and the plan must then be empty. I/O; the policy is the planner's.
import { parseIptablesSave } from '../../netcore/iptables/parse-iptables-save';
import type { ParsedRuleset } from '../../netcore/rules/parsed-rule';
import { runCommand } from '../../system/run-command';
import { OperationError } from '../contract/operations';

export interface ApplyTarget {
  /** argv prefix that enters the namespace to act in (none: this one). */
  inNamespace?: readonly string[];
  /** The plan: the current IPv4 rule set in, a batch out (null: nothing to do). */
  plan(current: ParsedRuleset): string | null;
  /** Says what did not take, for the error when the rules differ after applying. */
  failure(left: string): string;
}

export interface ApplyOutcome {
  /** The batch that was applied, or null when nothing needed doing. */
  applied: string | null;
  /** The rule set before anything changed. */
  before: ParsedRuleset;
  /** The rule set after (the same reading as before when nothing changed). */
  after: ParsedRuleset;
}

/** The IPv4 rule set with counters, as iptables-save prints it (firewall.save, and every plan below). */
export function saveIpv4(inNamespace: readonly string[] = []): Promise<string> {
  return runCommand([...inNamespace, 'iptables-save', '-c']);
}

export async function readIpv4Rules(inNamespace: readonly string[] = []): Promise<ParsedRuleset> {
  return parseIptablesSave(await saveIpv4(inNamespace), 'ipv4');
}

export async function applyAndVerify(target: ApplyTarget): Promise<ApplyOutcome> {
  const prefix = target.inNamespace ?? [];
  const before = await readIpv4Rules(prefix);
  const batch = target.plan(before);
  if (batch === null) return { applied: null, before, after: before };
  await runCommand([...prefix, 'iptables-restore', '--noflush', '--counters'], { input: batch });
  const after = await readIpv4Rules(prefix);
  const left = target.plan(after);
  if (left !== null) throw new OperationError(target.failure(left));
  return { applied: batch, before, after };
}

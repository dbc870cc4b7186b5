// The doctor's checks in the order of the seed's checklist, and which fix belongs to which check.
// Pure.
import type { DoctorCheck } from '../../../shared/doctor-model';
import { brNetfilterCheck } from './checks/br-netfilter';
import type { CheckFunction } from './checks/check-base';
import { dnsCheck } from './checks/dns';
import { dockerIptablesCheck } from './checks/docker-iptables';
import { dockerProxyCheck } from './checks/docker-proxy';
import { forwardPolicyCheck } from './checks/forward-policy';
import { ipForwardCheck } from './checks/ip-forward';
import { iptablesSplitCheck } from './checks/iptables-split';
import { masqueradeCheck } from './checks/masquerade';
import { subnetOverlapCheck } from './checks/subnet-overlap';
import { doctorContext } from './doctor-context';
import type { DoctorFacts } from './doctor-facts';

export const CHECKS: ReadonlyArray<[id: string, check: CheckFunction]> = [
  ['ip-forward', ipForwardCheck],
  ['forward-policy', forwardPolicyCheck],
  ['masquerade', masqueradeCheck],
  ['docker-iptables', dockerIptablesCheck],
  ['iptables-split', iptablesSplitCheck],
  ['br-netfilter', brNetfilterCheck],
  ['docker-proxy', dockerProxyCheck],
  ['subnet-overlap', subnetOverlapCheck],
  ['dns', dnsCheck],
];

/** Fix id → the check it repairs. */
export const FIXES: Readonly<Record<string, string>> = {
  'ip-forward': 'ip-forward',
  'forward-accept': 'forward-policy',
  masquerade: 'masquerade',
  'br-netfilter': 'br-netfilter',
};

export function runChecks(facts: DoctorFacts): DoctorCheck[] {
  const ctx = doctorContext(facts);
  return CHECKS.map(([, check]) => check(ctx));
}

export function runCheck(id: string, facts: DoctorFacts): DoctorCheck {
  const found = CHECKS.find(([checkId]) => checkId === id);
  if (!found) throw new Error(`no check ${id}`);
  return found[1](doctorContext(facts));
}

export class DoctorRefused extends Error {
  override name = 'DoctorRefused';
  /** Nothing was changed (see src/shared/errors.ts). */
  readonly kind = 'refused' as const;
}

/** A fix id, or the id of a check that has one: the fix and its check; refused otherwise. */
export function resolveFixId(id: string): { fixId: string; checkId: string } {
  if (Object.hasOwn(FIXES, id)) return { fixId: id, checkId: FIXES[id]! };
  const byCheck = Object.entries(FIXES).find(([, checkId]) => checkId === id);
  if (byCheck) return { fixId: byCheck[0], checkId: id };
  const known = Object.keys(FIXES).join(', ');
  if (CHECKS.some(([checkId]) => checkId === id)) throw new DoctorRefused(`the ${id} check has no automatic fix (fixes: ${known})`);
  throw new DoctorRefused(`no check or fix "${id}" (fixes: ${known})`);
}

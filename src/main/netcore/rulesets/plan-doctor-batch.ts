// The batch that brings the doctor's BRIDGEPORT-DOCTOR chains to the wanted rule set. Pure; the
// planning is the one owned-chain planner's. Only BRIDGEPORT-DOCTOR and the jumps into it are ever
// named: no policy is changed, nothing else is flushed.
import type { ParsedRuleset } from '../rules/parsed-rule';
import type { OwnedChainSet } from '../owned-chains/owned-chain-set';
import { planOwnedChains } from '../owned-chains/plan-owned-chains';
import { DOCTOR_CHAIN, DOCTOR_JUMPS, desiredRules, type DoctorRuleSet } from './doctor-rules';

/** Filter (ACCEPT) before nat; the jumps go at the END of FORWARD / POSTROUTING (see doctor-rules). */
export function doctorChainSet(set: DoctorRuleSet): OwnedChainSet {
  const want = desiredRules(set);
  return {
    tables: (['filter', 'nat'] as const).map((table) => {
      const wanted = want[table].length > 0;
      const spec = DOCTOR_JUMPS[table];
      return {
        table,
        owned: [DOCTOR_CHAIN],
        chains: wanted ? [DOCTOR_CHAIN] : [],
        rules: want[table],
        jumps: wanted ? [{ from: spec.split(' ')[1]!, spec, at: 'last' as const }] : [],
      };
    }),
  };
}

export function planDoctorBatch(set: DoctorRuleSet, current: ParsedRuleset): string | null {
  return planOwnedChains(doctorChainSet(set), current);
}

// The rules the doctor's firewall fixes add, rendered exactly as iptables-save prints them. Pure.
// They live only in Bridgeport's own chain BRIDGEPORT-DOCTOR (one in filter, one in nat), reached
// by a jump appended at the END of FORWARD / POSTROUTING: everything Docker and the user decided
// before still decides first (Docker's isolation between networks included), and only what would
// otherwise fall through to the chain's policy reaches these narrowly-scoped rules.
import type { ParsedRuleset } from '../rules/parsed-rule';

export const DOCTOR_CHAIN = 'BRIDGEPORT-DOCTOR';

export type DoctorTable = 'filter' | 'nat';

export const DOCTOR_JUMPS: Record<DoctorTable, string> = {
  filter: `-A FORWARD -j ${DOCTOR_CHAIN}`,
  nat: `-A POSTROUTING -j ${DOCTOR_CHAIN}`,
};

/** What the doctor's chains hold: bridges let out (with their replies) and subnets masqueraded. */
export interface DoctorRuleSet {
  forward: string[];
  masquerade: Array<{ subnet: string; bridge: string }>;
}

export const emptyRuleSet = (): DoctorRuleSet => ({ forward: [], masquerade: [] });

const FORWARD_COMMENT = '-m comment --comment "bridgeport doctor: forward-accept"';
const MASQUERADE_COMMENT = '-m comment --comment "bridgeport doctor: masquerade"';

export function forwardRules(bridge: string): string[] {
  return [
    `-A ${DOCTOR_CHAIN} -i ${bridge} ! -o ${bridge} ${FORWARD_COMMENT} -j ACCEPT`,
    `-A ${DOCTOR_CHAIN} -o ${bridge} -m conntrack --ctstate RELATED,ESTABLISHED ${FORWARD_COMMENT} -j ACCEPT`,
  ];
}

export function masqueradeRule(m: { subnet: string; bridge: string }): string {
  return `-A ${DOCTOR_CHAIN} -s ${m.subnet} ! -o ${m.bridge} ${MASQUERADE_COMMENT} -j MASQUERADE`;
}

/** Sorted and without repeats, so the same set always renders the same rules. */
export function normalizeRuleSet(set: DoctorRuleSet): DoctorRuleSet {
  const masquerade = new Map(set.masquerade.map((m) => [`${m.subnet} ${m.bridge}`, m]));
  return {
    forward: [...new Set(set.forward)].sort(),
    masquerade: [...masquerade.entries()].sort(([a], [b]) => a.localeCompare(b)).map(([, m]) => m),
  };
}

export function desiredRules(set: DoctorRuleSet): Record<DoctorTable, string[]> {
  const normal = normalizeRuleSet(set);
  return { filter: normal.forward.flatMap(forwardRules), nat: normal.masquerade.map(masqueradeRule) };
}

/** What the doctor's chains hold now (rules of other shapes there are not the doctor's and are dropped on the next fix). */
export function currentRuleSet(ruleset: ParsedRuleset): DoctorRuleSet {
  const set = emptyRuleSet();
  for (const rule of ruleset.rules) {
    if (rule.family !== 'ipv4' || rule.chain !== DOCTOR_CHAIN) continue;
    const m = rule.match;
    if (rule.table === 'filter' && rule.target === 'ACCEPT' && m.inInterface && m.outInterface === m.inInterface && m.outInterfaceNegated && !m.inInterfaceNegated) {
      set.forward.push(m.inInterface);
    }
    if (rule.table === 'nat' && rule.target === 'MASQUERADE' && m.source && !m.sourceNegated && m.outInterface && m.outInterfaceNegated) {
      set.masquerade.push({ subnet: m.source, bridge: m.outInterface });
    }
  }
  return normalizeRuleSet(set);
}

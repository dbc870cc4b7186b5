// Plans the one `iptables-restore --noflush --counters` batch that brings the doctor's chains from
// what the rule set holds to the wanted rule set. Pure: current rules in, batch text out (null:
// nothing to do). Only BRIDGEPORT-DOCTOR and the jumps into it are ever named: declaring the chain
// in a --noflush batch empties just that chain; no policy is changed, nothing else is flushed.
import type { ParsedRuleset } from '../firewall/parsed-rule';
import { DOCTOR_CHAIN, DOCTOR_JUMPS, desiredRules, type DoctorRuleSet, type DoctorTable } from './doctor-rules';

// iptables-nft quotes every comment, iptables-legacy only those with spaces.
const normalize = (spec: string) => spec.replaceAll('"', '');

function sameList(a: readonly string[], b: readonly string[]): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

function tableBatch(table: DoctorTable, want: readonly string[], current: ParsedRuleset): string[] | null {
  const exists = current.chains.some((c) => c.family === 'ipv4' && c.table === table && c.name === DOCTOR_CHAIN);
  const ordered = current.rules.filter((r) => r.family === 'ipv4' && r.table === table).sort((a, b) => a.position - b.position);
  const have = ordered.filter((r) => r.chain === DOCTOR_CHAIN);
  const jumps = ordered.filter((r) => r.target === DOCTOR_CHAIN && r.chain !== DOCTOR_CHAIN);
  const wantedJump = want.length > 0 ? DOCTOR_JUMPS[table] : null;
  const keptJump = jumps.find((j) => wantedJump !== null && normalize(j.spec) === normalize(wantedJump));
  const surplus = jumps.filter((j) => j !== keptJump);

  if (want.length === 0) {
    if (!exists && jumps.length === 0) return null;
    return [`*${table}`, `:${DOCTOR_CHAIN} - [0:0]`, ...surplus.map((j) => `-D ${j.spec.slice(3)}`), `-X ${DOCTOR_CHAIN}`, 'COMMIT'];
  }
  const rulesMatch = exists && sameList(have.map((r) => normalize(r.spec)), want.map(normalize));
  if (rulesMatch && keptJump && surplus.length === 0) return null;
  const counters = new Map(have.map((r) => [normalize(r.spec), `[${r.packets}:${r.bytes}] `]));
  return [
    `*${table}`,
    `:${DOCTOR_CHAIN} - [0:0]`,
    ...surplus.map((j) => `-D ${j.spec.slice(3)}`),
    // Kept rules keep their counts (applied with --counters), new ones start at zero.
    ...want.map((r) => `${counters.get(normalize(r)) ?? ''}${r}`),
    ...(keptJump ? [] : [wantedJump!]),
    'COMMIT',
  ];
}

export function planDoctorBatch(set: DoctorRuleSet, current: ParsedRuleset): string | null {
  const want = desiredRules(set);
  // Adding: filter (ACCEPT) before nat; both in one batch, which iptables-restore commits table by table.
  const parts = (['filter', 'nat'] as const).flatMap((table) => tableBatch(table, want[table], current) ?? []);
  return parts.length === 0 ? null : `${parts.join('\n')}\n`;
}

// The kernel's trace events as steps in Bridgeport's terms: each rule found in the reading the
// computed path used (same table, chain and position), so both sides name a rule by the same id.
// The packet is shown where it entered a chain changed (after DNAT, once routed). Pure.
import type { TraceEventWithPosition } from '../../privileged/contract/trace-operations';
import type { TracedPacket } from '../../netcore/nft-trace/parse-nft-trace';
import { isIptablesNftTable, modelFamilyOf, modelTableOf } from '../../netcore/nft/iptables-nft-tables';
import type { ParsedRule, ParsedRuleset } from '../../netcore/rules/parsed-rule';
import { ruleIds } from '../../netcore/rules/rule-id';
import type { KernelStep, TracedPacketView } from '../../../shared/trace-model';

/** The table's name in Bridgeport's model: iptables-nft's tables by their iptables name, native ones with their family. */
export const modelTableOfTrace = (family: string, table: string): string => (isIptablesNftTable(family, table) ? table : modelTableOf(family, table));

export function packetView(p: TracedPacket): TracedPacketView {
  return { in: p.iif, out: p.oif, source: p.source, destination: p.destination, sourcePort: p.sourcePort, destinationPort: p.destinationPort };
}

const samePacket = (a: TracedPacketView | null, b: TracedPacketView) => a !== null && JSON.stringify(a) === JSON.stringify(b);

export function kernelSteps(events: readonly TraceEventWithPosition[], ruleset: ParsedRuleset): KernelStep[] {
  const ids = ruleIds(ruleset.rules);
  const byPlace = new Map<string, { rule: ParsedRule; id: string }>();
  ruleset.rules.forEach((rule, i) => byPlace.set(`${rule.family}\u0000${rule.table}\u0000${rule.chain}\u0000${rule.position}`, { rule, id: ids[i]! }));
  const steps: KernelStep[] = [];
  let shown: TracedPacketView | null = null;
  for (const e of events) {
    const table = modelTableOfTrace(e.family, e.table);
    const base = { family: e.family, table, chain: e.chain, rule: null, nftRule: null, ruleId: null, target: e.target ?? null, packet: null };
    if (e.kind === 'packet') {
      if (!e.packet) continue;
      const view = packetView(e.packet);
      if (!samePacket(shown, view)) steps.push({ ...base, kind: 'packet', verdict: '', packet: view });
      shown = view;
      continue;
    }
    if (e.kind !== 'rule') {
      steps.push({ ...base, kind: e.kind, verdict: e.verdict ?? '' });
      continue;
    }
    const found = e.position === undefined ? undefined : byPlace.get(`${modelFamilyOf(e.family)}\u0000${table}\u0000${e.chain}\u0000${e.position}`);
    steps.push({ ...base, kind: 'rule', verdict: e.verdict ?? '', rule: found?.rule.spec ?? null, nftRule: e.rule || null, ruleId: found?.id ?? null });
  }
  return steps;
}

/** How the kernel's packet ended: a drop verdict anywhere ends it. */
export function kernelOutcomeOf(caught: boolean, steps: readonly KernelStep[]): 'passed' | 'dropped' | 'not-seen' {
  if (!caught) return 'not-seen';
  return steps.some((s) => s.verdict === 'drop') ? 'dropped' : 'passed';
}

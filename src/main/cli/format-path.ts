// A packet path for the terminal: numbered steps, the outcome, and what was not modelled. Pure.
import type { PathResult } from '../../shared/path-model';

export function formatPath(result: PathResult): string {
  const p = result.packet;
  const out = result.steps.map((s, i) => `${String(i + 1).padStart(2)}. ${s.stage.padEnd(24)} ${s.description}${s.ruleId ? `  [rule ${s.ruleId}]` : ''}`);
  out.push('', `Outcome: ${result.outcome.kind} — ${result.outcome.description}`);
  out.push(`Packet at the end: ${p.protocol} ${p.source} → ${p.destination}:${p.port}`);
  for (const c of result.caveats) out.push(`Note: ${c}`);
  return out.join('\n');
}

// The firewall, chain by chain, with counters and one sentence per rule. Pure.
import type { NatReport } from '../../shared/firewall-model';

export function formatNat(report: NatReport): string {
  const out = [`Backend: ${report.backend}`];
  for (const w of report.warnings) out.push(`Warning: ${w}`);
  for (const chain of report.chains) {
    const rules = report.rules.filter((r) => r.family === chain.family && r.table === chain.table && r.chain === chain.name);
    if (rules.length === 0 && chain.policy === null) continue;
    const policy = chain.policy ? ` (policy ${chain.policy} ${chain.packets} pkts)` : '';
    out.push('', `${chain.family === 'ipv6' ? 'ip6 ' : ''}${chain.table} ${chain.name}${policy}`);
    for (const r of rules) {
      out.push(`  ${String(r.position).padStart(3)} ${String(r.packets).padStart(8)} pkts ${String(r.bytes).padStart(10)} B  [${r.owner}] ${r.explain}`);
    }
  }
  return out.join('\n');
}

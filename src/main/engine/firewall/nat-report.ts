// The NAT view's data: the firewall read now, attributed against the Docker facts of a snapshot.
import type { NatReport } from '../../../shared/firewall-model';
import type { Snapshot } from '../../../shared/model';
import { attributeChains, attributeRules } from './attribute-rules';
import { dockerFacts } from './docker-facts';
import { readFirewall, type FirewallRead } from './read-firewall';

export function natReportOf(read: FirewallRead, snapshot: Pick<Snapshot, 'containers' | 'networks'>): NatReport {
  return {
    backend: read.backend,
    chains: attributeChains(read.ruleset.chains),
    rules: attributeRules(read.ruleset, dockerFacts(snapshot)),
    warnings: read.warnings,
  };
}

export async function readNatReport(snapshot: Pick<Snapshot, 'containers' | 'networks'>): Promise<{ report: NatReport; readable: boolean }> {
  const read = await readFirewall();
  return { report: natReportOf(read, snapshot), readable: read.readable };
}

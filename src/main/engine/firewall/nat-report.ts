// The NAT view's data: the firewall read now, attributed against the Docker facts of a snapshot.
import type { NatReport } from '../../../shared/firewall-model';
import type { Snapshot } from '../../../shared/model';
import { attributeChains, attributeRules, type Attribution } from './attribute-rules';
import { dockerFacts } from './docker-facts';
import type { FirewallReader, FirewallRead } from './read-firewall';

export function natReportOf(read: FirewallRead, snapshot: Pick<Snapshot, 'containers' | 'networks'>, memo?: Map<string, Attribution>): NatReport {
  return {
    backend: read.backend,
    chains: attributeChains(read.ruleset.chains),
    rules: attributeRules(read.ruleset, dockerFacts(snapshot), memo),
    warnings: read.warnings,
    ...(read.warningMessages ? { warningMessages: read.warningMessages } : {}),
  };
}

/** The NAT view over time: one firewall reader, and attributions kept while the snapshot is the same. */
export class NatReporter {
  private readonly memo = new Map<string, Attribution>();
  private memoFor: object | null = null;

  constructor(private readonly reader: FirewallReader) {}

  async read(snapshot: Pick<Snapshot, 'containers' | 'networks'>): Promise<{ report: NatReport; readable: boolean }> {
    if (snapshot !== this.memoFor) {
      this.memo.clear();
      this.memoFor = snapshot;
    }
    const read = await this.reader.read();
    return { report: natReportOf(read, snapshot, this.memo), readable: read.readable };
  }
}

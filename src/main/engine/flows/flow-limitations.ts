// What the flows view cannot see, and why, in sentences. Pure.

export interface FlowVisibility {
  /** net.netfilter.nf_conntrack_acct in the host's namespace. */
  accounting: boolean;
  /** net.bridge.bridge-nf-call-iptables: null when br_netfilter is not loaded at all. */
  bridgeNetfilter: boolean | null;
  /** Connections forgotten because the table was full. */
  dropped: number;
}

export function flowLimitations(v: FlowVisibility): string[] {
  const notes: string[] = [];
  if (!v.accounting) {
    notes.push('packets and bytes are not counted: conntrack accounting is off (sudo sysctl -w net.netfilter.nf_conntrack_acct=1 switches it on for new connections; Bridgeport does not)');
  }
  if (v.bridgeNetfilter !== true) {
    notes.push(
      "connections between containers on the same bridge are not seen: the host's conntrack sees bridged traffic only with br_netfilter on (net.bridge.bridge-nf-call-iptables=1)" +
        (v.bridgeNetfilter === null ? ', and br_netfilter is not loaded' : ''),
    );
  }
  if (v.dropped > 0) notes.push(`${v.dropped} connection(s) are not shown: the table keeps the newest ones only`);
  return notes;
}

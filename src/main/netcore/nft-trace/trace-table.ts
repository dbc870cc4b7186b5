// The nftables table that marks one flow for tracing (`meta nftrace set 1`) and the name it goes by.
// It hooks in before everything that matters (after defragmentation, before iptables' raw table),
// so every later chain of every table — iptables-nft's and native ones alike — shows in the trace.
// Only the first packet of the flow is marked (a TCP SYN; for UDP, the probe's datagram). Pure: the
// values are checked by the caller's schema and printed here as numbers and dotted quads only.
export const TRACE_TABLE_FAMILY = 'ip';
const TRACE_TABLE_PREFIX = 'bridgeport_trace_';
/** Before iptables' raw (-300), after defragmentation (-400). */
const TRACE_PRIORITY = -350;

export type TraceOrigin = 'lan' | 'host' | 'container';

export interface TraceFlow {
  protocol: 'tcp' | 'udp';
  /** Dotted-quad IPv4. */
  destination: string;
  port: number;
  /** The probe's own source port (host and container); null: any (a packet from the LAN). */
  sourcePort: number | null;
  origin: TraceOrigin;
}

/** One table per tracing process, named by its pid and start time, so a stale one is recognised. */
export function traceTableName(pid: number, startTime: string): string {
  return `${TRACE_TABLE_PREFIX}${pid}_${startTime}`;
}

/** The pid and start time a trace table was named after, or null for any other table. */
export function traceTableOwner(name: string): { pid: number; startTime: string } | null {
  const m = /^bridgeport_trace_(\d+)_(\d+)$/.exec(name);
  return m ? { pid: Number(m[1]), startTime: m[2]! } : null;
}

const DOTTED_QUAD = /^(?:(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)\.){3}(?:25[0-5]|2[0-4]\d|1\d\d|[1-9]?\d)$/;

function matchOf(flow: TraceFlow): string {
  if (!DOTTED_QUAD.test(flow.destination)) throw new Error(`not an IPv4 address: ${flow.destination}`);
  if (!Number.isInteger(flow.port) || flow.port < 1 || flow.port > 65535) throw new Error(`not a port: ${flow.port}`);
  const parts = [`ip daddr ${flow.destination}`, `${flow.protocol} dport ${flow.port}`];
  if (flow.sourcePort !== null) {
    if (!Number.isInteger(flow.sourcePort) || flow.sourcePort < 1 || flow.sourcePort > 65535) throw new Error(`not a port: ${flow.sourcePort}`);
    parts.push(`${flow.protocol} sport ${flow.sourcePort}`);
  }
  // A connection's first packet only: retransmissions and the rest of the flow are not traced.
  if (flow.protocol === 'tcp') parts.push('tcp flags & (syn | ack) == syn');
  return parts.join(' ');
}

/**
 * The script for `nft -f -`. A LAN or container packet enters through prerouting; the host's own
 * leaves through output (and comes back through prerouting on lo when it stays on the host).
 */
export function traceTableScript(name: string, flow: TraceFlow): string {
  if (!traceTableOwner(name)) throw new Error(`not a trace table name: ${name}`);
  const match = matchOf(flow);
  const chains: string[] = [];
  if (flow.origin === 'host') {
    chains.push(`  chain out { type filter hook output priority ${TRACE_PRIORITY}; ${match} meta nftrace set 1; }`);
    chains.push(`  chain pre { type filter hook prerouting priority ${TRACE_PRIORITY}; iifname "lo" ${match} meta nftrace set 1; }`);
  } else {
    chains.push(`  chain pre { type filter hook prerouting priority ${TRACE_PRIORITY}; ${match} meta nftrace set 1; }`);
  }
  return `table ${TRACE_TABLE_FAMILY} ${name} {\n${chains.join('\n')}\n}\n`;
}

/** Trace tables in `nft list tables` output whose owner is no longer the process that made them. */
export function staleTraceTables(listing: string, isAlive: (pid: number, startTime: string) => boolean): string[] {
  const stale: string[] = [];
  for (const line of listing.split('\n')) {
    const m = /^table ip (\S+)\s*$/.exec(line.trim());
    const owner = m ? traceTableOwner(m[1]!) : null;
    if (m && owner && !isAlive(owner.pid, owner.startTime)) stale.push(m[1]!);
  }
  return stale;
}

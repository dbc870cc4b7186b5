// A packet path when the firewall could not be read: no answer is given as if it had been. Without the
// rules a published port looks like a host socket (its DNAT happens before any socket lookup) and a
// DROP looks like delivery, so the outcome is 'unknown', with the reason, and no steps. Pure.
import type { PathResult } from './path-types';

export function withoutFirewall(traced: PathResult, reasons: readonly string[]): PathResult {
  const why = reasons[0] ?? 'The firewall could not be read.';
  const { protocol, destination, port } = traced.packet;
  return {
    steps: [],
    outcome: {
      kind: 'unknown',
      description: `Where a new connection to ${destination}:${port}/${protocol} goes is not known: ${why} Its NAT and filter rules decide it (a published port is redirected to its container before any host socket sees the packet), so no path is traced without them.`,
    },
    caveats: [...reasons],
    packet: traced.packet,
  };
}

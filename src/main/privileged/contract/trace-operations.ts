// The privileged kernel trace (issue 17): arm `meta nftrace` for one flow in Bridgeport's own table,
// send the probe (from the host, or from inside a running container's namespace) or wait for a
// packet from the LAN, and hand back what `nft monitor trace` reported for that one packet. The
// table is removed before the reply, on timeout too; a stale one (a crash) by the next trace.
import { z } from 'zod';
import { pidSchema } from '../../../shared/atoms/pids';
import type { NftTraceEvent, TracedPacket } from '../../netcore/nft-trace/parse-nft-trace';

export const TRACE_TIMEOUT_MIN_MS = 500;
export const TRACE_TIMEOUT_MAX_MS = 120_000;
/** Events kept of the traced packet (a packet meets a few dozen rules; this bounds a looping rule set). */
export const MAX_TRACE_EVENTS = 1_000;

export const traceOperations = {
  'trace.run': z
    .object({
      protocol: z.enum(['tcp', 'udp']),
      destination: z.ipv4(),
      port: z.number().int().min(1).max(65535),
      from: z.discriminatedUnion('kind', [
        z.object({ kind: z.literal('lan') }).strict(),
        z.object({ kind: z.literal('host') }).strict(),
        /** A running container's main process: the probe is sent from its network namespace. */
        z.object({ kind: z.literal('container'), pid: pidSchema }).strict(),
      ]),
      timeoutMs: z.number().int().min(TRACE_TIMEOUT_MIN_MS).max(TRACE_TIMEOUT_MAX_MS),
    })
    .strict(),
  /** Removes trace tables left by a process that is gone (a crash, a kill -9). */
  'trace.clearStale': z.object({}).strict(),
} as const;

export type ProbeOutcome = 'connected' | 'refused' | 'timeout' | 'sent' | 'error';
/** The probe's detail when its process printed no result (the engine says it in the window's language). */
export const PROBE_PRINTED_NOTHING = 'the probe printed nothing';

export interface TraceEventWithPosition extends NftTraceEvent {
  /** 'rule' events: the rule's 1-based position in its chain when the trace ended, if found. */
  position?: number;
}

export interface TraceOperationResults {
  'trace.run': {
    /** A packet of the flow was seen by the kernel and traced. */
    caught: boolean;
    /** The packet as it entered (the first packet line). */
    packet: TracedPacket | null;
    /** That packet's trace, in order, without Bridgeport's own trace table. */
    events: TraceEventWithPosition[];
    /** Other packets of the flow that were marked too (retransmissions), not followed. */
    otherPackets: number;
    probe: { sourcePort: number; outcome: ProbeOutcome; detail: string | null } | null;
    elapsedMs: number;
  };
  'trace.clearStale': { removed: string[] };
}

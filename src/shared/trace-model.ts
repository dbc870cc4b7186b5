// The kernel's trace of one flow beside the computed path, as the contract carries it (issue 17).
import { z } from 'zod';
import { messageSchema } from './message';
import { pathQuerySchema, pathResultSchema } from './path-model';

export const TRACE_TIMEOUT_DEFAULT_S = 10;
export const TRACE_TIMEOUT_MAX_S = 120;

export const kernelTraceQuerySchema = pathQuerySchema.extend({
  /** How long to wait for the packet (a LAN packet is waited for; a probe answers within seconds). */
  timeoutSeconds: z
    .number()
    .int()
    .min(1, 'the timeout is 1-120 seconds')
    .max(TRACE_TIMEOUT_MAX_S, 'the timeout is 1-120 seconds')
    .default(TRACE_TIMEOUT_DEFAULT_S),
});
export type KernelTraceQuery = z.input<typeof kernelTraceQuerySchema>;

export const tracedPacketSchema = z.object({
  in: z.string().nullable(),
  out: z.string().nullable(),
  source: z.string().nullable(),
  destination: z.string().nullable(),
  sourcePort: z.number().int().nullable(),
  destinationPort: z.number().int().nullable(),
});
export type TracedPacketView = z.infer<typeof tracedPacketSchema>;

export const kernelStepSchema = z.object({
  /** nft's family: ip, inet … */
  family: z.string(),
  /** As Bridgeport's rule views name it: `nat`, `filter` (iptables), `inet netavark` (native). */
  table: z.string(),
  chain: z.string(),
  /** 'packet': the packet as it entered this chain, shown where it changed (DNAT, routing). */
  kind: z.enum(['rule', 'policy', 'return', 'packet']),
  /** The rule as Bridgeport's views show it (iptables-save text, or nft's), when it was found. */
  rule: z.string().nullable(),
  /** nft's own text of the rule, as the trace printed it. */
  nftRule: z.string().nullable(),
  /** The rule's id in Bridgeport's reading (as the computed path and the NAT view use), or null. */
  ruleId: z.string().nullable(),
  /** accept, drop, continue, jump, goto, return … (empty for 'packet'). */
  verdict: z.string(),
  /** The chain of a jump or goto. */
  target: z.string().nullable(),
  packet: tracedPacketSchema.nullable(),
});
export type KernelStep = z.infer<typeof kernelStepSchema>;

export const traceDifferenceSchema = z.object({
  /** kernel-only: the kernel met it, the computed path did not; computed-only: the reverse; outcome: they end differently; unmodelled: a rule Bridgeport's reading does not hold. */
  kind: z.enum(['kernel-only', 'computed-only', 'outcome', 'unmodelled']),
  description: z.string(),
  /** The description as a message, for the window to say in its language. */
  descriptionMessage: messageSchema.optional(),
  ruleId: z.string().nullable(),
});
export type TraceDifference = z.infer<typeof traceDifferenceSchema>;

export const kernelTraceResultSchema = z.object({
  /** A packet of the flow reached the host's rules and was traced. */
  caught: z.boolean(),
  /** The packet as it entered (for a LAN trace: which client, on which interface). */
  packet: tracedPacketSchema.nullable(),
  steps: z.array(kernelStepSchema),
  computed: pathResultSchema,
  differences: z.array(traceDifferenceSchema),
  /** How the kernel's packet ended: passed (left or was delivered), dropped, or not seen. */
  kernelOutcome: z.enum(['passed', 'dropped', 'not-seen']),
  probe: z
    .object({
      sourcePort: z.number().int(),
      outcome: z.enum(['connected', 'refused', 'timeout', 'sent', 'error']),
      /** The socket's error code or the probe's own failure, as it said it. */
      detail: z.string().nullable(),
      detailMessage: messageSchema.optional(),
    })
    .nullable(),
  /** Further packets of the flow that were marked but not followed (retransmissions). */
  otherPackets: z.number().int(),
  /** What the trace cannot show, and why, in plain sentences. */
  notes: z.array(z.string()),
  /** The notes as messages, one per note. */
  notesMessages: z.array(messageSchema).optional(),
  elapsedMs: z.number(),
});
export type KernelTraceResult = z.infer<typeof kernelTraceResultSchema>;

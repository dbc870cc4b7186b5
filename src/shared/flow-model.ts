// Live flows (issue 17): the connections the host's conntrack tracks, attributed at both ends.
// This is also the JSON of `bridgeport flows --json` (an array of Flow) and `--watch` (FlowEvent lines).
import { z } from 'zod';
import { containerRefSchema } from './firewall-model';
import { messageSchema } from './message';

/** One direction of a connection as conntrack records it. */
export const flowTupleSchema = z.object({
  src: z.string(),
  /** Null for protocols without ports (icmp, icmpv6, gre …): their tuples carry type/code/id instead. */
  sport: z.number().int().nullable(),
  dst: z.string(),
  /** Null for protocols without ports, as sport. */
  dport: z.number().int().nullable(),
});
export type FlowTuple = z.infer<typeof flowTupleSchema>;

export const flowEndKindSchema = z.enum(['lan', 'host', 'container', 'namespace', 'outside']);
export type FlowEndKind = z.infer<typeof flowEndKindSchema>;

/** Who is at one end: the LAN (a subnet of the host's own uplinks), the host, a container, a namespace, or the outside. */
export const flowEndSchema = z.object({
  kind: flowEndKindSchema,
  /** Set when kind is 'container'. */
  container: containerRefSchema.optional(),
  /** Set when kind is 'namespace': the `ip netns` name. */
  namespace: z.string().optional(),
});
export type FlowEnd = z.infer<typeof flowEndSchema>;

export const flowNatSchema = z.enum(['dnat', 'snat', 'both']).nullable();
export type FlowNat = z.infer<typeof flowNatSchema>;

export const flowSchema = z.object({
  /** conntrack's id of the entry, when it printed one: what ties a flow's end to its start. */
  id: z.number().int().optional(),
  /** As conntrack names it: tcp, udp, icmp, icmpv6, sctp, … (`unknown` for protocols it has no name for). */
  protocol: z.string(),
  /**
   * The TCP/SCTP/DCCP state as conntrack prints it (ESTABLISHED, TIME_WAIT …); for protocols without
   * one, UNREPLIED (no answer seen yet), ASSURED (conntrack flagged it), or REPLIED (an answer was seen).
   */
  state: z.string(),
  /** As the sender sent it: for a published port, dst is the host address and dport the host port. */
  original: flowTupleSchema,
  /** As the answer comes back: src is who really answers (after DNAT, the container). */
  reply: flowTupleSchema,
  from: flowEndSchema,
  to: flowEndSchema,
  /** The host port a published-port connection came in on (DNAT to a container from a host address). */
  hostPort: z.number().int().optional(),
  nat: flowNatSchema,
  /** Both directions summed; only with conntrack accounting on (net.netfilter.nf_conntrack_acct=1). */
  packets: z.number().int().optional(),
  bytes: z.number().int().optional(),
});
export type Flow = z.infer<typeof flowSchema>;

export const flowsReportSchema = z.object({
  flows: z.array(flowSchema),
  /** Whether conntrack accounting is on; without it flows carry no packets/bytes. */
  accounting: z.boolean(),
  /** Flows not kept because the table is bounded. */
  dropped: z.number().int().nonnegative(),
  /** What Bridgeport cannot see here and why (e.g. same-bridge traffic without br_netfilter). */
  limitations: z.array(z.string()),
  /** The limitations as messages (catalogue engine-flows), one per sentence, for the window's language. */
  limitationsMessages: z.array(messageSchema).optional(),
});
export type FlowsReport = z.infer<typeof flowsReportSchema>;

export const flowEventSchema = z.object({
  /** update: the connection's state moved (SYN_SENT → ESTABLISHED …), or it became assured. */
  kind: z.enum(['start', 'update', 'end']),
  flow: flowSchema,
});
export type FlowEvent = z.infer<typeof flowEventSchema>;

// Live traffic (issue 7): per interface and container (seen from the container's side), per published
// port and per NAT rule, sampled once per tick from one kernel dump, with a short fine history and a
// longer coarse one.
import { z } from 'zod';
import { containerRefSchema } from './firewall-model';
import { messageSchema } from './message';

export const interfaceTrafficSchema = z.object({
  /** The interface in the host namespace (for a container: the host side of its veth). */
  name: z.string(),
  /** The container it belongs to, or null for the host's own links. */
  container: containerRefSchema.nullable(),
  /** The container's network and interface inside it (eth0, eth1 …), when known. */
  network: z.string().nullable(),
  containerInterface: z.string().nullable(),
  /** Kernel totals since the interface was created; seen from the container's side when it has one. */
  rxBytes: z.number(),
  txBytes: z.number(),
  rxPackets: z.number(),
  txPackets: z.number(),
  /** Per second over the last tick; 0 on the first sample of an interface and after it was re-created. */
  rxRate: z.number(),
  txRate: z.number(),
  rxPacketRate: z.number(),
  txPacketRate: z.number(),
});
export type InterfaceTraffic = z.infer<typeof interfaceTrafficSchema>;

export const containerTrafficSchema = z.object({
  container: containerRefSchema,
  /** Sums over every interface of the container (every network, not only eth0). */
  rxRate: z.number(),
  txRate: z.number(),
  /** Bytes counted since Bridgeport started sampling. */
  rxSinceStart: z.number(),
  txSinceStart: z.number(),
  interfaces: z.array(z.string()),
});
export type ContainerTraffic = z.infer<typeof containerTrafficSchema>;

export const portTrafficSchema = z.object({
  hostIp: z.string(),
  hostPort: z.number().int(),
  protocol: z.string(),
  container: containerRefSchema,
  /** New connections (the DNAT rule's packet counter: nat sees only a flow's first packet). */
  connections: z.number(),
  connectionRate: z.number(),
  /** Bytes clients sent to it and bytes it answered, for Bridgeport's mappings (whose rules see every
   *  packet); null for Docker's ports, whose per-port rule sees only each flow's first packet. */
  bytesToPort: z.number().nullable(),
  bytesToPortRate: z.number().nullable(),
  bytesFromPort: z.number().nullable(),
  bytesFromPortRate: z.number().nullable(),
});
export type PortTraffic = z.infer<typeof portTrafficSchema>;

export const ruleTrafficSchema = z.object({
  id: z.string(),
  table: z.string(),
  chain: z.string(),
  spec: z.string(),
  container: containerRefSchema.nullable(),
  packets: z.number(),
  bytes: z.number(),
  packetRate: z.number(),
  byteRate: z.number(),
});
export type RuleTraffic = z.infer<typeof ruleTrafficSchema>;

/** What stopped packets: a DROP or REJECT rule, or a built-in chain's DROP policy. */
export const dropTargetSchema = z.enum(['DROP', 'REJECT', 'policy']);

/** A rule or policy whose drop counter moved (issue 17): one entry per rule while it keeps dropping. */
export const dropEventSchema = z.object({
  /** The rule's id (as in the NAT view), or null for a chain's policy. */
  ruleId: z.string().nullable(),
  family: z.enum(['ipv4', 'ipv6']),
  table: z.string(),
  chain: z.string(),
  /** The rule as iptables-save prints it (native nftables: its expression), or "policy DROP". */
  spec: z.string(),
  target: dropTargetSchema,
  /** The rule in one sentence. */
  explain: z.string(),
  /** The explanation as a message (the rule's, catalogue engine-nat; a policy's, engine-flows). */
  explainMessage: messageSchema.optional(),
  container: containerRefSchema.nullable(),
  /** Topology ids where it happens: link:<name> (bridge, NIC, lone veth), veth:<hostVeth> (a
   *  container's cable), container:<id>, network:<id>; empty when it happens on the host itself. */
  places: z.array(z.string()),
  /** The same in words: "container w1", "bridge docker0", "the host". */
  where: z.string(),
  /** The place in words as a message (catalogue engine-flows). */
  whereMessage: messageSchema.optional(),
  /** Dropped in the last tick its counter moved. */
  packets: z.number(),
  bytes: z.number(),
  /** Dropped since firstAt (each time within windowMs of the one before). */
  totalPackets: z.number(),
  totalBytes: z.number(),
  firstAt: z.string(),
  lastAt: z.string(),
});
export type DropEvent = z.infer<typeof dropEventSchema>;

export const dropsReportSchema = z.object({
  /** False when the firewall could not be read (no privilege): then nothing is known, not "no drops". */
  readable: z.boolean(),
  /** What cannot be seen and why (unreadable firewall, nftables rules and policies without counters). */
  notes: z.array(z.string()),
  /** The notes as messages, one per note, for the window's language (absent for a note quoted from elsewhere). */
  notesMessages: z.array(messageSchema).optional(),
  /** An event stays listed this long after its last drop. */
  windowMs: z.number(),
  /** Most recent first. */
  events: z.array(dropEventSchema),
});
export type DropsReport = z.infer<typeof dropsReportSchema>;

export const trafficSampleSchema = z.object({
  at: z.string(),
  /** When this engine started sampling (totals since start count from here). */
  since: z.string(),
  intervalMs: z.number(),
  interfaces: z.array(interfaceTrafficSchema),
  containers: z.array(containerTrafficSchema),
  /** Empty when the firewall cannot be read (not root). */
  ports: z.array(portTrafficSchema),
  /** The rules whose counters moved in the last tick, busiest first. */
  rules: z.array(ruleTrafficSchema),
  /** Recent drops; null when this sample did not read the firewall (nobody watches traffic, or the read failed). */
  drops: dropsReportSchema.nullable(),
});
export type TrafficSample = z.infer<typeof trafficSampleSchema>;

/** One point of a chart: per container [rxRate, txRate] (bytes/s, the container's view). */
export const trafficPointSchema = z.object({
  at: z.string(),
  containers: z.record(z.string(), z.tuple([z.number(), z.number()])),
});
export type TrafficPoint = z.infer<typeof trafficPointSchema>;

export const trafficHistorySchema = z.object({
  /** The last 5 minutes, one point per tick. */
  fine: z.array(trafficPointSchema),
  /** The last hour, one point per 10 s (averages). */
  coarse: z.array(trafficPointSchema),
});
export type TrafficHistory = z.infer<typeof trafficHistorySchema>;

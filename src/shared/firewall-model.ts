// The firewall as Bridgeport models it: tables, chains and rules with counters, from iptables-save
// (nft or legacy) or native nftables, each rule tagged with its owner and explained in one sentence.
import { z } from 'zod';
import { messageSchema } from './message';

export const firewallBackendSchema = z.enum(['iptables-nft', 'iptables-legacy', 'nftables']);
export type FirewallBackend = z.infer<typeof firewallBackendSchema>;

// podman: netavark's rules (its `inet netavark` table or its NETAVARK-* iptables chains); firewalld: its `inet firewalld` table.
export const ruleOwnerSchema = z.enum(['docker', 'podman', 'firewalld', 'bridgeport', 'other']);
export type RuleOwner = z.infer<typeof ruleOwnerSchema>;

export const containerRefSchema = z.object({ id: z.string(), name: z.string() });

/** The match conditions Bridgeport understands; anything else is kept in `unparsed`. */
export const ruleMatchSchema = z.object({
  protocol: z.string().nullable(),
  protocolNegated: z.boolean(),
  source: z.string().nullable(),
  sourceNegated: z.boolean(),
  destination: z.string().nullable(),
  destinationNegated: z.boolean(),
  inInterface: z.string().nullable(),
  inInterfaceNegated: z.boolean(),
  outInterface: z.string().nullable(),
  outInterfaceNegated: z.boolean(),
  /** Destination port or range ("8080" or "9000:9002"). */
  dport: z.string().nullable(),
  dportNegated: z.boolean(),
  sport: z.string().nullable(),
  sportNegated: z.boolean(),
  /** `-m addrtype --dst-type X` (LOCAL …), negated with a leading '!'. */
  dstType: z.string().nullable(),
  srcType: z.string().nullable(),
  /** `-m conntrack --ctstate` list, e.g. ["RELATED", "ESTABLISHED"]. */
  ctstate: z.array(z.string()).nullable(),
  ctstateNegated: z.boolean(),
  /** `-m mark --mark` value. */
  mark: z.string().nullable(),
  markNegated: z.boolean(),
  comment: z.string().nullable(),
  /** Options Bridgeport does not model, verbatim; a rule with any is never assumed to match. */
  unparsed: z.array(z.string()),
});
export type RuleMatch = z.infer<typeof ruleMatchSchema>;

export const firewallRuleSchema = z.object({
  /** Stable while the rule exists: family/table/chain/spec (+ occurrence for duplicates). */
  id: z.string(),
  family: z.enum(['ipv4', 'ipv6']),
  table: z.string(),
  chain: z.string(),
  /** 1-based position in its chain. */
  position: z.number().int(),
  /** The rule as iptables-save prints it, without counters (or the nft expression for nftables). */
  spec: z.string(),
  target: z.string(),
  /** Target options, e.g. "--to-destination 172.17.0.2:80". */
  targetArgs: z.string(),
  match: ruleMatchSchema,
  packets: z.number(),
  bytes: z.number(),
  owner: ruleOwnerSchema,
  container: containerRefSchema.nullable(),
  /** For DNAT rules: the published host port (first of a range). */
  hostPort: z.number().int().nullable(),
  /** For DNAT rules: ip:port it rewrites to. */
  toDestination: z.string().nullable(),
  explain: z.string(),
  /** The same sentence as a message, for the window's language. */
  explainMessage: messageSchema.optional(),
});
export type FirewallRule = z.infer<typeof firewallRuleSchema>;

export const firewallChainSchema = z.object({
  family: z.enum(['ipv4', 'ipv6']),
  table: z.string(),
  name: z.string(),
  /** Built-in chains have a policy (ACCEPT/DROP); user chains have none. */
  policy: z.string().nullable(),
  packets: z.number(),
  bytes: z.number(),
  owner: ruleOwnerSchema,
});
export type FirewallChain = z.infer<typeof firewallChainSchema>;

export const natReportSchema = z.object({
  backend: firewallBackendSchema,
  chains: z.array(firewallChainSchema),
  rules: z.array(firewallRuleSchema),
  warnings: z.array(z.string()),
  /** The warnings as messages, one per warning. */
  warningMessages: z.array(messageSchema).optional(),
});
export type NatReport = z.infer<typeof natReportSchema>;

export const publishedPortSchema = z.object({
  hostIp: z.string(),
  hostPort: z.number().int(),
  protocol: z.enum(['tcp', 'udp', 'sctp']),
  container: containerRefSchema,
  containerIp: z.string().nullable(),
  containerPort: z.number().int(),
  network: z.string().nullable(),
  /** Who publishes it: Docker, Podman (netavark's DNAT) or Bridgeport. */
  source: z.enum(['docker', 'podman', 'bridgeport']),
  /** Counters of the DNAT rule(s) behind it. */
  packets: z.number(),
  bytes: z.number(),
  /** Ids of the rules that implement it (DNAT, filter ACCEPT, MASQUERADE hairpin …). */
  ruleIds: z.array(z.string()),
  /** Plain sentences about anything off: bound to loopback only, container stopped, rule missing … */
  hints: z.array(z.string()),
  /** The hints as messages (catalogue engine-ports), one per hint, for the window's language. */
  hintsMessages: z.array(messageSchema).optional(),
});
export type PublishedPort = z.infer<typeof publishedPortSchema>;

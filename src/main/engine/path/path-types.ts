// The packet-path question and its answer: where a new connection to ip:port goes and which rule
// decides each step. Plain data, shared by the evaluator and whoever draws it.
import type { Message } from '../../../shared/message';
import type { Container, Link } from '../../../shared/model';
import type { ParsedRuleset } from '../../netcore/rules/parsed-rule';
import type { Listener } from '../host/parse-listeners';
import type { Route } from './parse-ip-route';

export type PacketOrigin = { kind: 'lan' } | { kind: 'host' } | { kind: 'container'; containerId: string };

export interface PacketQuery {
  protocol: 'tcp' | 'udp';
  /** IPv4 address. */
  destination: string;
  port: number;
  from: PacketOrigin;
}

export interface PathInput {
  /** Only its IPv4 rules are evaluated. */
  ruleset: ParsedRuleset;
  routes: Route[];
  /** Links of the host namespace. */
  links: Link[];
  containers: Container[];
  listeners: Listener[];
  packet: PacketQuery;
}

export interface Packet {
  protocol: 'tcp' | 'udp';
  source: string;
  destination: string;
  port: number;
}

export type StepVerdict =
  | 'continue'
  | 'jump'
  | 'return'
  | 'accept'
  | 'drop'
  | 'reject'
  | 'dnat'
  | 'snat'
  | 'masquerade'
  | 'route'
  | 'deliver'
  | 'policy';

export interface PathStep {
  /** Where it happens: 'nat PREROUTING', 'filter DOCKER-USER', 'routing', 'bridge', 'veth', 'container' … */
  stage: string;
  description: string;
  /** The description as a message, for the window's language. */
  descriptionMessage: Message;
  /** The rule that decided this step (an id from ruleIds over ruleset.rules), or null. */
  ruleId: string | null;
  verdict: StepVerdict;
  /** Topology node ids this step touches: link:<name>, container:<id>, veth:<hostVeth>. */
  nodeIds: string[];
}

export type OutcomeKind = 'container' | 'host-process' | 'no-listener' | 'dropped' | 'rejected' | 'no-route' | 'unknown';

export interface PathOutcome {
  kind: OutcomeKind;
  description: string;
  descriptionMessage: Message;
  containerId?: string;
  hostVeth?: string;
  /** The container's interface for 'container'; the host interface it leaves by otherwise. */
  interface?: string;
  process?: string;
}

export interface PathResult {
  steps: PathStep[];
  outcome: PathOutcome;
  /** What was not modelled and could change the answer, in plain sentences. */
  caveats: string[];
  /** The caveats as messages, in the same order. */
  caveatMessages: Message[];
  /** The packet as it ends: destination/port after DNAT, source after SNAT. */
  packet: Packet;
}

// Would a container's traffic get out, and back in, and be masqueraded? Answered by walking the
// IPv4 rule set the way netfilter does (the packet-path evaluator), for one packet per Docker
// bridge network: a new connection from a container to outside and a reply coming back. Pure.
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message } from '../../../shared/message';
import type { Link, Network } from '../../../shared/model';
import type { ParsedRuleset } from '../../netcore/rules/parsed-rule';
import { hostFacts, type HostFacts } from '../path/host-facts';
import { addressPart, formatIpv4, inCidr, isIpv4, neighbourIn, parseCidr } from '../../netcore/addresses/ipv4';
import type { Route } from '../path/parse-ip-route';
import type { Packet } from '../path/path-types';
import { bestMainRoute } from '../path/route-lookup';
import { indexRuleset, type RuleIndex } from '../path/rule-index';
import { walkHook } from '../path/walk-chain';
import { createRecord, initialState, type HookVerdict, type WalkEnv } from '../path/walk-state';

export const OPTION = {
  icc: 'com.docker.network.bridge.enable_icc',
  masquerade: 'com.docker.network.bridge.enable_ip_masquerade',
  gatewayMode: 'com.docker.network.bridge.gateway_mode_ipv4',
} as const;

/** A Docker bridge network with a host bridge and an IPv4 subnet. */
export interface BridgeNetwork {
  network: Network;
  bridge: string;
  subnet: string;
  /** An address a container of it would have (not the gateway). */
  containerAddress: string;
}

export function bridgeNetworks(networks: readonly Network[]): BridgeNetwork[] {
  const result: BridgeNetwork[] = [];
  for (const network of networks) {
    if (network.driver !== 'bridge' || network.bridge === null) continue;
    const subnet = network.subnets.find((s) => parseCidr(s.subnet) !== null && s.subnet.includes('.'));
    if (!subnet) continue;
    const cidr = parseCidr(subnet.subnet)!;
    // Docker's default gateway is the first address (the default bridge's IPAM often names none).
    const gateway = subnet.gateway && isIpv4(subnet.gateway) ? subnet.gateway : formatIpv4(cidr.network + 1);
    const containerAddress = neighbourIn(`${gateway}/${cidr.prefix}`);
    if (containerAddress === null) continue;
    // As iptables prints it: the network address itself.
    result.push({ network, bridge: network.bridge, subnet: `${formatIpv4(cidr.network)}/${cidr.prefix}`, containerAddress });
  }
  return result;
}

/** Networks whose containers are meant to reach outside: not internal, not in routed/isolated gateway mode. */
export function reachesOutside(net: BridgeNetwork): boolean {
  const mode = net.network.options[OPTION.gatewayMode];
  return !net.network.internal && mode !== 'isolated';
}

/** Networks Docker masquerades: enable_ip_masquerade not false, gateway mode nat (the default). */
export function wantsMasquerade(net: BridgeNetwork): boolean {
  const mode = net.network.options[OPTION.gatewayMode];
  return reachesOutside(net) && net.network.options[OPTION.masquerade] !== 'false' && (mode === undefined || mode === 'nat');
}

/** Where "outside" is for the walks: out by the default route, else by the first LAN route. */
export interface Outside {
  /** The interface packets leave by; null when no route leaves except through bridges. */
  device: string | null;
  destination: string;
  /** In words, for details: "1.1.1.1 by the default route via eth0". */
  description: string;
  /** The same as a message of the doctor's catalogue. */
  descriptionMessage: Message;
}

function outsideBy(device: string | null, destination: string, descriptionMessage: Message): Outside {
  return { device, destination, description: inEnglish(descriptionMessage), descriptionMessage };
}

export function outsideOf(routes: readonly Route[], links: readonly Link[], bridges: ReadonlySet<string>): Outside {
  const internet = '1.1.1.1';
  const best = bestMainRoute(routes, internet);
  if (best !== null && best.type === 'unicast') {
    const device = best.dev ?? (best.gateway ? bestMainRoute(routes, best.gateway)?.dev : null) ?? null;
    if (device !== null && !bridges.has(device)) return outsideBy(device, internet, message('engine-doctor:outside.defaultRoute', { address: internet, device }));
  }
  const isBridge = (dev: string) => bridges.has(dev) || links.find((l) => l.name === dev)?.kind === 'bridge';
  const lan = routes
    .filter((r) => r.table === 'main' && r.type === 'unicast' && r.dev !== null && r.dev !== 'lo' && !bridges.has(r.dev) && r.destination !== '0.0.0.0/0')
    .sort((a, b) => Number(isBridge(a.dev!)) - Number(isBridge(b.dev!)))[0];
  if (lan) {
    const prefix = lan.destination.split('/')[1];
    const destination = neighbourIn(lan.prefsrc ? `${lan.prefsrc}/${prefix}` : lan.destination) ?? addressPart(lan.destination);
    return outsideBy(lan.dev, destination, message('engine-doctor:outside.lan', { address: destination, device: lan.dev!, network: lan.destination }));
  }
  return outsideBy(null, '203.0.113.1', message('engine-doctor:outside.none'));
}

export interface Walk {
  verdict: HookVerdict;
  /** The sentence of the step that decided, e.g. "Accepted by rule 5 of filter FORWARD (…)". */
  decidedBy: string | null;
  /** The same as the walk's message. */
  decidedByMessage: Message | null;
  /** The table and chain where it was decided ('filter DOCKER-FORWARD'), when a rule decided. */
  decidedIn: string | null;
  /** Rules that could not be evaluated, in sentences. */
  caveats: string[];
  /** The same as the walk's messages, in the same order. */
  caveatMessages: Message[];
  snat: boolean;
}

/** Walks packets of bridge networks through one rule set (iptables' IPv4 rules). */
export class TrafficModel {
  private readonly index: RuleIndex;
  private readonly facts: HostFacts;

  constructor(
    ruleset: ParsedRuleset,
    links: readonly Link[],
    routes: readonly Route[],
    readonly outside: Outside,
  ) {
    // Native nftables tables have names like 'ip docker-bridges' and never collide with 'filter'/'nat'.
    this.index = indexRuleset(ruleset);
    this.facts = hostFacts(links, routes);
  }

  hasChain(table: string, chain: string): boolean {
    return this.index.hasChain(table, chain);
  }

  policyOf(table: string, chain: string): string | null {
    return this.index.policyOf(table, chain);
  }

  private walk(table: string, chain: string, packet: Packet, inInterface: string | null, outInterface: string | null, established: boolean): Walk {
    const state = { ...initialState(packet, inInterface, outInterface), established };
    const env: WalkEnv = { index: this.index, facts: this.facts, state, record: createRecord() };
    const verdict = walkHook(env, table, chain);
    const last = env.record.steps.at(-1);
    const deciding = last && ['accept', 'drop', 'reject', 'policy', 'masquerade', 'snat'].includes(last.verdict) ? last : null;
    // A MASQUERADE out of an interface without a known address is still a MASQUERADE: the walk stops there, unresolved.
    const { caveats, caveatMessages } = env.record;
    const unresolved = caveats.findIndex((c) => /^The (MASQUERADE|SNAT target) /.test(c));
    const others = caveats.map((_, i) => i).filter((i) => i !== unresolved);
    return {
      verdict,
      decidedBy: deciding?.description ?? caveats[unresolved] ?? null,
      decidedByMessage: deciding?.descriptionMessage ?? caveatMessages[unresolved] ?? null,
      decidedIn: deciding?.stage ?? null,
      caveats: others.map((i) => caveats[i]!),
      caveatMessages: others.map((i) => caveatMessages[i]!),
      snat: state.snat || unresolved >= 0,
    };
  }

  private packetOut(net: BridgeNetwork): Packet {
    return { protocol: 'tcp', source: net.containerAddress, destination: this.outside.destination, port: 443 };
  }

  /** A new connection from a container of the network to outside, through filter FORWARD. */
  outbound(net: BridgeNetwork): Walk {
    return this.walk('filter', 'FORWARD', this.packetOut(net), net.bridge, this.outside.device, false);
  }

  /** The reply to it coming back (conntrack ESTABLISHED), through filter FORWARD. */
  reply(net: BridgeNetwork): Walk {
    const packet: Packet = { protocol: 'tcp', source: this.outside.destination, destination: net.containerAddress, port: 40000 };
    return this.walk('filter', 'FORWARD', packet, this.outside.device, net.bridge, true);
  }

  /** The new connection in nat POSTROUTING: is its source rewritten? */
  postrouting(net: BridgeNetwork): Walk {
    return this.walk('nat', 'POSTROUTING', this.packetOut(net), net.bridge, this.outside.device, false);
  }
}

/**
 * A MASQUERADE/SNAT of the network's traffic in a native nftables table (Docker 29's nftables
 * backend keeps it there, behind verdict maps the evaluator does not walk): a rule whose source
 * covers the container and whose output interface does not exclude the way out.
 */
export function nativeMasquerade(ruleset: ParsedRuleset, net: BridgeNetwork, outside: Outside): Message | null {
  const rule = ruleset.rules.find((r) => {
    if (r.family !== 'ipv4' || !r.table.includes(' ') || !['MASQUERADE', 'SNAT'].includes(r.target)) return false;
    const m = r.match;
    const source = m.source === null || inCidr(m.source, net.containerAddress) !== m.sourceNegated;
    const out = m.outInterface === null || (m.outInterfaceNegated ? m.outInterface === net.bridge : m.outInterface === outside.device);
    return source && out;
  });
  return rule ? message('engine-doctor:nativeMasquerade', { target: rule.target, table: rule.table, chain: rule.chain, spec: rule.spec }) : null;
}

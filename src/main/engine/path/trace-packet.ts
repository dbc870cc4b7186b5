// Where a new connection to ip:port goes and which rule decides each step, evaluated the way
// netfilter and the kernel's routing treat its first packet. Pure: a function of the inputs.
import { hostFacts, type HostFacts } from './host-facts';
import { addressPart, inCidr, isIpv4, isLoopbackIpv4, isMulticastIpv4, parseCidr } from '../../netcore/addresses/ipv4';
import type { Route } from './parse-ip-route';
import { localLeg, outLeg, routeStep, unroutable, type Trace } from './path-legs';
import { runHook } from './run-hook';
import type { Packet, PathInput, PathOutcome, PathResult } from './path-types';
import { lookupRoute, type RouteDecision } from './route-lookup';
import { indexRuleset } from './rule-index';
import { originOf, type Origin } from './source-of';
import { standingCaveats } from './standing-caveats';
import { createRecord, initialState, type WalkEnv } from './walk-state';

const IP_FORWARD = 'Forwarding assumes net.ipv4.ip_forward=1 (Docker and netavark turn it on); sysctls are not read.';
const SAME_BRIDGE =
  'In and out by the same bridge: between its ports packets (and replies) are switched at layer 2, and iptables sees them only with br_netfilter (bridge-nf-call-iptables=1, which Docker arranges); this path assumes it is on.';
const HAIRPIN = 'Going back out the bridge port it came in by needs hairpin mode on that port (Docker sets it when the userland proxy is off); it is not read here.';
const LOOPBACK_DNAT =
  'A peer that sends to 127.0.0.1 with this host\'s MAC address gets past "bound to 127.0.0.1": nat PREROUTING rewrites the destination before the kernel\'s martian check (moby/moby#41872).';

function martian(env: WalkEnv, device: string): PathOutcome {
  const description = `${env.state.packet.destination} is a loopback address arriving on ${device}: the kernel drops it as a martian destination.`;
  env.record.step({ stage: 'routing', description, ruleId: null, verdict: 'drop', nodeIds: [`link:${device}`] });
  env.record.caveat(`net.ipv4.conf.${device}.route_localnet is not read; set to 1 it would route loopback destinations from outside instead of dropping them.`);
  return { kind: 'dropped', description, interface: device };
}

function forwardArriving(trace: Trace, decision: Extract<RouteDecision, { kind: 'forward' }>, origin: string): PathOutcome {
  const { env } = trace;
  const { device, gateway, route } = decision;
  env.state.outInterface = device;
  const via = gateway ? ` via ${gateway}` : '';
  routeStep(env, `${env.state.packet.destination} is not a host address; route ${route.destination} sends it out by ${device}${via}: forwarded.`, device);
  env.record.caveat(IP_FORWARD);
  const sameBridge = env.state.inInterface === device && env.facts.linkNamed(device)?.kind === 'bridge';
  if (sameBridge) env.record.caveat(SAME_BRIDGE);
  const end = runHook(env, 'forward');
  if (end) return end;
  const outcome = outLeg(trace, device, gateway);
  if (sameBridge && outcome.kind === 'container' && env.state.packet.destination === origin) env.record.caveat(HAIRPIN);
  return outcome;
}

function traceArriving(trace: Trace, origin: Extract<Origin, { kind: 'arriving' }>): PathOutcome {
  const { env } = trace;
  origin.steps.forEach(env.record.step);
  Object.assign(env.state, initialState({ ...env.state.packet, source: origin.source }, origin.inInterface, null));
  const asked = env.state.packet.destination;
  const end = runHook(env, 'prerouting');
  if (end) return end;
  const destination = env.state.packet.destination;
  // The martian check belongs to routing, so it sees the destination after any DNAT.
  if (isLoopbackIpv4(destination) && origin.inInterface !== 'lo') return martian(env, origin.inInterface);
  if (isLoopbackIpv4(asked) && env.state.dnat) env.record.caveat(LOOPBACK_DNAT);
  const decision = lookupRoute(env.facts, destination);
  if (decision.kind === 'local') {
    routeStep(env, `${destination} is an address of this host (on ${decision.device}): delivered locally.`, decision.device);
    return localLeg(trace, decision.device, [['input']]);
  }
  if (decision.kind === 'forward') return forwardArriving(trace, decision, origin.source);
  return unroutable(env, decision);
}

/** The source address the kernel picks for a locally generated packet on this route. */
function hostSource(facts: HostFacts, decision: Extract<RouteDecision, { kind: 'local' | 'forward' }>, destination: string): string {
  if (decision.kind === 'forward') {
    return decision.route.prefsrc ?? addressPart(facts.primaryAddress(decision.device) ?? '0.0.0.0');
  }
  const local = facts.routes
    .filter((r) => r.type === 'local' && r.prefsrc !== null && inCidr(r.destination, destination))
    .sort((a, b) => (parseCidr(b.destination)?.prefix ?? 0) - (parseCidr(a.destination)?.prefix ?? 0))[0];
  return local?.prefsrc ?? (isLoopbackIpv4(destination) ? '127.0.0.1' : destination);
}

// Chains up to the nat priority (-100) run before the kernel routes a rewritten packet again.
const beforeRerouting = (priority: number) => priority <= -100;

const outDevice = (decision: Extract<RouteDecision, { kind: 'local' | 'forward' }>) => (decision.kind === 'local' ? 'lo' : decision.device);

function traceFromHost(trace: Trace, caveats: string[]): PathOutcome {
  const { env } = trace;
  caveats.forEach(env.record.caveat);
  const { protocol, destination, port } = env.state.packet;
  const first = lookupRoute(env.facts, destination);
  if (first.kind !== 'local' && first.kind !== 'forward') return unroutable(env, first);
  Object.assign(env.state, initialState({ ...env.state.packet, source: hostSource(env.facts, first, destination) }, null, outDevice(first)));
  const { source } = env.state.packet;
  routeStep(env, `A host process opens a ${protocol.toUpperCase()} connection to ${destination}:${port}; routing sends it by ${outDevice(first)} from ${source}.`, outDevice(first));
  const early = runHook(env, 'output', { priorities: beforeRerouting });
  if (early) return early;
  let decision = first;
  if (env.state.packet.destination !== destination) {
    const again = lookupRoute(env.facts, env.state.packet.destination);
    if (again.kind !== 'local' && again.kind !== 'forward') return unroutable(env, again);
    decision = again;
    env.state.outInterface = outDevice(again);
    routeStep(env, `Re-routed after the rewrite: ${env.state.packet.destination} goes out by ${outDevice(again)}.`, outDevice(again));
  }
  const filtered = runHook(env, 'output', { priorities: (p) => !beforeRerouting(p) });
  if (filtered) return filtered;
  if (decision.kind === 'forward') {
    if (isLoopbackIpv4(env.state.packet.source)) {
      env.record.caveat(`A loopback source leaving by ${decision.device} needs route_localnet=1 there (Docker sets it when the userland proxy is off, netavark on its bridges) and a rule that masquerades it; sysctls are not read.`);
    }
    return outLeg(trace, decision.device, decision.gateway);
  }
  // To the host itself: out by lo through POSTROUTING, then back in by lo (nat is already bound).
  const posted = runHook(env, 'postrouting');
  if (posted) return posted;
  env.state.inInterface = 'lo';
  return localLeg(trace, decision.device, [['prerouting', { skipNat: true }], ['input', { skipNat: true }]]);
}

const isBroadcast = (routes: readonly Route[], destination: string) =>
  destination === '255.255.255.255' || routes.some((r) => r.type === 'broadcast' && r.destination === `${destination}/32`);

export function tracePacket(input: PathInput): PathResult {
  const { protocol, destination, port } = input.packet;
  const packet: Packet = { protocol, source: '', destination, port };
  if (!isIpv4(destination)) {
    return { steps: [], outcome: { kind: 'unknown', description: `Only IPv4 destinations are traced; ${destination} is not one.` }, caveats: [], packet };
  }
  if (isMulticastIpv4(destination) || isBroadcast(input.routes, destination)) {
    return { steps: [], outcome: { kind: 'unknown', description: `${destination} is a broadcast or multicast address; only unicast paths are traced.` }, caveats: [], packet };
  }
  const facts = hostFacts(input.links, input.routes);
  const record = createRecord();
  standingCaveats(input.ruleset, input.routes).forEach(record.caveat);
  const origin = originOf(input, facts);
  if (origin.kind === 'stuck') return { steps: record.steps, outcome: origin.outcome, caveats: record.caveats, packet: { ...packet, source: origin.source } };
  const env: WalkEnv = { index: indexRuleset(input.ruleset), facts, state: initialState(packet, null, null), record };
  const trace: Trace = { input, env };
  const outcome = origin.kind === 'arriving' ? traceArriving(trace, origin) : traceFromHost(trace, origin.caveats);
  return { steps: record.steps, outcome, caveats: record.caveats, packet: { ...env.state.packet } };
}

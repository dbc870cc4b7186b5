// Where a new connection to ip:port goes and which rule decides each step, evaluated the way
// netfilter and the kernel's routing treat its first packet. Pure: a function of the inputs.
import type { Message } from '../../../shared/message';
import { hostFacts, type HostFacts } from './host-facts';
import { addressPart, inCidr, isIpv4, isLoopbackIpv4, isMulticastIpv4, parseCidr } from '../../netcore/addresses/ipv4';
import type { Route } from './parse-ip-route';
import { localLeg, outLeg, routeStep, unroutable, type Trace } from './path-legs';
import { pathMessage as p, said } from './path-message';
import { runHook } from './run-hook';
import type { Packet, PathInput, PathOutcome, PathResult } from './path-types';
import { lookupRoute, type RouteDecision } from './route-lookup';
import { indexRuleset } from './rule-index';
import { originOf, type Origin } from './source-of';
import { standingCaveats } from './standing-caveats';
import { createRecord, initialState, type WalkEnv } from './walk-state';

const IP_FORWARD = p('caveat.ipForward');
const SAME_BRIDGE = p('caveat.sameBridge');
const HAIRPIN = p('caveat.hairpin');
const LOOPBACK_DNAT = p('caveat.loopbackDnat');

function martian(env: WalkEnv, device: string): PathOutcome {
  const description = said(p('step.martian', { destination: env.state.packet.destination, device }));
  env.record.step({ stage: 'routing', ...description, ruleId: null, verdict: 'drop', nodeIds: [`link:${device}`] });
  env.record.caveat(p('caveat.routeLocalnet', { device }));
  return { kind: 'dropped', ...description, interface: device };
}

function forwardArriving(trace: Trace, decision: Extract<RouteDecision, { kind: 'forward' }>, origin: string): PathOutcome {
  const { env } = trace;
  const { device, gateway, route } = decision;
  env.state.outInterface = device;
  const routed = { destination: env.state.packet.destination, route: route.destination, device };
  routeStep(env, gateway ? p('step.forwardedVia', { ...routed, gateway }) : p('step.forwarded', routed), device);
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
    routeStep(env, p('step.deliveredLocally', { destination, device: decision.device }), decision.device);
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

function traceFromHost(trace: Trace, caveats: Message[]): PathOutcome {
  const { env } = trace;
  caveats.forEach(env.record.caveat);
  const { protocol, destination, port } = env.state.packet;
  const first = lookupRoute(env.facts, destination);
  if (first.kind !== 'local' && first.kind !== 'forward') return unroutable(env, first);
  Object.assign(env.state, initialState({ ...env.state.packet, source: hostSource(env.facts, first, destination) }, null, outDevice(first)));
  const { source } = env.state.packet;
  routeStep(env, p('step.hostOpens', { protocol: protocol.toUpperCase(), to: `${destination}:${port}`, device: outDevice(first), source }), outDevice(first));
  const early = runHook(env, 'output', { priorities: beforeRerouting });
  if (early) return early;
  let decision = first;
  if (env.state.packet.destination !== destination) {
    const again = lookupRoute(env.facts, env.state.packet.destination);
    if (again.kind !== 'local' && again.kind !== 'forward') return unroutable(env, again);
    decision = again;
    env.state.outInterface = outDevice(again);
    routeStep(env, p('step.rerouted', { destination: env.state.packet.destination, device: outDevice(again) }), outDevice(again));
  }
  const filtered = runHook(env, 'output', { priorities: (p) => !beforeRerouting(p) });
  if (filtered) return filtered;
  if (decision.kind === 'forward') {
    if (isLoopbackIpv4(env.state.packet.source)) {
      env.record.caveat(p('caveat.loopbackSource', { device: decision.device }));
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
    return { steps: [], outcome: { kind: 'unknown', ...said(p('outcome.notIpv4', { destination })) }, caveats: [], caveatMessages: [], packet };
  }
  if (isMulticastIpv4(destination) || isBroadcast(input.routes, destination)) {
    return { steps: [], outcome: { kind: 'unknown', ...said(p('outcome.notUnicast', { destination })) }, caveats: [], caveatMessages: [], packet };
  }
  const facts = hostFacts(input.links, input.routes);
  const record = createRecord();
  standingCaveats(input.ruleset, input.routes).forEach(record.caveat);
  const origin = originOf(input, facts);
  const { steps, caveats, caveatMessages } = record;
  if (origin.kind === 'stuck') return { steps, outcome: origin.outcome, caveats, caveatMessages, packet: { ...packet, source: origin.source } };
  const env: WalkEnv = { index: indexRuleset(input.ruleset), facts, state: initialState(packet, null, null), record };
  const trace: Trace = { input, env };
  const outcome = origin.kind === 'arriving' ? traceArriving(trace, origin) : traceFromHost(trace, origin.caveats);
  return { steps, outcome, caveats, caveatMessages, packet: { ...env.state.packet } };
}

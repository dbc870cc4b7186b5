// The legs of a path after the routing decision: delivery to the host itself, forwarding, and the
// way out of the host. Each records its steps and returns how the path ends.
import type { Message } from '../../../shared/message';
import { nodeId } from '../../../shared/topology/graph';
import { deliverLocally } from './deliver-local';
import { deliverOut } from './deliver-out';
import { pathMessage as p, said } from './path-message';
import type { PathInput, PathOutcome } from './path-types';
import type { RouteDecision } from './route-lookup';
import type { Hook } from './hook-chains';
import { runHook, type HookOptions } from './run-hook';
import type { WalkEnv } from './walk-state';

export interface Trace {
  input: PathInput;
  env: WalkEnv;
}

export function routeStep(env: WalkEnv, description: Message, device: string): void {
  env.record.step({ stage: 'routing', ...said(description), ruleId: null, verdict: 'route', nodeIds: [nodeId.link(device)] });
}

export function unroutable(env: WalkEnv, decision: Exclude<RouteDecision, { kind: 'local' | 'forward' }>): PathOutcome {
  const destination = env.state.packet.destination;
  if (decision.kind === 'none') {
    const description = said(p('step.noRoute', { destination }));
    env.record.step({ stage: 'routing', ...description, ruleId: null, verdict: 'drop', nodeIds: [] });
    return { kind: 'no-route', ...description };
  }
  const { type, destination: prefix } = decision.route;
  const description = said(p(type === 'blackhole' ? 'step.routeDrops' : 'step.routeRefuses', { type, prefix, destination }));
  env.record.step({ stage: 'routing', ...description, ruleId: null, verdict: type === 'blackhole' ? 'drop' : 'reject', nodeIds: [] });
  if (type === 'throw') return { kind: 'no-route', ...description };
  return { kind: type === 'blackhole' ? 'dropped' : 'rejected', ...description };
}

/** Runs hooks in order until one stops the packet. */
export function runHooks(env: WalkEnv, hooks: Array<[Hook, HookOptions?]>): PathOutcome | null {
  for (const [hook, options] of hooks) {
    const end = runHook(env, hook, options);
    if (end) return end;
  }
  return null;
}

/** Delivery to the host itself: the input hook (after any given before it), then the socket. */
export function localLeg(trace: Trace, device: string, hooks: Array<[Hook, HookOptions?]>): PathOutcome {
  const { env, input } = trace;
  env.state.outInterface = null;
  const end = runHooks(env, hooks);
  if (end) return end;
  const local = deliverLocally(input.listeners, input.containers, env.state.packet, device);
  env.record.step(local.step);
  local.caveats.forEach(env.record.caveat);
  return local.outcome;
}

/** Out of the host's IP stack by `device`: the POSTROUTING hook, then the bridge or the wire. */
export function outLeg(trace: Trace, device: string, gateway: string | null): PathOutcome {
  const { env, input } = trace;
  const end = runHook(env, 'postrouting');
  if (end) return end;
  const out = deliverOut(env.facts, input.containers, env.state.packet, device, gateway);
  out.steps.forEach(env.record.step);
  out.caveats.forEach(env.record.caveat);
  return out.outcome;
}

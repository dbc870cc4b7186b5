// The routing decision for a destination: local delivery, or the best route of table main
// (longest prefix, then lowest metric). Policy routing rules are not read. Pure.
import type { HostFacts } from './host-facts';
import { inCidr, parseCidr } from '../../netcore/addresses/ipv4';
import type { Route } from './parse-ip-route';

export type RouteDecision =
  | { kind: 'local'; device: string }
  | { kind: 'forward'; route: Route; device: string; gateway: string | null }
  | { kind: 'blocked'; route: Route }
  | { kind: 'none' };

const FORWARDING_TYPES = new Set(['unicast']);
const BLOCKING_TYPES = new Set(['blackhole', 'unreachable', 'prohibit', 'throw']);

const prefixOf = (route: Route) => parseCidr(route.destination)?.prefix ?? -1;

/** The most specific route of table main covering the destination. */
export function bestMainRoute(routes: readonly Route[], destination: string): Route | null {
  const candidates = routes.filter(
    (r) => r.table === 'main' && (FORWARDING_TYPES.has(r.type) || BLOCKING_TYPES.has(r.type)) && inCidr(r.destination, destination),
  );
  candidates.sort((a, b) => prefixOf(b) - prefixOf(a) || (a.metric ?? 0) - (b.metric ?? 0));
  return candidates[0] ?? null;
}

/** A route naming only a gateway leaves by the device of the route that reaches that gateway. */
function deviceOf(routes: readonly Route[], route: Route): string | null {
  if (route.dev !== null) return route.dev;
  if (route.gateway === null) return null;
  const toGateway = bestMainRoute(routes, route.gateway);
  return toGateway !== null && toGateway !== route ? toGateway.dev : null;
}

export function lookupRoute(facts: HostFacts, destination: string): RouteDecision {
  if (facts.isLocal(destination)) return { kind: 'local', device: facts.linkHolding(destination) ?? 'lo' };
  const route = bestMainRoute(facts.routes, destination);
  if (route === null) return { kind: 'none' };
  if (BLOCKING_TYPES.has(route.type)) return { kind: 'blocked', route };
  const device = deviceOf(facts.routes, route);
  return device === null ? { kind: 'none' } : { kind: 'forward', route, device, gateway: route.gateway };
}

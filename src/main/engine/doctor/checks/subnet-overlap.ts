// A Docker subnet that overlaps a host route (a VPN on 172.17.0.0/16 is the classic): the more
// specific route wins, so either containers or that network become unreachable.
import type { DoctorCheck } from '../../../../shared/doctor-model';
import type { Message } from '../../../../shared/message';
import { addressPart, inCidr, parseCidr } from '../../../netcore/addresses/ipv4';
import type { Route } from '../../path/parse-ip-route';
import type { DoctorContext } from '../doctor-context';
import { check, clauses, dockerUnreachable, say } from './check-base';

const ID = 'subnet-overlap';

export function cidrsOverlap(a: string, b: string): boolean {
  return inCidr(a, addressPart(a)) && inCidr(b, addressPart(b)) && (inCidr(a, addressPart(b)) || inCidr(b, addressPart(a)));
}

/** The route as `ip route` writes it (data, not words). */
const describeRoute = (r: Route) => `${r.destination}${r.gateway ? ` via ${r.gateway}` : ''}${r.dev ? ` dev ${r.dev}` : ''}${r.table !== 'main' ? ` table ${r.table}` : ''}`;

export function subnetOverlapCheck(ctx: DoctorContext): DoctorCheck {
  const lookedAt = [say('subnetOverlap.lookedAt.subnets'), say('subnetOverlap.lookedAt.routes')];
  const unreachable = dockerUnreachable(ID, ctx, lookedAt);
  if (unreachable) return unreachable;
  const routes = ctx.facts.routes;
  if (routes === null) return check(ID, { status: 'warn', detail: say('subnetOverlap.routesUnreadable'), lookedAt });
  const docker = ctx.facts.docker;
  const networks = docker.available ? docker.networks.filter((n) => n.driver === 'bridge') : [];
  const clashes: Message[] = [];
  for (const network of networks) {
    for (const { subnet } of network.subnets) {
      if (parseCidr(subnet) === null || !subnet.includes('.')) continue;
      const overlapping = routes.filter(
        (r) => r.type === 'unicast' && r.table !== 'local' && r.dev !== network.bridge && parseCidr(r.destination)?.prefix !== 0 && cidrsOverlap(subnet, r.destination),
      );
      for (const route of overlapping) clashes.push(say('subnetOverlap.clash', { network: network.name, subnet, bridge: network.bridge ?? '?', route: describeRoute(route) }));
    }
  }
  if (clashes.length === 0) return check(ID, { status: 'ok', detail: say('subnetOverlap.clear', { networks: networks.length, routes: routes.length }), lookedAt });
  return check(ID, { status: 'fail', detail: say('subnetOverlap.overlaps', { clashes: clauses(clashes) }), lookedAt });
}

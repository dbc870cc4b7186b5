// A Docker subnet that overlaps a host route (a VPN on 172.17.0.0/16 is the classic): the more
// specific route wins, so either containers or that network become unreachable.
import type { DoctorCheck } from '../../../../shared/doctor-model';
import { message } from '../../../../shared/message';
import { addressPart, inCidr, parseCidr } from '../../../netcore/addresses/ipv4';
import type { Route } from '../../path/parse-ip-route';
import type { DoctorContext } from '../doctor-context';
import { dockerUnreachable } from './check-base';

const ID = 'subnet-overlap';
const TITLE = "Docker subnets clear of the host's routes";

export function cidrsOverlap(a: string, b: string): boolean {
  return inCidr(a, addressPart(a)) && inCidr(b, addressPart(b)) && (inCidr(a, addressPart(b)) || inCidr(b, addressPart(a)));
}

const describeRoute = (r: Route) => `${r.destination}${r.gateway ? ` via ${r.gateway}` : ''}${r.dev ? ` dev ${r.dev}` : ''}${r.table !== 'main' ? ` table ${r.table}` : ''}`;

export function subnetOverlapCheck(ctx: DoctorContext): DoctorCheck {
  const lookedAt = ['subnets of bridge networks (Docker API)', 'every IPv4 route of every table (ip -j route show table all)'];
  const unreachable = dockerUnreachable(ID, TITLE, ctx, lookedAt);
  if (unreachable) return unreachable;
  const routes = ctx.facts.routes;
  if (routes === null) return { id: ID, title: TITLE, status: 'warn', detail: 'The routes could not be read (ip route failed).', lookedAt };
  const docker = ctx.facts.docker;
  const networks = docker.available ? docker.networks.filter((n) => n.driver === 'bridge') : [];
  const clashes: string[] = [];
  for (const network of networks) {
    for (const { subnet } of network.subnets) {
      if (parseCidr(subnet) === null || !subnet.includes('.')) continue;
      const overlapping = routes.filter(
        (r) => r.type === 'unicast' && r.table !== 'local' && r.dev !== network.bridge && parseCidr(r.destination)?.prefix !== 0 && cidrsOverlap(subnet, r.destination),
      );
      for (const route of overlapping) clashes.push(`${network.name} (${subnet}, bridge ${network.bridge ?? '?'}) overlaps the route ${describeRoute(route)}`);
    }
  }
  if (clashes.length === 0) {
    return { id: ID, title: TITLE, status: 'ok', detail: `No bridge network's subnet overlaps a route of this host other than its own bridge's (${networks.length} networks, ${routes.length} routes).`, detailMessage: message('engine-doctor:subnetOverlap.clear', { networks: networks.length, routes: routes.length }), lookedAt };
  }
  return {
    id: ID,
    title: TITLE,
    status: 'fail',
    detail: `${clashes.join('; ')}. The more specific route wins: either the containers or the hosts behind that route (often a VPN) cannot be reached from here. Recreate the network with a free subnet (\`bridgeport networks create\` suggests one), or move Docker's defaults with "bip" / "default-address-pools" in daemon.json.`,
    lookedAt,
  };
}

// Parses `ip -j route show table all` (better: `ip -4 -j route show table all`) into IPv4 routes.
// Pure: no I/O. Missing fields get the kernel's defaults (type unicast, table main).
import { z } from 'zod';
import { isIpv4, parseCidr } from '../../netcore/addresses/ipv4';

export interface Route {
  /** Always 'a.b.c.d/len': 'default' becomes 0.0.0.0/0, a bare address a /32. */
  destination: string;
  /** local, broadcast, unicast, blackhole, unreachable, prohibit, throw … */
  type: string;
  table: string;
  dev: string | null;
  gateway: string | null;
  prefsrc: string | null;
  protocol: string | null;
  scope: string | null;
  metric: number | null;
}

const nexthopSchema = z.looseObject({ dev: z.string().optional(), gateway: z.string().optional() });

const ipRouteSchema = z.looseObject({
  dst: z.string().optional(),
  type: z.string().optional(),
  table: z.union([z.string(), z.number()]).optional(),
  dev: z.string().optional(),
  gateway: z.string().optional(),
  prefsrc: z.string().optional(),
  protocol: z.union([z.string(), z.number()]).optional(),
  scope: z.union([z.string(), z.number()]).optional(),
  metric: z.number().optional(),
  /** Only IPv6 routes carry a router preference; it tells an IPv6 'default' apart. */
  pref: z.string().optional(),
  nexthops: z.array(nexthopSchema).optional(),
});

type IpRoute = z.infer<typeof ipRouteSchema>;

function destinationOf(dst: string | undefined): string | null {
  if (dst === undefined) return null;
  if (dst === 'default') return '0.0.0.0/0';
  if (!parseCidr(dst)) return null;
  return dst.includes('/') ? dst : `${dst}/32`;
}

function looksIpv6(r: IpRoute): boolean {
  const addresses = [r.dst, r.gateway, r.prefsrc, r.nexthops?.[0]?.gateway];
  return r.pref !== undefined || addresses.some((a) => a !== undefined && a.includes(':'));
}

const textOf = (value: string | number | undefined): string | null => (value === undefined ? null : String(value));

function toRoute(r: IpRoute, destination: string): Route {
  // A multipath route names its devices per next hop; the first one stands for it.
  const hop = r.nexthops?.[0];
  const gateway = r.gateway ?? hop?.gateway ?? null;
  return {
    destination,
    type: r.type ?? 'unicast',
    table: textOf(r.table) ?? 'main',
    dev: r.dev ?? hop?.dev ?? null,
    gateway: gateway !== null && isIpv4(gateway) ? gateway : null,
    prefsrc: r.prefsrc ?? null,
    protocol: textOf(r.protocol),
    scope: textOf(r.scope),
    metric: r.metric ?? null,
  };
}

/** The JSON text printed by `ip -j route show table all`; IPv6 routes are left out. */
export function parseIpRoutes(jsonText: string): Route[] {
  const trimmed = jsonText.trim();
  if (trimmed === '') return [];
  const parsed = z.array(ipRouteSchema).parse(JSON.parse(trimmed));
  const routes: Route[] = [];
  for (const r of parsed) {
    if (looksIpv6(r)) continue;
    const destination = destinationOf(r.dst);
    if (destination !== null) routes.push(toRoute(r, destination));
  }
  return routes;
}

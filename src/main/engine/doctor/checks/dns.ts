// The host's DNS servers as containers see them: Docker copies resolv.conf without loopback
// nameservers (a container cannot reach the host's 127.x); with none left, it hands out Google's
// 8.8.8.8 and 8.8.4.4, which networks that block outside DNS never answer.
import type { DoctorCheck } from '../../../../shared/doctor-model';
import { message } from '../../../../shared/message';
import { inCidr, isIpv4, isLoopbackIpv4 } from '../../../netcore/addresses/ipv4';
import type { DoctorContext } from '../doctor-context';
import { nameserversOf } from '../parse-resolv-conf';
import { list } from './check-base';

const ID = 'dns';
const TITLE = 'DNS servers containers can use';
const RESOLVED_STUB = '127.0.0.53';

const isLoopback = (server: string) => server === '::1' || (isIpv4(server) && isLoopbackIpv4(server));

const FALLBACK =
  'Docker gives containers on the default bridge Google\'s 8.8.8.8 and 8.8.4.4 instead; if this network blocks outside DNS, names do not resolve in containers. Fix by hand: set "dns" in /etc/docker/daemon.json to a server containers can reach (your LAN\'s resolver), then restart Docker.';

export function dnsCheck(ctx: DoctorContext): DoctorCheck {
  const { resolvConf, resolvedUpstream } = ctx.facts;
  const lookedAt = [resolvConf.path];
  const configured = ctx.daemon.dns;
  if (configured) lookedAt.push(`dockerd's dns setting: ${configured.source}`);
  if (configured && configured.value.some((s) => !isLoopback(s))) {
    const detail = `dockerd hands containers the DNS servers ${list(configured.value)} (${configured.source}).`;
    // Messages carry one server; a list joined with "and" stays in English.
    const one = configured.value.length === 1 ? { detailMessage: message('engine-doctor:dns.configured', { server: configured.value[0]!, source: configured.source }) } : {};
    return { id: ID, title: TITLE, status: 'ok', detail, ...one, lookedAt };
  }
  if (resolvConf.error) return { id: ID, title: TITLE, status: 'warn', detail: `${resolvConf.path} could not be read (${resolvConf.error}).`, lookedAt };
  const servers = resolvConf.text === null ? [] : nameserversOf(resolvConf.text);
  const reachable = servers.filter((s) => !isLoopback(s));
  const loopback = servers.filter(isLoopback);
  if (reachable.length > 0) {
    const subnets = ctx.bridges.map((b) => ({ name: b.network.name, subnet: b.subnet }));
    const shadowed = reachable.filter((s) => subnets.some((n) => inCidr(n.subnet, s)));
    const dropped = loopback.length > 0 ? ` (${list(loopback)} ${loopback.length === 1 ? 'is' : 'are'} left out: loopback)` : '';
    if (shadowed.length === reachable.length) {
      return {
        id: ID,
        title: TITLE,
        status: 'fail',
        detail: `Every nameserver containers would get (${list(shadowed)}) lies inside a Docker network's subnet, so containers look for it on their own bridge instead of the real server. See the subnet-overlap check.`,
        lookedAt,
      };
    }
    const one = reachable.length === 1 && !dropped ? { detailMessage: message('engine-doctor:dns.host', { server: reachable[0]! }) } : {};
    return { id: ID, title: TITLE, status: 'ok', detail: `Containers get the host's nameservers ${list(reachable)}${dropped}.`, ...one, lookedAt };
  }
  if (loopback.includes(RESOLVED_STUB)) {
    lookedAt.push(resolvedUpstream.path);
    const upstream = resolvedUpstream.text === null ? [] : nameserversOf(resolvedUpstream.text).filter((s) => !isLoopback(s));
    if (upstream.length > 0) {
      return {
        id: ID,
        title: TITLE,
        status: 'ok',
        detail: `${resolvConf.path} names only systemd-resolved's stub (${RESOLVED_STUB}); Docker then gives containers its upstream servers ${list(upstream)} from ${resolvedUpstream.path}.`,
        lookedAt,
      };
    }
  }
  const what = servers.length === 0 ? `${resolvConf.path} ${resolvConf.text === null ? 'does not exist' : 'names no nameserver'}` : `${resolvConf.path} names only loopback nameservers (${list(loopback)}), which containers cannot reach`;
  return { id: ID, title: TITLE, status: 'warn', detail: `${what}. ${FALLBACK}`, lookedAt };
}

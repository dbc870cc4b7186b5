// The host's DNS servers as containers see them: Docker copies resolv.conf without loopback
// nameservers (a container cannot reach the host's 127.x); with none left, it hands out Google's
// 8.8.8.8 and 8.8.4.4, which networks that block outside DNS never answer.
import type { DoctorCheck } from '../../../../shared/doctor-model';
import type { Message } from '../../../../shared/message';
import { inCidr, isIpv4, isLoopbackIpv4 } from '../../../netcore/addresses/ipv4';
import type { DoctorContext } from '../doctor-context';
import { nameserversOf } from '../parse-resolv-conf';
import { check, daemonSetting, list, say, text } from './check-base';

const ID = 'dns';
const RESOLVED_STUB = '127.0.0.53';

const isLoopback = (server: string) => server === '::1' || (isIpv4(server) && isLoopbackIpv4(server));
const listOf = (servers: readonly string[]) => list(servers.map(text));

export function dnsCheck(ctx: DoctorContext): DoctorCheck {
  const { resolvConf, resolvedUpstream } = ctx.facts;
  const lookedAt: Message[] = [text(resolvConf.path)];
  const configured = ctx.daemon.dns;
  if (configured) lookedAt.push(daemonSetting('dns', configured.sourceMessage));
  if (configured && configured.value.some((s) => !isLoopback(s))) {
    return check(ID, { status: 'ok', detail: say('dns.configured', { servers: listOf(configured.value), source: configured.sourceMessage }), lookedAt });
  }
  if (resolvConf.error) return check(ID, { status: 'warn', detail: say('fileUnreadable', { path: resolvConf.path, error: resolvConf.error }), lookedAt });
  const servers = resolvConf.text === null ? [] : nameserversOf(resolvConf.text);
  const reachable = servers.filter((s) => !isLoopback(s));
  const loopback = servers.filter(isLoopback);
  if (reachable.length > 0) {
    const subnets = ctx.bridges.map((b) => ({ name: b.network.name, subnet: b.subnet }));
    const shadowed = reachable.filter((s) => subnets.some((n) => inCidr(n.subnet, s)));
    if (shadowed.length === reachable.length) return check(ID, { status: 'fail', detail: say('dns.shadowed', { servers: listOf(shadowed) }), lookedAt });
    const detail =
      loopback.length > 0 ? say('dns.hostWithoutLoopback', { servers: listOf(reachable), loopback: listOf(loopback), count: loopback.length }) : say('dns.host', { servers: listOf(reachable) });
    return check(ID, { status: 'ok', detail, lookedAt });
  }
  if (loopback.includes(RESOLVED_STUB)) {
    lookedAt.push(text(resolvedUpstream.path));
    const upstream = resolvedUpstream.text === null ? [] : nameserversOf(resolvedUpstream.text).filter((s) => !isLoopback(s));
    if (upstream.length > 0) {
      const detail = say('dns.resolvedStub', { path: resolvConf.path, stub: RESOLVED_STUB, servers: listOf(upstream), upstreamPath: resolvedUpstream.path });
      return check(ID, { status: 'ok', detail, lookedAt });
    }
  }
  const what =
    servers.length === 0
      ? say(resolvConf.text === null ? 'dns.noFile' : 'dns.noNameserver', { path: resolvConf.path })
      : say('dns.onlyLoopback', { path: resolvConf.path, servers: listOf(loopback) });
  return check(ID, { status: 'warn', detail: say('dns.fallback', { what }), lookedAt });
}

// Whether a redirect of dockerd's forwarded DNS queries can be scoped to dockerd alone, and where
// it may send them. The kernel matches a socket's cgroup v2 (and its descendants), so the cgroup
// must hold nothing but root's dockerd and its docker-proxy children: anything else in it would
// have its DNS redirected too. Pure: the privileged side gathers the processes.
import { isLoopbackIpv4, parseIpv4 } from '../addresses/ipv4';
import { isRuleSafeCgroupPath } from '../rulesets/dockerd-dns-redirect-rules';
import type { Redirect } from '../rulesets/dns-redirect-rules';
import { redirectTargetProblem } from './dns-redirect-target';

export interface CgroupMember {
  pid: number;
  comm: string;
  uid: number;
}

export interface DockerdScopeFacts {
  /** Root's dockerd processes in this network namespace, with their cgroup v2 path ('' when cgroup v2 is absent). */
  dockerds: Array<{ pid: number; cgroup: string }>;
  /** Where cgroup v2 is mounted, or null. */
  cgroup2Mount: string | null;
  /** Every process in dockerd's cgroup and the cgroups below it (read only when the rest holds). */
  members: CgroupMember[];
}

/** Processes that live in dockerd's own service cgroup and never ask the host's DNS themselves. */
const DOCKERD_FAMILY = new Set(['dockerd', 'docker-proxy']);

export type DockerdScope = { cgroup: string; pid: number } | { problem: string };

/** The cgroup a redirect may match, or why there is none (a sentence). */
export function dockerdScopeOf(facts: DockerdScopeFacts): DockerdScope {
  if (facts.dockerds.length === 0) return { problem: "no dockerd of root's runs in this network namespace" };
  const cgroups = [...new Set(facts.dockerds.map((d) => d.cgroup))];
  if (cgroups.length > 1) return { problem: `more than one dockerd runs here, in cgroups ${cgroups.join(', ')}` };
  const [cgroup] = cgroups as [string];
  const pid = facts.dockerds[0]!.pid;
  if (facts.cgroup2Mount === null || cgroup === '') {
    return { problem: "cgroup v2 is not mounted, so no firewall rule can tell dockerd's DNS queries from other processes'" };
  }
  if (cgroup === '/') return { problem: "dockerd runs in the root cgroup, which every process shares: a redirect there would change every process's DNS" };
  if (!isRuleSafeCgroupPath(cgroup)) return { problem: `dockerd's cgroup ${cgroup} has characters a firewall rule cannot name` };
  const strangers = facts.members.filter((m) => !DOCKERD_FAMILY.has(m.comm) || m.uid !== 0);
  if (strangers.length > 0) {
    const named = strangers.slice(0, 3).map((m) => `${m.comm} (pid ${m.pid})`).join(', ');
    return { problem: `dockerd shares its cgroup ${cgroup} with ${named}${strangers.length > 3 ? ' and others' : ''}: a redirect there would change their DNS too` };
  }
  return { cgroup, pid };
}

/**
 * Null when these redirects mean what the DNS sync may ask for: each sends an old upstream to a
 * server the host's DNS (as dockerd reads it now) lists; else why not (a sentence ending in "refused").
 */
export function dockerdRedirectProblem(redirects: readonly Redirect[], hostServers: readonly string[]): string | null {
  for (const { from, to } of redirects) {
    const target = redirectTargetProblem(to);
    if (target !== null) return target;
    const ip = parseIpv4(from);
    if (ip === null || isLoopbackIpv4(from) || ip === 0 || Math.floor(ip / 2 ** 24) >= 224) return `redirect of ${from} is not of a unicast upstream server; refused`;
    if (!hostServers.includes(to)) {
      return `redirect target ${to} is not a server of the host's DNS that dockerd reads now (${hostServers.join(', ') || 'none'}); refused`;
    }
    if (hostServers.includes(from)) return `${from} is a server of the host's DNS now: it needs no redirect; refused`;
  }
  const froms = redirects.map((r) => r.from);
  if (new Set(froms).size !== froms.length) return 'an upstream is redirected twice; refused';
  return null;
}

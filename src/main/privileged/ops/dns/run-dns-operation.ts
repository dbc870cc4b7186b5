// Runs the DNS operations. I/O; the checks that matter for safety happen here, at the last door:
// container files are reached only through container-files/ (one descriptor per file, no symlink,
// root-owned all the way down) and a redirect goes only into a running container's namespace, pinned by descriptor (meaning/).
import { CommandError, runCommand } from '../../../system/run-command';
import { OperationError, type OperationArgs, type OperationHandlers } from '../../contract/operations';
import type { DnsOperationResults, Redirect } from '../../contract/dns-operations';
import { planRedirectBatch, redirectsIn } from '../../../netcore/rulesets/dns-redirect-rules';
import { applyAndVerify, readIpv4Rules } from '../../firewall/apply-and-verify';
import { pinContainerNamespace, withPinned, type PinnedNamespace } from '../../meaning/pinned-namespace';
import { redirectTargetProblem } from '../../../netcore/meaning/dns-redirect-target';
import { readContainerFiles } from '../../container-files/read-container-files';
import { rewriteResolvConf } from '../../container-files/rewrite-resolv-conf';
import { dockerdRedirectsIn, planDockerdRedirectBatch } from '../../../netcore/rulesets/dockerd-dns-redirect-rules';
import { dockerdRedirectProblem, dockerdScopeOf } from '../../../netcore/meaning/dockerd-dns-scope';
import { dockerdHostServers, readDockerdScopeFacts } from './dockerd-scope-facts';
import { listAardvark, reloadAardvark } from './aardvark-reload';

export type DnsOperationName = keyof DnsOperationResults;

async function readFiles(args: OperationArgs<'dns.readFiles'>): Promise<DnsOperationResults['dns.readFiles']> {
  const read = await readContainerFiles(args.paths);
  return { files: args.paths.map((path) => ({ path, ...read.get(path)! })) };
}

async function writeResolvConf(args: OperationArgs<'dns.writeResolvConf'>): Promise<DnsOperationResults['dns.writeResolvConf']> {
  return rewriteResolvConf(args);
}

/** `nsenter` through the pinned descriptor of a running container's namespace (never this one, never a re-opened pid). */
const inPinned = (ns: PinnedNamespace) => ['nsenter', `--net=${ns.path}`];

async function readRedirectsOf(pid: number): Promise<Redirect[]> {
  return withPinned(pinContainerNamespace(pid), async (ns) => redirectsIn(await readIpv4Rules(inPinned(ns))));
}

async function setRedirects(args: OperationArgs<'dns.setRedirects'>): Promise<DnsOperationResults['dns.setRedirects']> {
  for (const { to } of args.redirects) {
    const problem = redirectTargetProblem(to);
    if (problem !== null) throw new OperationError(problem, 'refused');
  }
  return withPinned(pinContainerNamespace(args.pid), (ns) => setRedirectsIn(ns, args));
}

async function setRedirectsIn(ns: PinnedNamespace, args: OperationArgs<'dns.setRedirects'>): Promise<DnsOperationResults['dns.setRedirects']> {
  const prefix = inPinned(ns);
  const outcome = await applyAndVerify({
    inNamespace: prefix,
    plan: (current) => planRedirectBatch(current, args.redirects),
    failure: () => `the DNS redirect in the namespace of process ${args.pid} did not take`,
  });
  if (outcome.applied === null) return { pid: args.pid, changed: false, redirects: redirectsIn(outcome.before) };
  // A query in flight to an old server stays tracked as going there: forget those so retries follow the DNAT.
  for (const from of new Set([...redirectsIn(outcome.before), ...args.redirects].map((r: Redirect) => r.from))) {
    try {
      await runCommand([...prefix, 'conntrack', '-D', '-p', 'udp', '--orig-dst', from, '--orig-port-dst', '53']);
    } catch (error) {
      if (!(error instanceof CommandError && error.exitCode === 1)) throw error;
    }
  }
  return { pid: args.pid, changed: true, redirects: redirectsIn(outcome.after) };
}

async function readRedirects(args: OperationArgs<'dns.readRedirects'>): Promise<DnsOperationResults['dns.readRedirects']> {
  const entries: Array<readonly [string, Redirect[] | null]> = [];
  // A few at a time: each holds a namespace descriptor and runs nsenter.
  for (let i = 0; i < args.pids.length; i += 16) {
    const batch = args.pids.slice(i, i + 16).map(async (pid) => {
      try {
        return [String(pid), await readRedirectsOf(pid)] as const;
      } catch {
        return [String(pid), null] as const;
      }
    });
    entries.push(...(await Promise.all(batch)));
  }
  return { redirects: Object.fromEntries(entries) };
}

async function readDockerdRedirects(): Promise<DnsOperationResults['dns.readDockerdRedirects']> {
  const [rules, scope] = await Promise.all([readIpv4Rules(), readDockerdScopeFacts().then(dockerdScopeOf)]);
  return { redirects: dockerdRedirectsIn(rules).redirects, scope: 'cgroup' in scope ? scope.cgroup : null, problem: 'problem' in scope ? scope.problem : null };
}

/**
 * The scope is the helper's own finding (never the caller's): root's dockerd, in a cgroup of its
 * own. Removing every redirect needs no dockerd (it may be stopped or restarting).
 */
async function setDockerdRedirects(args: OperationArgs<'dns.setDockerdRedirects'>): Promise<DnsOperationResults['dns.setDockerdRedirects']> {
  let cgroup: string | null = null;
  if (args.redirects.length > 0) {
    const scope = dockerdScopeOf(await readDockerdScopeFacts());
    if ('problem' in scope) throw new OperationError(`dockerd's DNS queries cannot be redirected: ${scope.problem}; refused`, 'refused');
    const problem = dockerdRedirectProblem(args.redirects, await dockerdHostServers(scope.pid));
    if (problem !== null) throw new OperationError(problem, 'refused');
    cgroup = scope.cgroup;
  }
  const outcome = await applyAndVerify({
    plan: (current) => planDockerdRedirectBatch(current, args.redirects, cgroup),
    failure: () => "the redirect of dockerd's DNS queries did not take",
  });
  const now = dockerdRedirectsIn(outcome.after);
  return { changed: outcome.applied !== null, redirects: now.redirects, cgroup: now.cgroup };
}

export const dnsHandlers = {
  'dns.setDockerdRedirects': setDockerdRedirects,
  'dns.readDockerdRedirects': readDockerdRedirects,
  'dns.reloadAardvark': () => reloadAardvark(),
  'dns.listAardvark': async () => ({ processes: await listAardvark() }),
  'dns.readFiles': readFiles,
  'dns.writeResolvConf': writeResolvConf,
  'dns.setRedirects': setRedirects,
  'dns.readRedirects': readRedirects,
} satisfies OperationHandlers<DnsOperationName>;

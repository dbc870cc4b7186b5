// Sentences for the DNS timeline and the desktop notification, from what the policy planned. Pure.
import type { ContainerDns, DnsEvent, ResolvSettings } from '../../../shared/dns-model';
import type { DnsAction, DockerdAction } from './plan-dns-sync';
import type { Redirect } from './embedded-upstreams';

type NewEvent = Omit<DnsEvent, 'at'>;

const same = (a: readonly string[], b: readonly string[]) => a.length === b.length && a.every((x, i) => x === b[i]);

export function sameSettings(a: ResolvSettings, b: ResolvSettings): boolean {
  return same(a.nameservers, b.nameservers) && same(a.search, b.search) && same(a.options, b.options);
}

const servers = (list: readonly string[]) => (list.length > 0 ? list.join(', ') : 'none');

/** "198.51.100.53 (search one.lab)" */
export function summarize(settings: ResolvSettings): string {
  return `${servers(settings.nameservers)}${settings.search.length > 0 ? ` (search ${settings.search.join(' ')})` : ''}`;
}

export function describeHostChange(before: ResolvSettings, after: ResolvSettings, inForce: string): NewEvent {
  return { kind: 'host-changed', container: null, before, after, message: `The host's DNS changed (${inForce}): ${summarize(before)} → ${summarize(after)}` };
}

const upstreamSettings = (nameservers: string[]): ResolvSettings => ({ nameservers, search: [], options: [] });

export function describeAction(container: { id: string; name: string }, action: Exclude<DnsAction, { kind: 'none' }>): NewEvent {
  if (action.kind === 'rewrite') {
    return { kind: 'synced', container, before: action.before, after: action.after, message: `${container.name}: resolv.conf ${summarize(action.before)} → ${summarize(action.after)}` };
  }
  const message =
    action.redirects.length === 0
      ? `${container.name}: Docker's resolver is back on its own upstreams ${servers(action.after)}; redirect removed`
      : `${container.name}: Docker's resolver forwards to ${servers(action.after)} instead of ${servers(action.before)} (redirected in its namespace)`;
  return { kind: 'synced', container, before: upstreamSettings(action.before), after: upstreamSettings(action.after), message };
}

const redirectList = (redirects: readonly Redirect[]) => redirects.map((r) => `${r.from} → ${r.to}`).join(', ');

/** One timeline entry for a change of the redirect of dockerd's forwarded queries (it serves every container). */
export function describeDockerdAction(action: DockerdAction, cgroup: string | null): NewEvent {
  const before = upstreamSettings(action.before.map((r) => r.from));
  const after = upstreamSettings(action.redirects.map((r) => r.to));
  const message =
    action.redirects.length === 0
      ? `dockerd's DNS queries go to their own upstreams again; redirect removed (${redirectList(action.before)})`
      : `dockerd's DNS queries for containers on user-defined networks redirected: ${redirectList(action.redirects)} (only dockerd's, cgroup ${cgroup ?? 'unknown'})`;
  return { kind: 'synced', container: null, before, after, message };
}

/** A container whose resolver now reaches the host's DNS through dockerd's redirect. */
export function describeDockerdFollow(container: { id: string; name: string }, needs: readonly Redirect[]): NewEvent {
  const before = needs.map((r) => r.from);
  const after = [...new Set(needs.map((r) => r.to))];
  return {
    kind: 'synced',
    container,
    before: upstreamSettings(before),
    after: upstreamSettings(after),
    message: `${container.name}: Docker's resolver forwards to ${servers(after)} instead of ${servers(before)} (dockerd's queries redirected on the host)`,
  };
}

/** One timeline entry for telling aardvark-dns to re-read the host's DNS. */
export function describeAardvarkReload(
  signalled: ReadonlyArray<{ pid: number; servers: string[] }>,
  skipped: ReadonlyArray<{ pid: number; reason: string }>,
  containers: ReadonlyArray<{ name: string }>,
): NewEvent {
  const names = containers.map((c) => c.name).slice(0, 6).join(', ');
  if (signalled.length === 0) {
    return { kind: 'failed', container: null, before: null, after: null, message: `aardvark-dns was not told the host's DNS: ${skipped.map((s) => s.reason).join('; ') || 'none runs'}` };
  }
  const servers = [...new Set(signalled.flatMap((p) => p.servers))];
  return {
    kind: 'synced',
    container: null,
    before: null,
    after: upstreamSettings(servers),
    message: `aardvark-dns (pid ${signalled.map((p) => p.pid).join(', ')}) re-reads the host's DNS: forwards to ${servers.join(', ')} for ${names || 'Podman containers'}`,
  };
}

/** The note of a container whose queries wait for dockerd's redirect, in a report that changes nothing. */
export function outOfDateDockerd(needs: readonly Redirect[]): string {
  return `out of date: dockerd still asks ${needs.map((r) => r.from).join(', ')} for it; Bridgeport redirects that to ${[...new Set(needs.map((r) => r.to))].join(', ')} while it runs (the app or bridgeport daemon)`;
}

/** A container that follows the host no more, said once per host change; null for one with nothing to say. */
export function describeLeftAlone(view: ContainerDns): NewEvent | null {
  if (view.synced) return null;
  return { kind: 'left-alone', container: view.container, before: null, after: null, message: `${view.container.name}: ${view.note}` };
}

/** The note of a container a sync would change, in a report that changes nothing. */
export function outOfDate(action: Exclude<DnsAction, { kind: 'none' }>): string {
  const wanted = action.kind === 'rewrite' ? summarize(action.after) : servers(action.after);
  return `out of date: the host's DNS is now ${wanted}; Bridgeport updates it while it runs (the app or bridgeport daemon)`;
}

/** The desktop notification for one sync, or null when nothing changed for a container. */
export function notificationFor(events: readonly DnsEvent[]): { title: string; body: string } | null {
  const synced = events.filter((e) => e.kind === 'synced' && e.container);
  const failed = events.filter((e) => e.kind === 'failed');
  const host = events.find((e) => e.kind === 'host-changed');
  if (synced.length === 0 && failed.length === 0) return null;
  const names = synced.map((e) => e.container!.name);
  const title = host?.after ? `DNS is now ${servers(host.after.nameservers)}` : 'Container DNS updated';
  const lines = [];
  if (names.length > 0) lines.push(`Updated ${names.length === 1 ? names[0] : `${names.length} containers (${names.slice(0, 4).join(', ')}${names.length > 4 ? ', …' : ''})`}.`);
  if (failed.length > 0) lines.push(`${failed.length} could not be updated: see the DNS view.`);
  return { title, body: lines.join(' ') };
}

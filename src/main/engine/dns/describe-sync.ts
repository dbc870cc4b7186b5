// Sentences for the DNS timeline and the desktop notification, from what the policy planned. Pure.
// The timeline's sentences are messages too (issue 18); the notification stays English: the main
// process does not know the window's language.
import type { ContainerDns, DnsEvent, DnsSyncSwitch, ResolvSettings } from '../../../shared/dns-model';
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message } from '../../../shared/message';
import { NO_PRIVILEGE_MESSAGE } from '../access/no-privilege';
import { errorParam, eventMessage, noteOf, noteParam, serverList, summaryMessage } from './dns-words';
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
  return inEnglish(summaryMessage(settings));
}

export function describeHostChange(before: ResolvSettings, after: ResolvSettings, inForce: string): NewEvent {
  return {
    kind: 'host-changed',
    container: null,
    before,
    after,
    ...eventMessage(message('engine-dns:event.hostChanged', { path: inForce, before: summaryMessage(before), after: summaryMessage(after) })),
  };
}

const upstreamSettings = (nameservers: string[]): ResolvSettings => ({ nameservers, search: [], options: [] });

export function describeAction(container: { id: string; name: string }, action: Exclude<DnsAction, { kind: 'none' }>): NewEvent {
  const name = container.name;
  if (action.kind === 'rewrite') {
    const said = message('engine-dns:event.rewritten', { name, before: summaryMessage(action.before), after: summaryMessage(action.after) });
    return { kind: 'synced', container, before: action.before, after: action.after, ...eventMessage(said) };
  }
  const said =
    action.redirects.length === 0
      ? message('engine-dns:event.redirectRemoved', { name, servers: serverList(action.after) })
      : message('engine-dns:event.redirected', { name, after: serverList(action.after), before: serverList(action.before) });
  return { kind: 'synced', container, before: upstreamSettings(action.before), after: upstreamSettings(action.after), ...eventMessage(said) };
}

const redirectList = (redirects: readonly Redirect[]) => redirects.map((r) => `${r.from} → ${r.to}`).join(', ');

/** One timeline entry for a change of the redirect of dockerd's forwarded queries (it serves every container). */
export function describeDockerdAction(action: DockerdAction, cgroup: string | null): NewEvent {
  const before = upstreamSettings(action.before.map((r) => r.from));
  const after = upstreamSettings(action.redirects.map((r) => r.to));
  const said =
    action.redirects.length === 0
      ? message('engine-dns:event.dockerdRemoved', { redirects: redirectList(action.before) })
      : message('engine-dns:event.dockerdRedirected', { redirects: redirectList(action.redirects), cgroup: cgroup ?? message('engine-dns:unknown') });
  return { kind: 'synced', container: null, before, after, ...eventMessage(said) };
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
    ...eventMessage(message('engine-dns:event.dockerdFollow', { name: container.name, after: serverList(after), before: serverList(before) })),
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
    const reasons = skipped.map((s) => s.reason).join('; ') || message('engine-dns:event.aardvarkNoneRuns');
    return { kind: 'failed', container: null, before: null, after: null, ...eventMessage(message('engine-dns:event.aardvarkNotTold', { reasons })) };
  }
  const servers = [...new Set(signalled.flatMap((p) => p.servers))];
  const said = message('engine-dns:event.aardvarkReloaded', {
    pids: signalled.map((p) => p.pid).join(', '),
    servers: servers.join(', '),
    names: names || message('engine-dns:event.podmanContainers'),
  });
  return { kind: 'synced', container: null, before: null, after: upstreamSettings(servers), ...eventMessage(said) };
}

/** The note of a container whose queries wait for dockerd's redirect, in a report that changes nothing. */
export function outOfDateDockerdMessage(needs: readonly Redirect[]): Message {
  return message('engine-dns:note.outOfDateDockerd', { from: needs.map((r) => r.from).join(', '), to: [...new Set(needs.map((r) => r.to))].join(', ') });
}

export const outOfDateDockerd = (needs: readonly Redirect[]): string => inEnglish(outOfDateDockerdMessage(needs));

/** A container that follows the host no more, said once per host change; null for one with nothing to say. */
export function describeLeftAlone(view: ContainerDns): NewEvent | null {
  if (view.synced) return null;
  return { kind: 'left-alone', container: view.container, before: null, after: null, ...eventMessage(message('engine-dns:event.leftAlone', { name: view.container.name, note: noteParam(view) })) };
}

/** The note of a container a sync would change, in a report that changes nothing. */
export function outOfDateMessage(action: Exclude<DnsAction, { kind: 'none' }>): Message {
  const wanted = action.kind === 'rewrite' ? summaryMessage(action.after) : serverList(action.after);
  return message('engine-dns:note.outOfDate', { wanted });
}

export const outOfDate = (action: Exclude<DnsAction, { kind: 'none' }>): string => inEnglish(outOfDateMessage(action));

/** A switch moved (the global one, or a container's). */
export function describeSwitch(change: DnsSyncSwitch): NewEvent {
  const said =
    change.container === undefined
      ? message(change.enabled ? 'engine-dns:event.syncOn' : 'engine-dns:event.syncOff')
      : message(change.enabled ? 'engine-dns:event.containerSyncOn' : 'engine-dns:event.containerSyncOff', { name: change.container });
  return { kind: 'settings', container: null, before: null, after: null, ...eventMessage(said) };
}

/** A container that could not be synced, or (container null) dockerd's redirect that could not be set. */
export function describeFailure(container: { id: string; name: string } | null, error: unknown): NewEvent {
  const said = container ? message('engine-dns:event.failed', { name: container.name, error: errorParam(error) }) : message('engine-dns:event.dockerdFailed', { error: errorParam(error) });
  return { kind: 'failed', container, before: null, after: null, ...eventMessage(said) };
}

/** A container's note when its sync failed: the error as Bridgeport words it, or a tool's text as it is. */
export const couldNotSync = (error: unknown): { note: string; noteMessage: Message } => noteOf(message('engine-dns:note.couldNotSync', { error: errorParam(error) }));

// The reason is engine/access's, said once for every view (engine-common).
const NEEDS_ROOT = NO_PRIVILEGE_MESSAGE;

/** The report's limitation when the containers' files could not be read. */
export const DNS_FILES_NEED_ROOT = message('engine-dns:host.filesNeedRoot', { reason: NEEDS_ROOT });

/** The note of every container then. */
export const UNREAD_NOTE = message('engine-dns:note.notRead', { reason: NEEDS_ROOT });

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

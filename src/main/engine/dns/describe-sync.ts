// Sentences for the DNS timeline and the desktop notification, from what the policy planned. Pure.
import type { ContainerDns, DnsEvent, ResolvSettings } from '../../../shared/dns-model';
import type { DnsAction } from './plan-dns-sync';

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

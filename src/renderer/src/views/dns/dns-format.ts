// Words and order for the DNS view: what each source and /etc/hosts origin means, a resolv.conf in
// one line, how upstreams were learnt, the timeline newest first with its before → after. Pure.
import type { TFunction } from 'i18next';
import type { ContainerDns, DnsEvent, DnsSource, DnsSyncResult, HostsEntry, ReachVia, ResolvSettings, Upstreams } from '../../../../shared/dns-model';

/** A translation function (react-i18next's `t`), passed in so this file stays pure. */
export type Say = TFunction<string>;

export const sourceLabel = (source: DnsSource, t: Say): string => t(`dns:source.${source}`);

export const sourceHelp = (source: DnsSource, t: Say): string => t(`dns:sourceHelp.${source}`);

export const sourceColor: Record<DnsSource, string> = { host: 'teal', custom: 'grape', embedded: 'blue', 'user-modified': 'orange', aardvark: 'cyan' };

/** An /etc/hosts origin in words; null for the ones named by their Docker flag (--link, --add-host), shown as they are. */
export const originLabel = (origin: HostsEntry['origin'], t: Say): string | null => (origin === 'link' || origin === 'add-host' ? null : t(`dns:origin.${origin}`));

export const originHelp = (origin: HostsEntry['origin'], t: Say): string => t(`dns:originHelp.${origin}`);

const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : '—');

/** "10.0.0.1, 10.0.0.2", or "—" without servers. */
export function serversText(nameservers: readonly string[]): string {
  return list(nameservers);
}

/** Search domains and options as written in a resolv.conf ("lan example.test", "ndots:0 timeout:2"), or "—". */
export function wordsText(words: readonly string[]): string {
  return words.length > 0 ? words.join(' ') : '—';
}

/** "10.0.0.1, 10.0.0.2 · search lan · options ndots:0" */
export function settingsLine(settings: ResolvSettings): string {
  const parts = [list(settings.nameservers)];
  if (settings.search.length > 0) parts.push(`search ${settings.search.join(' ')}`);
  if (settings.options.length > 0) parts.push(`options ${settings.options.join(' ')}`);
  return parts.join(' · ');
}

export const learntLabel = (known: Upstreams['known'], t: Say): string => t(`dns:learnt.${known}`);

/** How the queries get there, after "reach 198.51.100.54 ". */
export const reachViaLabel = (via: ReachVia, t: Say): string => t(`dns:reachVia.${via === 'resolv.conf' ? 'resolv_conf' : via}`);

/** "198.51.100.54, through Docker's resolver: dockerd's queries redirected by Bridgeport on the host" */
export function reachLine(reach: NonNullable<ContainerDns['reach']>, t: Say): string {
  return `${list(reach.servers)}, ${reachViaLabel(reach.via, t)}`;
}

/** "198.51.100.53 (confirmed by Docker's hash) → redirected to 198.51.100.54" */
export function upstreamsLine(upstreams: Upstreams, t: Say): string {
  const base = `${list(upstreams.servers)} (${learntLabel(upstreams.known, t)})`;
  return upstreams.redirectedTo ? t('dns:upstreamsRedirected', { base, to: list(upstreams.redirectedTo) }) : base;
}

/**
 * The engine lists events oldest first (and another process may have appended some): the newest
 * `max`, newest first; entries stamped alike keep their order reversed.
 */
export function newestFirst(events: readonly DnsEvent[], max = 100): DnsEvent[] {
  return events
    .map((event, index) => ({ event, index }))
    .sort((a, b) => b.event.at.localeCompare(a.event.at) || b.index - a.index)
    .slice(0, max)
    .map(({ event }) => event);
}

/** "198.51.100.53 · search one.test → 198.51.100.54", or null without both sides. */
export function changeLine(event: DnsEvent): string | null {
  if (!event.before || !event.after) return null;
  return `${settingsLine(event.before)} → ${settingsLine(event.after)}`;
}

export const eventColor: Record<DnsEvent['kind'], string> = { 'host-changed': 'blue', synced: 'teal', 'left-alone': 'gray', failed: 'red', settings: 'violet' };

export const eventLabel = (kind: DnsEvent['kind'], t: Say): string => t(`dns:event.${kind}`);

/** What "Sync now" did, in one sentence. */
export function syncResultLine(result: DnsSyncResult, t: Say): string {
  const names = result.changed.map((c) => c.name);
  const failed = result.events.filter((e) => e.kind === 'failed').length;
  const updated = names.length === 0 ? t('dns:sync.noChange') : t('dns:sync.updated', { count: names.length, names: names.join(', ') });
  return failed > 0 ? t('dns:sync.withFailed', { updated, failed }) : updated;
}

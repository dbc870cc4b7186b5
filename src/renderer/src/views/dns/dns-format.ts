// Words and order for the DNS view: what each source and /etc/hosts origin means, a resolv.conf in
// one line, how upstreams were learnt, the timeline newest first with its before → after. Pure.
import type { ContainerDns, DnsEvent, DnsSource, DnsSyncResult, HostsEntry, ReachVia, ResolvSettings, Upstreams } from '../../../../shared/dns-model';

export const sourceLabel: Record<DnsSource, string> = { host: 'host', custom: 'custom', embedded: 'embedded', 'user-modified': 'user-modified', aardvark: 'aardvark-dns' };

export const sourceHelp: Record<DnsSource, string> = {
  host: "Inherited from the host: Docker copied the host's resolv.conf when the container started.",
  custom: 'Set with --dns, --dns-search or --dns-option when the container was created.',
  embedded: "Docker's embedded DNS at 127.0.0.11 (user-defined networks), which forwards other names to upstream servers.",
  'user-modified': 'Edited inside the container after Docker wrote it: Bridgeport leaves it alone.',
  aardvark: "Podman's aardvark-dns at the network's gateway (networks with DNS on), which answers container names and forwards other names upstream.",
};

export const sourceColor: Record<DnsSource, string> = { host: 'teal', custom: 'grape', embedded: 'blue', 'user-modified': 'orange', aardvark: 'cyan' };

export const originLabel: Record<HostsEntry['origin'], string> = { default: 'default', self: 'self', link: '--link', 'add-host': '--add-host', other: 'other' };

export const originHelp: Record<HostsEntry['origin'], string> = {
  default: 'Written by Docker for every container: localhost and the IPv6 names.',
  self: "The container's own name and address.",
  link: 'Added by --link.',
  'add-host': 'Added by --add-host.',
  other: 'Not from Docker: edited inside the container.',
};

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

export const learntLabel: Record<Upstreams['known'], string> = {
  docker: 'written by Docker',
  confirmed: "confirmed by Docker's hash",
  assumed: 'assumed: the host DNS when Bridgeport first looked',
  'host-resolver': "the host's own resolver",
};

/** How the queries get there, after "reach 198.51.100.54 ". */
export const reachViaLabel: Record<ReachVia, string> = {
  'resolv.conf': 'straight from its resolv.conf',
  'docker-resolver': "through Docker's resolver, to its own upstreams",
  'namespace-redirect': "through Docker's resolver, redirected by Bridgeport in the container's namespace",
  'dockerd-redirect': "through Docker's resolver: dockerd's queries redirected by Bridgeport on the host",
  'host-resolver': "through the host's own resolver (systemd-resolved), which follows the host",
  aardvark: "through Podman's aardvark-dns, which forwards to the host's servers",
};

/** "198.51.100.54, through Docker's resolver: dockerd's queries redirected by Bridgeport on the host" */
export function reachLine(reach: NonNullable<ContainerDns['reach']>): string {
  return `${list(reach.servers)}, ${reachViaLabel[reach.via]}`;
}

/** "198.51.100.53 (confirmed by Docker's hash) → redirected to 198.51.100.54" */
export function upstreamsLine(upstreams: Upstreams): string {
  const base = `${list(upstreams.servers)} (${learntLabel[upstreams.known]})`;
  return upstreams.redirectedTo ? `${base} → redirected to ${list(upstreams.redirectedTo)}` : base;
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

export const eventLabel: Record<DnsEvent['kind'], string> = {
  'host-changed': 'host changed',
  synced: 'synced',
  'left-alone': 'left alone',
  failed: 'failed',
  settings: 'settings',
};

/** What "Sync now" did, in one sentence. */
export function syncResultLine(result: DnsSyncResult): string {
  const names = result.changed.map((c) => c.name);
  const failed = result.events.filter((e) => e.kind === 'failed').length;
  const updated = names.length === 0 ? 'No container needed a change' : `Updated ${names.length === 1 ? '1 container' : `${names.length} containers`}: ${names.join(', ')}`;
  return failed > 0 ? `${updated}; ${failed} failed (see the timeline)` : updated;
}

// Words and order for the DNS view: what each source means, a resolv.conf in one line, the timeline
// newest first. Pure.
import type { ContainerDns, DnsEvent, DnsSource, HostsEntry, ResolvSettings, Upstreams } from '../../../../shared/dns-model';

export const sourceLabel: Record<DnsSource, string> = { host: 'host', custom: 'custom', embedded: 'embedded', 'user-modified': 'user-modified' };

export const sourceHelp: Record<DnsSource, string> = {
  host: "Inherited from the host: Docker copied the host's resolv.conf when the container started.",
  custom: 'Set with --dns, --dns-search or --dns-option when the container was created.',
  embedded: "Docker's embedded DNS at 127.0.0.11 (user-defined networks), which forwards other names to upstream servers.",
  'user-modified': 'Edited inside the container after Docker wrote it: Bridgeport leaves it alone.',
};

export const sourceColor: Record<DnsSource, string> = { host: 'teal', custom: 'grape', embedded: 'blue', 'user-modified': 'orange' };

export const originLabel: Record<HostsEntry['origin'], string> = { default: 'default', self: 'own name', link: '--link', 'add-host': '--add-host', other: 'other' };

const list = (items: readonly string[]) => (items.length > 0 ? items.join(', ') : '—');

/** "10.0.0.1, 10.0.0.2 · search lan · options ndots:0" */
export function settingsLine(settings: ResolvSettings): string {
  const parts = [list(settings.nameservers)];
  if (settings.search.length > 0) parts.push(`search ${settings.search.join(' ')}`);
  if (settings.options.length > 0) parts.push(`options ${settings.options.join(' ')}`);
  return parts.join(' · ');
}

const learnt: Record<Upstreams['known'], string> = {
  docker: 'written by Docker',
  confirmed: "confirmed by Docker's hash",
  assumed: 'assumed: the host DNS when Bridgeport first looked',
  'host-resolver': "the host's own resolver",
};

/** "198.51.100.53 (confirmed by Docker's hash) → redirected to 198.51.100.54" */
export function upstreamsLine(upstreams: Upstreams): string {
  const base = `${list(upstreams.servers)} (${learnt[upstreams.known]})`;
  return upstreams.redirectedTo ? `${base} → redirected to ${list(upstreams.redirectedTo)}` : base;
}

/** Containers by name; the ones that need a look (not synced) first. */
export function sortedContainers(containers: readonly ContainerDns[]): ContainerDns[] {
  return [...containers].sort((a, b) => Number(a.synced) - Number(b.synced) || a.container.name.localeCompare(b.container.name));
}

export function newestFirst(events: readonly DnsEvent[], max = 100): DnsEvent[] {
  return [...events].reverse().slice(0, max);
}

/** "198.51.100.53 (search one.test) → 198.51.100.54 (search two.test)", or null without both sides. */
export function changeLine(event: DnsEvent): string | null {
  if (!event.before || !event.after) return null;
  return `${settingsLine(event.before)} → ${settingsLine(event.after)}`;
}

export const eventColor: Record<DnsEvent['kind'], string> = { 'host-changed': 'blue', synced: 'teal', 'left-alone': 'gray', failed: 'red', settings: 'violet' };

export function eventTime(at: string): string {
  const date = new Date(at);
  return Number.isNaN(date.getTime()) ? at : date.toLocaleTimeString([], { hour12: false });
}

// A container's /etc/hosts, each line with where it came from: Docker's defaults, the container's own
// name, a --link, an --add-host, or something else (an edit, or the host's own file in host mode). Pure.
import type { HostsEntry } from '../../../shared/dns-model';

export interface HostsContext {
  hostname: string;
  /** The container's addresses on its networks. */
  ownAddresses: string[];
  /** HostConfig.ExtraHosts: "name:ip" (Docker 25+ also "name=ip"); ip may be "host-gateway". */
  extraHosts: string[];
  /** HostConfig.Links: "/target:/container/alias". */
  links: string[];
}

// Docker writes these two addresses and the ip6-* names into every file it makes.
const DEFAULT_ADDRESSES = new Set(['127.0.0.1', '::1']);
const isDefaultName = (name: string) => name === 'localhost' || name.startsWith('ip6-');

function parseExtraHost(entry: string): { name: string; ip: string } | null {
  const at = entry.includes('=') ? entry.indexOf('=') : entry.indexOf(':');
  if (at <= 0) return null;
  // An IPv6 address may come bracketed ("name=[::1]").
  return { name: entry.slice(0, at), ip: entry.slice(at + 1).replace(/^\[(.*)\]$/, '$1') };
}

/** The names a --link puts in the file: its alias and the target's name (the target's id prefix comes with them). */
function linkNames(link: string): string[] {
  const [target, alias] = link.split(':');
  const names = [target?.replace(/^\//, ''), alias?.split('/').at(-1)];
  return names.filter((n): n is string => Boolean(n));
}

function originOf(address: string, names: string[], ctx: HostsContext): HostsEntry['origin'] {
  if (names.every(isDefaultName) && (DEFAULT_ADDRESSES.has(address) || names.some((n) => n.startsWith('ip6-')))) return 'default';
  const added = ctx.extraHosts.map(parseExtraHost).filter((e) => e !== null);
  if (added.some((e) => names.includes(e.name) && (e.ip === address || e.ip === 'host-gateway'))) return 'add-host';
  if (ctx.links.some((link) => linkNames(link).some((n) => names.includes(n)))) return 'link';
  const shortName = ctx.hostname.split('.')[0];
  if (ctx.ownAddresses.includes(address) || names.includes(ctx.hostname) || (shortName && names.includes(shortName))) return 'self';
  return 'other';
}

export function parseHostsFile(text: string, ctx: HostsContext): HostsEntry[] {
  const entries: HostsEntry[] = [];
  for (const line of text.split('\n')) {
    const [address, ...names] = line.replace(/#.*$/, '').trim().split(/\s+/);
    if (!address || names.length === 0) continue;
    entries.push({ address, names, origin: originOf(address, names, ctx) });
  }
  return entries;
}

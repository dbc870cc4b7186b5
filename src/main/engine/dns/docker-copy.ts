// What Docker makes of the host's resolv.conf for a container that gets a copy of it (default bridge,
// --network none), as settings and, for Docker 20.10, byte for byte so its hash can be matched. Pure.
import { createHash } from 'node:crypto';
import ipaddr from 'ipaddr.js';
import type { ResolvSettings } from '../../../shared/dns-model';

const GOOGLE_IPV4 = ['8.8.8.8', '8.8.4.4'];
const GOOGLE_IPV6 = ['2001:4860:4860::8888', '2001:4860:4860::8844'];

/** Docker tells the families apart by the colon, so a zone (fe80::1%eth0) is still IPv6. */
export const isIpv6Server = (address: string): boolean => address.includes(':');

export function isLoopbackServer(address: string): boolean {
  const bare = address.split('%')[0]!;
  return ipaddr.isValid(bare) && ipaddr.process(bare).range() === 'loopback';
}

/** Loopback servers are the host's own and unreachable from a container's namespace. */
export function containerCopyOfHost(host: ResolvSettings, opts: { ipv6: boolean }): ResolvSettings {
  const kept = host.nameservers.filter((s) => !isLoopbackServer(s) && (opts.ipv6 || !isIpv6Server(s)));
  const nameservers = kept.length > 0 ? kept : [...GOOGLE_IPV4, ...(opts.ipv6 ? GOOGLE_IPV6 : [])];
  return { nameservers, search: [...host.search], options: [...host.options] };
}

// libnetwork's regular expressions (resolvconf.go, Docker 20.10), with Go's meanings spelt out:
// \s is [\t\n\f\r ], (?m)^ and $ are only at a '\n' or the ends of the text.
const WS = '[\\t\\n\\f\\r ]';
const LINE_START = '(?:(?<![\\s\\S])|(?<=\\n))';
const LINE_END = '(?=\\n|(?![\\s\\S]))';
const IPV4_BLOCK = '(?:25[0-5]|2[0-4][0-9]|[01]?[0-9][0-9]?)';
const IPV4 = `(?:${IPV4_BLOCK}\\.){3}${IPV4_BLOCK}`;
const IPV6 = '(?:[0-9A-Fa-f]{0,4}:){2,7}(?:[0-9A-Fa-f]{0,4})(?:%[0-9A-Za-z_]+)?';
const LOCALHOST = `(?:(?:127\\.(?:[0-9]{1,3}\\.){2}[0-9]{1,3})|(?:::1)${LINE_END})`;
const localhostNameserver = new RegExp(`${LINE_START}nameserver${WS}+${LOCALHOST}${WS}*\\n*`, 'g');
const ipv6Nameserver = new RegExp(`${LINE_START}nameserver${WS}+${IPV6}${WS}*\\n*`, 'g');
const nameserverLine = new RegExp(`^${WS}*nameserver${WS}*(?:(?:${IPV4})|(?:${IPV6}))${WS}*$`);

/** Go's getLines: split at '\n', drop everything from the first '#'. */
const goLines = (text: string) => text.split('\n').map((line) => line.split('#')[0]!);

/**
 * Docker 20.10's FilterResolvDNS, exactly: the text it copies and hashes (even for a container on a
 * user-defined network, before it rewrites that file for its embedded resolver).
 */
export function docker20HostCopyText(hostText: string, ipv6: boolean): string {
  let cleaned = hostText.replace(localhostNameserver, '');
  if (!ipv6) cleaned = cleaned.replace(ipv6Nameserver, '');
  if (!goLines(cleaned).some((line) => nameserverLine.test(line))) {
    // No newline at the end: Docker appends "\n" + the lines joined by "\n".
    cleaned += `\n${[...GOOGLE_IPV4, ...(ipv6 ? GOOGLE_IPV6 : [])].map((s) => `nameserver ${s}`).join('\n')}`;
  }
  return cleaned;
}

const lastFields = (text: string, keyword: 'search' | 'options'): string[] => {
  const pattern = new RegExp(`^${WS}*${keyword}${WS}*((?:[^\\t\\n\\f\\r ]+${WS}*)*)$`);
  let fields: string[] = [];
  for (const line of goLines(text)) {
    const match = pattern.exec(line);
    if (match) fields = match[1]!.split(/[\t\n\f\r ]+/).filter(Boolean);
  }
  return fields;
};

/**
 * Docker 20.10's file for --dns-search/--dns-option without --dns (resolvconf.Build): the host
 * copy's servers, the given search and options, else the copy's last search and options lines.
 */
export function docker20CustomText(hostCopyText: string, custom: { search: string[]; options: string[] }): string {
  const servers = goLines(hostCopyText).flatMap((line) => (nameserverLine.test(line) ? [line.trim().replace(/^nameserver[\t\n\f\r ]*/, '')] : []));
  const search = custom.search.length > 0 ? custom.search : lastFields(hostCopyText, 'search');
  const options = custom.options.length > 0 ? custom.options : lastFields(hostCopyText, 'options');
  let text = '';
  if (search.length > 0 && search.join(' ').trim() !== '.') text += `search ${search.join(' ')}\n`;
  for (const server of servers) text += `nameserver ${server}\n`;
  if (options.length > 0 && options.join(' ').trim() !== '') text += `options ${options.join(' ')}\n`;
  return text;
}

/** The form of Docker's resolv.conf.hash files. */
export function dockerContentHash(text: string): string {
  return `sha256:${createHash('sha256').update(text, 'utf8').digest('hex')}`;
}

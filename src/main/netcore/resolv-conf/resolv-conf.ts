// A resolv.conf as glibc reads it, plus the ExtServers comment newer Docker writes, and back to text. Pure.
import type { ResolvSettings } from '../../../shared/dns-model';

/** An upstream of Docker's embedded resolver; fromHost: dockerd asks it from the host's namespace (written `host(IP)`). */
export interface ExtServer {
  ip: string;
  fromHost: boolean;
}

export interface ParsedResolvConf extends ResolvSettings {
  /** From `# ExtServers: [...]` (Docker 25+); null when the file has no such line. */
  extServers: ExtServer[] | null;
}

const keywordLine = /^(nameserver|search|domain|options)[ \t]+(.*)$/;
const extServersLine = /^#\s*ExtServers:\s*\[([^\]]*)\]/;

function parseExtServers(list: string): ExtServer[] {
  return list
    .split(/[\s,]+/)
    .filter(Boolean)
    .map((item) => {
      const host = /^host\((.+)\)$/.exec(item);
      return host ? { ip: host[1]!, fromHost: true } : { ip: item, fromHost: false };
    });
}

export function parseResolvConf(text: string): ParsedResolvConf {
  const parsed: ParsedResolvConf = { nameservers: [], search: [], options: [], extServers: null };
  for (const raw of text.split('\n')) {
    const line = raw.replace(/\r$/, '');
    const ext = extServersLine.exec(line);
    if (ext) parsed.extServers = parseExtServers(ext[1]!);
    // glibc: a keyword counts only at the start of a line; '#' and ';' lines are comments.
    const match = keywordLine.exec(line);
    if (!match) continue;
    const words = match[2]!.split(/[ \t]+/).filter(Boolean);
    if (words.length === 0) continue;
    const keyword = match[1]!;
    if (keyword === 'nameserver') parsed.nameservers.push(words[0]!);
    // glibc: the last search or domain line wins; domain names a single domain.
    else if (keyword === 'search') parsed.search = words;
    else if (keyword === 'domain') parsed.search = [words[0]!];
    else parsed.options.push(...words);
  }
  return parsed;
}

/** Header lines become `# ` comments; empty parts are left out. */
export function renderResolvConf(settings: ResolvSettings, header: string[] = []): string {
  const lines = header.map((h) => (h === '' ? '#' : `# ${h}`));
  if (settings.search.length > 0) lines.push(`search ${settings.search.join(' ')}`);
  for (const server of settings.nameservers) lines.push(`nameserver ${server}`);
  if (settings.options.length > 0) lines.push(`options ${settings.options.join(' ')}`);
  return lines.length > 0 ? `${lines.join('\n')}\n` : '';
}

export function settingsOf(parsed: ResolvSettings): ResolvSettings {
  return { nameservers: [...parsed.nameservers], search: [...parsed.search], options: [...parsed.options] };
}

export const sameList = (a: readonly string[], b: readonly string[]): boolean => a.length === b.length && a.every((x, i) => x === b[i]);

export function sameResolvSettings(a: ResolvSettings, b: ResolvSettings): boolean {
  return sameList(a.nameservers, b.nameservers) && sameList(a.search, b.search) && sameList(a.options, b.options);
}

// Whether a text is a resolv.conf and nothing else, before root writes it into a container. Stricter
// than glibc's reader (which skips lines it does not know): every line must be blank, a comment or
// a resolver keyword with well-formed values, so the file cannot carry anything but DNS settings.
// Pure; the lenient reader the engine plans with is src/main/engine/dns/resolv-conf.ts.
import ipaddr from 'ipaddr.js';

const DOMAIN = /^(?=.{1,254}$)[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?(?:\.[A-Za-z0-9_](?:[A-Za-z0-9_-]*[A-Za-z0-9_])?)*\.?$/;
const OPTION = /^[a-z][a-z0-9-]{0,31}(?::\d{1,5})?$/;
const KEYWORDS = new Set(['nameserver', 'search', 'domain', 'options', 'sortlist']);
const ZONE = /^[A-Za-z0-9._-]{1,15}$/;

const show = (text: string) => JSON.stringify(text.length > 40 ? `${text.slice(0, 40)}…` : text);

/** A nameserver value as glibc takes it: IPv4 dotted quad, or IPv6 with an optional %zone. */
export function isNameserverAddress(text: string): boolean {
  if (ipaddr.IPv4.isValidFourPartDecimal(text)) return true;
  const [address = '', zone, ...rest] = text.split('%');
  if (rest.length > 0 || (zone !== undefined && !ZONE.test(zone))) return false;
  return /^[0-9A-Fa-f:.]{2,45}$/.test(address) && ipaddr.IPv6.isValid(address);
}

function isSortlistEntry(text: string): boolean {
  const [address = '', mask, ...rest] = text.split('/');
  return rest.length === 0 && ipaddr.IPv4.isValidFourPartDecimal(address) && (mask === undefined || ipaddr.IPv4.isValidFourPartDecimal(mask));
}

/** The problem with one line (without its newline), or null when it is a resolv.conf line. */
function lineProblem(line: string): string | null {
  if ([...line].some((c) => (c < ' ' && c !== '\t') || c === '\x7f')) return 'has a control character';
  if (line.trim() === '' || line.startsWith('#') || line.startsWith(';')) return null;
  const [keyword = '', ...values] = line.split(/[ \t]+/).filter(Boolean);
  if (/^[ \t]/.test(line)) return `starts with white space before ${show(keyword)} (not a resolv.conf line)`;
  if (!KEYWORDS.has(keyword)) return `${show(keyword)} is not a resolv.conf keyword`;
  if (values.length === 0) return `has ${show(keyword)} without a value`;
  switch (keyword) {
    case 'nameserver': {
      const bad = values.find((value) => !isNameserverAddress(value));
      if (bad !== undefined) return `${show(bad)} is not an IP address`;
      return values.length > 1 ? 'names more than one nameserver (one per line)' : null;
    }
    case 'search':
    case 'domain': {
      if (keyword === 'domain' && values.length > 1) return 'names more than one domain';
      const bad = values.find((value) => value !== '.' && !DOMAIN.test(value));
      return bad === undefined ? null : `${show(bad)} is not a domain name`;
    }
    case 'options': {
      const bad = values.find((value) => !OPTION.test(value));
      return bad === undefined ? null : `${show(bad)} is not a resolver option`;
    }
    case 'sortlist': {
      const bad = values.find((value) => !isSortlistEntry(value));
      return bad === undefined ? null : `${show(bad)} is not an address/netmask pair`;
    }
    default:
      return `${show(keyword)} is not a resolv.conf keyword`;
  }
}

/** null when `text` is a resolv.conf; else the first problem, naming its line ("line 3: …"). */
export function resolvConfProblem(text: string): string | null {
  const lines = text.split('\n');
  if (lines.at(-1) === '') lines.pop();
  for (const [index, raw] of lines.entries()) {
    const problem = lineProblem(raw.replace(/\r$/, ''));
    if (problem) return `line ${index + 1} ${problem}`;
  }
  return null;
}

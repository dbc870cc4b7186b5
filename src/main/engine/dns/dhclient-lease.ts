// The lease ISC dhclient holds now: the last `lease { … }` block of its .leases file. Pure.

export interface DhclientLease {
  interface: string;
  address: string | null;
  /** The DHCP server that gave it (dhcp-server-identifier). */
  server: string | null;
  dnsServers: string[];
  domain: string | null;
  /** When dhclient asks again, as written ("2026/11/22 10:00:00 UTC"), or null for never. */
  renew: string | null;
}

const unquote = (value: string) => value.replace(/^"(.*)"$/, '$1');

/** dhclient writes "W YYYY/MM/DD HH:MM:SS" in UTC, or "epoch N" with db-time-format local. */
function formatLeaseTime(value: string): string | null {
  const utc = /^\d\s+(\d{4}\/\d{2}\/\d{2}\s+\d{2}:\d{2}:\d{2})$/.exec(value);
  if (utc) return `${utc[1]} UTC`;
  const epoch = /^epoch\s+(\d+)/.exec(value);
  if (epoch) return new Date(Number(epoch[1]) * 1000).toISOString();
  return null;
}

export function lastDhclientLease(text: string): DhclientLease | null {
  const withoutComments = text.replace(/#[^\n]*/g, '');
  // `lease6` blocks (DHCPv6) nest braces and are not wanted here: `lease {` only.
  const blocks = [...withoutComments.matchAll(/(?:^|[\s;}])lease\s*\{([^}]*)\}/g)];
  const body = blocks.at(-1)?.[1];
  if (body === undefined) return null;
  const lease: DhclientLease = { interface: 'unknown', address: null, server: null, dnsServers: [], domain: null, renew: null };
  for (const statement of body.split(';')) {
    const words = statement.trim().split(/\s+/);
    const [first, second] = words;
    const rest = (from: number) => words.slice(from).join(' ');
    if (first === 'interface') lease.interface = unquote(rest(1));
    else if (first === 'fixed-address') lease.address = rest(1);
    else if (first === 'renew') lease.renew = formatLeaseTime(rest(1));
    else if (first === 'option' && second === 'domain-name-servers') lease.dnsServers = rest(2).split(/\s*,\s*/).filter(Boolean);
    else if (first === 'option' && second === 'domain-name') lease.domain = unquote(rest(2));
    else if (first === 'option' && second === 'dhcp-server-identifier') lease.server = rest(2);
  }
  return lease;
}

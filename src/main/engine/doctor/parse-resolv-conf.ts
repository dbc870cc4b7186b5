// The nameserver lines of a resolv.conf. Pure.

export function nameserversOf(text: string): string[] {
  const servers: string[] = [];
  for (const line of text.split(/\r?\n/)) {
    const match = /^\s*nameserver\s+(\S+)/.exec(line);
    if (match) servers.push(match[1]!);
  }
  return servers;
}

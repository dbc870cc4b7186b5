// Reads what the user typed as "ip:port[/proto]". Pure.
export interface PathTarget {
  destination: string;
  port: number;
  protocol: 'tcp' | 'udp';
}

export function parseTarget(text: string): PathTarget | string {
  const match = /^\s*([0-9.]+):(\d+)(?:\/(tcp|udp))?\s*$/i.exec(text);
  if (!match) return 'Type a destination as ip:port or ip:port/udp, e.g. 192.168.1.10:8080';
  return { destination: match[1]!, port: Number(match[2]), protocol: (match[3]?.toLowerCase() ?? 'tcp') as 'tcp' | 'udp' };
}

// Parses `ss -Hlntup` (listening TCP and bound UDP sockets, with their processes). Pure.
export interface Listener {
  protocol: 'tcp' | 'udp';
  /** Local address without brackets or interface scope: 0.0.0.0, ::, 127.0.0.1, * … */
  address: string;
  port: number;
  /** The owning process, when ss could see it (root sees all; a user only its own). */
  process: string | null;
  pid: number | null;
}

function splitHostPort(local: string): [string, number] | null {
  const at = local.lastIndexOf(':');
  if (at < 0) return null;
  let host = local.slice(0, at);
  const port = Number(local.slice(at + 1));
  if (!Number.isInteger(port)) return null;
  host = host.replace(/^\[|\]$/g, '').replace(/%.*$/, '');
  return [host, port];
}

export function parseListeners(text: string): Listener[] {
  const listeners: Listener[] = [];
  for (const line of text.split('\n')) {
    const fields = line.trim().split(/\s+/);
    const [netid, , , , local] = fields;
    if ((netid !== 'tcp' && netid !== 'udp') || !local) continue;
    const hostPort = splitHostPort(local);
    if (!hostPort) continue;
    const users = /users:\(\("([^"]*)",pid=(\d+)/.exec(line);
    listeners.push({
      protocol: netid,
      address: hostPort[0],
      port: hostPort[1],
      process: users?.[1] ?? null,
      pid: users?.[2] ? Number(users[2]) : null,
    });
  }
  return listeners;
}

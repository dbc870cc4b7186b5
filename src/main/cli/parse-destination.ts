// Reads `ip:port[/proto]` and `--from` as the path command takes them. Pure.
import { InvalidArgumentError } from 'commander';
import type { PathQuery } from '../../shared/path-model';

export function parseDestination(text: string): Pick<Required<PathQuery>, 'destination' | 'port' | 'protocol'> {
  const match = /^([^:/\s]+):(\d+)(?:\/(tcp|udp))?$/i.exec(text.trim());
  if (!match) throw new InvalidArgumentError(`expected <ip>:<port>[/tcp|udp], got "${text}"`);
  return { destination: match[1]!, port: Number(match[2]), protocol: (match[3]?.toLowerCase() ?? 'tcp') as 'tcp' | 'udp' };
}

export function parseOrigin(text: string): Required<PathQuery>['from'] {
  return text === 'lan' || text === 'host' ? text : { container: text };
}

// Lists the `ip netns` namespaces, marking the one this process runs in (the lab host, or a user
// who runs Bridgeport under `ip netns exec`): that one is the host view itself, not a neighbour.
import { runCommand } from '../../system/run-command';
import { parseNetnsList, type NetnsEntry } from './parse-netns-list';
import { namespaceIdentity } from '../../system/namespace-identity';

export interface NamedNamespace extends NetnsEntry {
  current: boolean;
}

export async function readNamedNamespaces(): Promise<NamedNamespace[]> {
  let entries: NetnsEntry[];
  try {
    entries = parseNetnsList(await runCommand(['ip', '-j', 'netns', 'list']));
  } catch {
    // No /run/netns yet simply means no named namespaces.
    return [];
  }
  const self = await namespaceIdentity('/proc/self/ns/net');
  return Promise.all(
    entries.map(async (e) => ({ ...e, current: self !== null && (await namespaceIdentity(`/run/netns/${e.name}`)) === self })),
  );
}

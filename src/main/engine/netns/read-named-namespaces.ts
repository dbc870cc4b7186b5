// Lists the `ip netns` namespaces, marking the one this process runs in (the lab host, or a user
// who runs Bridgeport under `ip netns exec`): that one is the host view itself, not a neighbour.
import { stat } from 'node:fs/promises';
import { runCommand } from '../system/run-command';
import { parseNetnsList, type NetnsEntry } from './parse-netns-list';

export interface NamedNamespace extends NetnsEntry {
  current: boolean;
}

async function identity(path: string): Promise<string | null> {
  try {
    const s = await stat(path);
    return `${s.dev}:${s.ino}`;
  } catch {
    return null;
  }
}

export async function readNamedNamespaces(): Promise<NamedNamespace[]> {
  let entries: NetnsEntry[];
  try {
    entries = parseNetnsList(await runCommand(['ip', '-j', 'netns', 'list']));
  } catch {
    // No /run/netns yet simply means no named namespaces.
    return [];
  }
  const self = await identity('/proc/self/ns/net');
  return Promise.all(
    entries.map(async (e) => ({ ...e, current: self !== null && (await identity(`/run/netns/${e.name}`)) === self })),
  );
}

// Reads the links of the namespace this process runs in (no privilege needed).
import { runCommand } from '../system/run-command';
import { parseNetnsList, type NetnsEntry } from '../netns/parse-netns-list';
import { parseIpLinks } from './parse-ip-links';
import type { KernelLink } from './kernel-link';

export async function readHostLinks(): Promise<KernelLink[]> {
  return parseIpLinks(await runCommand(['ip', '-j', '-d', 'addr', 'show']));
}

export async function readNamedNamespaces(): Promise<NetnsEntry[]> {
  return parseNetnsList(await runCommand(['ip', '-j', 'netns', 'list']));
}

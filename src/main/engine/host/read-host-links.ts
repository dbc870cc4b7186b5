// Reads the links of the namespace this process runs in (no privilege needed).
import { runCommand } from '../../system/run-command';
import { parseIpLinks } from './parse-ip-links';
import type { KernelLink } from './kernel-link';

export async function readHostLinks(): Promise<KernelLink[]> {
  return parseIpLinks(await runCommand(['ip', '-j', '-d', 'addr', 'show']));
}

// Whether the host's conntrack sees bridged traffic (br_netfilter's bridge-nf-call-iptables), read
// from /proc in this network namespace (readable by any user). I/O only.
import { readFile } from 'node:fs/promises';

/** null when br_netfilter is not loaded (the sysctl does not exist). */
export async function readKernelTracking(): Promise<{ bridgeNetfilter: boolean | null }> {
  try {
    return { bridgeNetfilter: (await readFile('/proc/sys/net/bridge/bridge-nf-call-iptables', 'utf8')).trim() === '1' };
  } catch {
    return { bridgeNetfilter: null };
  }
}

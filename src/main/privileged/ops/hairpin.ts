// Hairpin mode on a container's own bridge port, so the container reaches itself through a host
// port (with br_netfilter the DNAT'd packet is bridged back out of the port it came in on). I/O.
// Which port is the container's was proven before (meaning/check-ports-request, through the
// container's pinned namespace): this only reads and sets the flag of that host-side port.
import { z } from 'zod';
import { runCommand } from '../../system/run-command';

const portSchema = z.array(
  z.looseObject({ linkinfo: z.looseObject({ info_slave_data: z.looseObject({ hairpin: z.boolean().optional() }).optional() }).optional() }),
);

export async function ensureHairpin(port: string): Promise<void> {
  const [shown] = portSchema.parse(JSON.parse(await runCommand(['ip', '-j', '-d', 'link', 'show', 'dev', port])));
  if (shown?.linkinfo?.info_slave_data?.hairpin !== true) {
    await runCommand(['ip', 'link', 'set', 'dev', port, 'type', 'bridge_slave', 'hairpin', 'on']);
  }
}

// Hairpin mode on a container's own bridge port, so the container reaches itself through a host
// port (with br_netfilter the DNAT'd packet is bridged back out of the port it came in on). I/O.
import { z } from 'zod';
import { runCommand } from '../../system/run-command';

const insideSchema = z.array(
  z.object({ ifname: z.string(), link_index: z.number().optional(), addr_info: z.array(z.object({ local: z.string().optional() })).default([]) }).loose(),
);
const portsSchema = z.array(
  z
    .object({
      ifindex: z.number(),
      ifname: z.string(),
      linkinfo: z.object({ info_slave_data: z.object({ hairpin: z.boolean().optional() }).loose().optional() }).loose().optional(),
    })
    .loose(),
);

/** The host-side ifindex of the container's interface that holds `ip` (its iflink). */
async function peerIndexOf(pid: number, ip: string): Promise<number | null> {
  const text = await runCommand(['nsenter', `--net=/proc/${pid}/ns/net`, 'ip', '-j', 'addr', 'show']);
  const inside = insideSchema.parse(JSON.parse(text));
  return inside.find((l) => l.addr_info.some((a) => a.local === ip))?.link_index ?? null;
}

/** Returns a warning when the port could not be found (the container is gone or not on `bridge`). */
export async function ensureHairpin(pid: number, ip: string, bridge: string): Promise<string | null> {
  const peer = await peerIndexOf(pid, ip).catch(() => null);
  if (peer === null) return `could not find the bridge port of the container with ${ip} (process ${pid}): it cannot reach itself through the host port`;
  const ports = portsSchema.parse(JSON.parse(await runCommand(['ip', '-j', '-d', 'link', 'show', 'master', bridge])));
  const port = ports.find((p) => p.ifindex === peer);
  if (!port) return `no port of ${bridge} leads to the container with ${ip}: it cannot reach itself through the host port`;
  if (port.linkinfo?.info_slave_data?.hairpin !== true) {
    await runCommand(['ip', 'link', 'set', 'dev', port.ifname, 'type', 'bridge_slave', 'hairpin', 'on']);
  }
  return null;
}

// A mapping resolved against the running container: what the privileged side is given to apply.
// Every field is checked here, because this crosses from the user's session into root.
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { interfaceNameSchema } from '../../../shared/atoms/names';
import { pidSchema } from '../../../shared/atoms/pids';
import { MAX_RANGE, portSchema } from '../../../shared/atoms/ports';
import { hostIpSchema, ipv4Schema, publishProtocolSchema } from '../../../shared/publish-model';

export const ipv4CidrSchema = z.string().refine((value) => {
  if (!/^\d+\.\d+\.\d+\.\d+\/\d+$/.test(value)) return false;
  try {
    const [address, bits] = ipaddr.IPv4.parseCIDR(value);
    // The network address itself, as iptables-save prints it.
    return ipaddr.IPv4.networkAddressFromCIDR(value).toString() === address.toString() && bits >= 0;
  } catch {
    return false;
  }
}, 'not an IPv4 network (like 172.17.0.0/16)');

export const resolvedMappingSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9]{8,32}$/),
    protocol: publishProtocolSchema,
    hostIp: hostIpSchema,
    hostPort: portSchema,
    hostPortEnd: portSchema,
    containerPort: portSchema,
    containerPortEnd: portSchema,
    containerIp: ipv4Schema,
    /** The container's main process: its namespace tells which bridge port is its own (hairpin). */
    containerPid: pidSchema,
    bridge: interfaceNameSchema,
    subnet: ipv4CidrSchema,
  })
  .strict()
  .refine((m) => m.hostPortEnd >= m.hostPort && m.hostPortEnd - m.hostPort === m.containerPortEnd - m.containerPort, 'ranges differ in length')
  .refine((m) => m.hostPortEnd - m.hostPort < MAX_RANGE, `a range is at most ${MAX_RANGE} ports`);
export type ResolvedMapping = z.infer<typeof resolvedMappingSchema>;

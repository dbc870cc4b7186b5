// A mapping resolved against the running container: what the privileged side is given to apply.
// Every field is checked here, because this crosses from the user's session into root.
import ipaddr from 'ipaddr.js';
import { z } from 'zod';
import { hostIpSchema, ipv4Schema, MAX_RANGE, publishProtocolSchema } from '../../../shared/publish-model';

const port = z.number().int().min(1).max(65535);

/** Linux interface names: at most 15 characters, none of them '/', whitespace or a quote. */
export const interfaceNameSchema = z
  .string()
  .min(1)
  .max(15, 'an interface name is at most 15 characters')
  .regex(/^[a-zA-Z0-9][a-zA-Z0-9_.-]*$/, 'an interface name has only letters, digits, _ . and -');

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
    hostPort: port,
    hostPortEnd: port,
    containerPort: port,
    containerPortEnd: port,
    containerIp: ipv4Schema,
    /** The container's main process: its namespace tells which bridge port is its own (hairpin). */
    containerPid: z.number().int().min(2).max(4_194_304),
    bridge: interfaceNameSchema,
    subnet: ipv4CidrSchema,
  })
  .strict()
  .refine((m) => m.hostPortEnd >= m.hostPort && m.hostPortEnd - m.hostPort === m.containerPortEnd - m.containerPort, 'ranges differ in length')
  .refine((m) => m.hostPortEnd - m.hostPort < MAX_RANGE, `a range is at most ${MAX_RANGE} ports`);
export type ResolvedMapping = z.infer<typeof resolvedMappingSchema>;

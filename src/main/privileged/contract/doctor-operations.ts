// The privileged operations of the doctor's fixes: argument schemas and results. Each is as narrow
// as the fix it serves: two sysctls (values 0/1 only), one kernel module, and the content of
// Bridgeport's own BRIDGEPORT-DOCTOR chains (bridges and IPv4 networks, parsed).
import { z } from 'zod';
import { interfaceNameSchema } from '../../../shared/atoms/names';
import { ipv4CidrSchema } from './resolved-mapping';

/** The sysctls a fix may write, and where each lives (/proc/sys/net follows the writer's namespace). */
export const SYSCTL_PATHS = {
  'net.ipv4.ip_forward': '/proc/sys/net/ipv4/ip_forward',
  'net.bridge.bridge-nf-call-iptables': '/proc/sys/net/bridge/bridge-nf-call-iptables',
} as const;

export type SysctlKey = keyof typeof SYSCTL_PATHS;

const sysctlKeys = Object.keys(SYSCTL_PATHS) as [SysctlKey, ...SysctlKey[]];

export const doctorOperations = {
  /** Writes one allow-listed sysctl of this namespace (0 or 1) and reads it back. */
  'sysctl.set': z.object({ key: z.enum(sysctlKeys), value: z.union([z.literal(0), z.literal(1)]) }).strict(),
  /** `modprobe br_netfilter`: the only module a fix loads. */
  'kernel.loadModule': z.object({ module: z.literal('br_netfilter') }).strict(),
  /** Brings the BRIDGEPORT-DOCTOR chains (filter, nat) to exactly these rules, planned, applied in one batch and verified. */
  'firewall.applyDoctorRules': z
    .object({
      /** Bridges whose traffic out (and its replies) is accepted at the end of FORWARD. */
      forward: z.array(interfaceNameSchema).max(256),
      /** Networks masqueraded when leaving by anything but their own bridge, at the end of nat POSTROUTING. */
      masquerade: z.array(z.object({ subnet: ipv4CidrSchema, bridge: interfaceNameSchema }).strict()).max(256),
    })
    .strict(),
} as const;

export interface DoctorOperationResults {
  'sysctl.set': { key: SysctlKey; previous: string; value: string };
  'kernel.loadModule': { module: string };
  'firewall.applyDoctorRules': { changed: boolean };
}

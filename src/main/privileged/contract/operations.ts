// The closed set of privileged operations: name → argument schema. Nothing else ever runs as root
// on Bridgeport's behalf, whether in-process (engine as root) or in the elevated helper.
import { z } from 'zod';
import { interfaceNameSchema, resolvedMappingSchema } from './resolved-mapping';
import { linkOperations, type LinkOperationResults } from './link-operations';
import { doctorOperations, type DoctorOperationResults } from './doctor-operations';
import { dnsOperations, type DnsOperationResults } from './dns-operations';

export const operations = {
  /** Liveness, and how many operations ran (the fuzz test checks it stays at zero). */
  'helper.status': z.object({}).strict(),
  /** The IPv4 rule set as iptables-save prints it (privileged read). */
  'firewall.save': z.object({}).strict(),
  /** Brings Bridgeport's chains, route_localnet and hairpin to what these mappings need. */
  'ports.apply': z
    .object({
      mappings: z.array(resolvedMappingSchema).max(4096),
      /** Bridges whose route_localnet Bridgeport switched on and that no longer need it. */
      resetRouteLocalnet: z.array(interfaceNameSchema).max(256),
    })
    .strict(),
  /** Namespaces, bridges and veth pairs (netns.add … link.delete): see ops/links/link-operations. */
  ...linkOperations,
  /** The doctor's fixes (sysctl.set, kernel.loadModule, firewall.applyDoctorRules): see ops/doctor/doctor-operations. */
  ...doctorOperations,
  /** The DNS sync (dns.readFiles, dns.writeResolvConf, dns.setRedirects, dns.readRedirects): see ops/dns/dns-operations. */
  ...dnsOperations,
} as const;

export type OperationName = keyof typeof operations;
export type OperationArgs<O extends OperationName> = z.infer<(typeof operations)[O]>;

export interface ApplyPortsResult {
  changed: boolean;
  /** Bridges whose route_localnet was 0 and is now 1 (to be reset when no longer needed). */
  routeLocalnetSet: string[];
  warnings: string[];
}

export interface OperationResults extends LinkOperationResults, DoctorOperationResults, DnsOperationResults {
  'helper.status': { executed: number; pid: number };
  'firewall.save': { text: string };
  'ports.apply': ApplyPortsResult;
}

/** Runs privileged operations: in-process when root, else through the elevated helper. */
export interface PrivilegedExecutor {
  run<O extends OperationName>(op: O, args: OperationArgs<O>): Promise<OperationResults[O]>;
  close(): void;
}

export class OperationError extends Error {
  override name = 'OperationError';
}

/** Checks an operation request from anywhere; unknown names and bad arguments never reach a command. */
export function parseOperation(op: unknown, args: unknown): { op: OperationName; args: unknown } {
  if (typeof op !== 'string' || !Object.hasOwn(operations, op)) throw new OperationError(`unknown operation ${JSON.stringify(op)?.slice(0, 80)}`);
  const name = op as OperationName;
  const parsed = operations[name].safeParse(args);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || 'args'}: ${i.message}`)
      .join('; ');
    throw new OperationError(`invalid arguments for ${name}: ${detail}`);
  }
  return { op: name, args: parsed.data };
}

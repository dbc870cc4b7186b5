// The closed set of privileged operations: name → argument schema. Nothing else ever runs as root
// on Bridgeport's behalf, whether in-process (engine as root) or in the elevated helper.
import { z } from 'zod';
import { interfaceNameSchema } from '../../../shared/atoms/names';
import { resolvedMappingSchema } from './resolved-mapping';
import { MAX_MAPPINGS } from '../../netcore/meaning/port-request';
import type { PortBackend } from '../../netcore/rulesets/port-backend';
import { linkOperations, type LinkOperationResults } from './link-operations';
import { doctorOperations, type DoctorOperationResults } from './doctor-operations';
import { dnsOperations, type DnsOperationResults } from './dns-operations';
import { readOperations, type ReadOperationResults } from './read-operations';
import { flowOperations, type FlowOperationResults } from './flow-operations';
import { traceOperations, type TraceOperationResults } from './trace-operations';
import { BridgeportError, type ErrorKind } from '../../../shared/errors';
import type { Message } from '../../../shared/message';
import type { PrivilegeState } from '../../../shared/privilege-model';

export const portBackendPreferenceSchema = z.enum(['auto', 'iptables', 'nftables']);

export const operations = {
  /** Liveness, and how many operations ran (the fuzz test checks it stays at zero). */
  'helper.status': z.object({}).strict(),
  /** The IPv4 rule set as iptables-save prints it (privileged read). */
  'firewall.save': z.object({}).strict(),
  /** Brings Bridgeport's chains, route_localnet and hairpin to what these mappings need. */
  'ports.apply': z
    .object({
      /** At most MAX_MAPPINGS; the helper also caps the host ports of all of them together (meaning/port-request). */
      mappings: z.array(resolvedMappingSchema).max(MAX_MAPPINGS),
      /** Bridges whose route_localnet Bridgeport switched on and that no longer need it. */
      resetRouteLocalnet: z.array(interfaceNameSchema).max(256),
      /** iptables chains or the native `table inet bridgeport`; auto: what the host's engines use (netcore/rulesets/port-backend). */
      firewall: portBackendPreferenceSchema.optional(),
    })
    .strict(),
  /** Namespaces, bridges and veth pairs (netns.add … link.delete): see ops/links/link-operations. */
  ...linkOperations,
  /** The doctor's fixes (sysctl.set, kernel.loadModule, firewall.applyDoctorRules): see ops/doctor/doctor-operations. */
  ...doctorOperations,
  /** The DNS sync (dns.readFiles, dns.writeResolvConf, dns.setRedirects, dns.readRedirects): see ops/dns/dns-operations. */
  ...dnsOperations,
  /** The privileged reads (firewall.read, firewall.listTables, netns.report, host.listeners): see read-operations. */
  ...readOperations,
  /** Live flows from conntrack (flows.list, flows.events): see flow-operations. */
  ...flowOperations,
  /** The kernel's trace of one flow (trace.run, trace.clearStale): see trace-operations. */
  ...traceOperations,
} as const;

export type OperationName = keyof typeof operations;
type OperationArgMap = { [O in OperationName]: z.output<(typeof operations)[O]> };
export type OperationArgs<O extends OperationName> = OperationArgMap[O];

/** The same table, typed per operation so a generic lookup keeps the operation's own types. */
const checkedOperations: { [O in OperationName]: z.ZodType<OperationArgs<O>> } = operations;

export interface ApplyPortsResult {
  changed: boolean;
  /** The firewall the rules were written with. */
  backend: PortBackend;
  /** Bridges whose route_localnet was 0 and is now 1 (to be reset when no longer needed). */
  routeLocalnetSet: string[];
  warnings: string[];
}

export interface OperationResults extends LinkOperationResults, DoctorOperationResults, DnsOperationResults, ReadOperationResults, FlowOperationResults, TraceOperationResults {
  'helper.status': { executed: number; pid: number };
  'firewall.save': { text: string };
  'ports.apply': ApplyPortsResult;
}

/** Runs privileged operations: in-process when root, else through the elevated helper. */
export interface PrivilegedExecutor {
  run<O extends OperationName>(op: O, args: OperationArgs<O>): Promise<OperationResults[O]>;
  close(): void;
}

/**
 * The privileged side as a face hands it to the engine. Reads ask `ready()` first and use the
 * executor only when it is at hand without asking anybody (root in-process; the helper already
 * elevated), so a view refreshed every second never brings up a password prompt; writes call
 * `executor()`, which may prompt once.
 */
export interface PrivilegedAccess {
  executor(): Promise<PrivilegedExecutor>;
  /** True when executor() resolves without a prompt. */
  ready(): boolean;
  /** Whether rights are had, and why not (never prompts). Absent: 'root' when ready(), else unavailable. */
  state?(): PrivilegeState;
  /** The user asked for rights (Elevate): prompts even after a decline, which executor() does not. Absent: executor(). */
  elevate?(): Promise<PrivilegedExecutor>;
}

/** 'refused' when nothing was changed (bad arguments, a state that does not allow it); 'failed' when it was tried. */
export class OperationError extends BridgeportError {
  override name = 'OperationError';
  constructor(message: string, kind: ErrorKind = 'failed', said?: Message) {
    super(kind, message, said);
  }
}

export function isOperationName(op: unknown): op is OperationName {
  return typeof op === 'string' && Object.hasOwn(operations, op);
}

/** Checks one operation's arguments; bad arguments never reach a command. */
export function parseArgs<O extends OperationName>(op: O, args: unknown): OperationArgs<O> {
  const parsed = checkedOperations[op].safeParse(args);
  if (!parsed.success) {
    const detail = parsed.error.issues
      .slice(0, 3)
      .map((i) => `${i.path.join('.') || 'args'}: ${i.message}`)
      .join('; ');
    throw new OperationError(`invalid arguments for ${op}: ${detail}`, 'refused');
  }
  return parsed.data;
}

/** Checks an operation request from anywhere; unknown names and bad arguments never reach a command. */
export function parseOperation(op: unknown, args: unknown): { op: OperationName; args: unknown } {
  if (!isOperationName(op)) throw new OperationError(`unknown operation ${JSON.stringify(op)?.slice(0, 80)}`, 'refused');
  return { op, args: parseArgs(op, args) };
}

/** One runner per operation: a table missing one does not compile, and no runner needs a cast. */
export type OperationHandlers<K extends OperationName = OperationName> = {
  [O in K]: (args: OperationArgs<O>) => Promise<OperationResults[O]>;
};

// The one contract between the engine and every face (IPC, WebSocket, CLI) and the renderer.
// Each method names its input schema (checked by every transport on the way in) and its output.
import { z } from 'zod';
import { natReportSchema, publishedPortSchema } from './firewall-model';
import { engineRefSchema, snapshotSchema } from './model';
import { settingsChangeSchema, settingsReportSchema, settingsSchema } from './settings-model';
import { kernelTraceQuerySchema, kernelTraceResultSchema } from './trace-model';
import { pathQuerySchema, pathResultSchema } from './path-model';
import {
  mappingSchema,
  mappingStatusSchema,
  portEventSchema,
  publishRequestSchema,
  reconcileResultSchema,
  unpublishRequestSchema,
} from './publish-model';
import {
  networkConnectSchema,
  networkCreateSchema,
  networkDetailSchema,
  networkDisconnectSchema,
  networkRemoveSchema,
  subnetSuggestionSchema,
} from './network-model';
import {
  bridgeCreateSchema,
  linkDeleteSchema,
  linkMoveSchema,
  linkStateSchema,
  madeThingSchema,
  netnsCreateSchema,
  netnsDeleteSchema,
  vethCreateSchema,
} from './namespace-model';
import { doctorCheckSchema, doctorFixSchema, doctorReportSchema } from './doctor-model';
import { trafficHistorySchema, trafficSampleSchema } from './traffic-model';
import { flowEventSchema, flowsReportSchema } from './flow-model';
import { dnsEventSchema, dnsReportSchema, dnsSettingsSchema, dnsSyncResultSchema, dnsSyncSwitchSchema } from './dns-model';
import { privilegeStateSchema } from './privilege-model';

export const methods = {
  /** The current snapshot of the host namespace's network and Docker. */
  'snapshot.get': { input: z.object({}).strict(), output: snapshotSchema },
  /** The nat, filter and raw tables with counters, each rule attributed and explained. */
  'nat.get': { input: z.object({}).strict(), output: natReportSchema },
  /** Every published port with the rules behind it, counters and hints. */
  'ports.get': { input: z.object({}).strict(), output: z.array(publishedPortSchema) },
  /** Where a new connection to ip:port goes from the LAN, the host or a container, rule by rule. */
  'path.trace': { input: pathQuerySchema, output: pathResultSchema },
  /** The kernel's own trace of one flow (nftrace), beside the computed path with every difference (needs rights: may prompt). */
  'path.kernelTrace': { input: kernelTraceQuerySchema, output: kernelTraceResultSchema },
  /** Publishes a host port on a running container, at once and remembered (refused, with the reason, before anything changes). */
  'ports.publish': { input: publishRequestSchema, output: mappingStatusSchema },
  /** Removes a port Bridgeport published. */
  'ports.unpublish': { input: unpublishRequestSchema, output: mappingSchema },
  /** Brings the rules back to what the remembered mappings want (idempotent). */
  'ports.reconcile': { input: z.object({}).strict(), output: reconcileResultSchema },
  /** The ports Bridgeport publishes and how each stands. */
  'mappings.list': { input: z.object({}).strict(), output: z.array(mappingStatusSchema) },
  /** What happened to them: published, restored, removed with its container … */
  'events.list': { input: z.object({}).strict(), output: z.array(portEventSchema) },
  /** Every Docker network with its options and attached containers. */
  'networks.list': { input: z.object({}).strict(), output: z.array(networkDetailSchema) },
  /** A free private subnet (not used by Docker, the host's routes or addresses). */
  'networks.suggestSubnet': { input: z.object({}).strict(), output: subnetSuggestionSchema },
  'networks.create': { input: networkCreateSchema, output: networkDetailSchema },
  'networks.remove': { input: networkRemoveSchema, output: z.object({ removed: z.string(), disconnected: z.array(z.string()), engine: engineRefSchema.optional() }) },
  'networks.connect': { input: networkConnectSchema, output: networkDetailSchema },
  'networks.disconnect': { input: networkDisconnectSchema, output: networkDetailSchema },
  /** Namespaces, bridges and veth pairs wired by hand; only what Bridgeport made can be deleted. */
  'netns.create': { input: netnsCreateSchema, output: madeThingSchema },
  'netns.delete': { input: netnsDeleteSchema, output: madeThingSchema },
  'links.createBridge': { input: bridgeCreateSchema, output: madeThingSchema },
  'links.createVeth': { input: vethCreateSchema, output: madeThingSchema },
  'links.move': { input: linkMoveSchema, output: z.object({ link: z.string(), place: z.string() }) },
  'links.setState': { input: linkStateSchema, output: z.object({ link: z.string(), up: z.boolean() }) },
  'links.delete': { input: linkDeleteSchema, output: madeThingSchema },
  'made.list': { input: z.object({}).strict(), output: z.array(madeThingSchema) },
  /** Checks for "my container can't reach the internet". */
  'doctor.run': { input: z.object({}).strict(), output: doctorReportSchema },
  /** Applies one safe fix, then checks again. */
  'doctor.fix': { input: doctorFixSchema, output: doctorCheckSchema },
  /** The host's DNS in force and every container's: servers, search, options, /etc/hosts, where each came from. */
  'dns.get': { input: z.object({}).strict(), output: dnsReportSchema },
  /** What DNS syncs did, newest last (also those of another Bridgeport process, from dns-events.jsonl). */
  'dns.timeline': { input: z.object({}).strict(), output: z.array(dnsEventSchema) },
  /** Switches the sync on or off, globally or for one container (remembered). */
  'dns.setSync': { input: dnsSyncSwitchSchema, output: dnsSettingsSchema },
  /** Brings every container that follows the host up to date now (what the watcher does on a change). */
  'dns.syncNow': { input: z.object({}).strict(), output: dnsSyncResultSchema },
  /** Traffic now: per interface and container (the container's view), per published port and NAT rule. */
  'traffic.get': { input: z.object({}).strict(), output: trafficSampleSchema },
  /** Per-container rates: the last 5 minutes at one point per tick, the last hour at 10 s. */
  'traffic.history': { input: z.object({}).strict(), output: trafficHistorySchema },
  /** The connections the host's conntrack holds that involve a container, attributed at both ends (issue 17). */
  'flows.get': { input: z.object({}).strict(), output: flowsReportSchema },
  /** Whether Bridgeport has administrator rights now, and if not why (never prompts). */
  'privilege.get': { input: z.object({}).strict(), output: privilegeStateSchema },
  /** The window's settings and where Bridgeport keeps its files. */
  'settings.get': { input: z.object({}).strict(), output: settingsReportSchema },
  /** Changes some settings (remembered in the config folder); pushed to every window as `settings`. */
  'settings.set': { input: settingsChangeSchema, output: settingsSchema },
  /** Asks for administrator rights now (one prompt); a dismissed prompt resolves with state 'declined', never throws. */
  'privilege.elevate': { input: z.object({}).strict(), output: privilegeStateSchema },
} as const;

export const topics = {
  /** Pushed whenever the system changed (Docker events, netlink, namespaces). */
  snapshot: snapshotSchema,
  /** Sampled once per second while someone subscribes (counters move without events). */
  nat: natReportSchema,
  ports: z.array(publishedPortSchema),
  mappings: z.array(mappingStatusSchema),
  events: z.array(portEventSchema),
  /** Pushed when the host's or a container's DNS changed, or a switch moved. */
  dns: dnsReportSchema,
  /** The DNS timeline, pushed on every new entry. */
  dnsEvents: z.array(dnsEventSchema),
  /** Only the new timeline entries of one sync, as they happen (desktop notifications, `bridgeport daemon`). */
  dnsNews: z.array(dnsEventSchema),
  /** One sample per tick (1 s) while someone subscribes. */
  traffic: trafficSampleSchema,
  /** The administrator rights, pushed when they change (elevated, declined, the helper gone). */
  privilege: privilegeStateSchema,
  /** Flows as they start and end (conntrack's events), while someone subscribes. */
  flowEvents: z.array(flowEventSchema),
  /** The settings, whenever a window changed them. */
  settings: settingsSchema,
} as const;

export type MethodName = keyof typeof methods;
export type TopicName = keyof typeof topics;
/** The shape of a contract: method name → input and output schemas. */
export type MethodTable = Record<string, { input: z.ZodType; output: z.ZodType }>;
/** What a caller may pass (defaults not yet applied). */
export type MethodInput<M extends MethodName> = z.input<(typeof methods)[M]['input']>;
/** The input as a handler receives it: checked, defaults applied. */
export type MethodArgs<M extends MethodName> = ArgsOf<typeof methods>[M];
export type MethodOutput<M extends MethodName> = OutputsOf<typeof methods>[M];
export type TopicPayload<T extends TopicName> = z.infer<(typeof topics)[T]>;

type ArgsOf<T extends MethodTable> = { [M in keyof T]: z.output<T[M]['input']> };
type OutputsOf<T extends MethodTable> = { [M in keyof T]: z.infer<T[M]['output']> };

/**
 * One handler per method of a contract: a table missing a method (or with a method the contract
 * lacks) does not compile, and each handler's input and output are the contract's, without casts.
 */
export type HandlersOf<T extends MethodTable> = { [M in keyof T]: (input: ArgsOf<T>[M]) => Promise<OutputsOf<T>[M]> };
export type MethodHandlers = HandlersOf<typeof methods>;

/** The same table, typed per method so a generic lookup keeps the method's own types. */
const checkedMethods: { [M in MethodName]: { input: z.ZodType<MethodArgs<M>> } } = methods;

export function isMethodName(name: unknown): name is MethodName {
  return typeof name === 'string' && Object.hasOwn(methods, name);
}

export function isTopicName(name: unknown): name is TopicName {
  return typeof name === 'string' && Object.hasOwn(topics, name);
}

/** The API a face offers the renderer: `window.bridgeport` in Electron, a WebSocket client in a browser. */
export interface BridgeportApi {
  invoke<M extends MethodName>(method: M, input: MethodInput<M>): Promise<MethodOutput<M>>;
  subscribe<T extends TopicName>(topic: T, listener: (payload: TopicPayload<T>) => void): () => void;
}

/** A clear error for bad input, naming the problem; thrown before anything is done. */
export class ContractError extends Error {
  override name = 'ContractError';
  /** Nothing was changed (see src/shared/errors.ts). */
  readonly kind = 'refused' as const;
}

/** Checks one method's input: bad inputs never reach the engine. */
export function parseInput<M extends MethodName>(method: M, input: unknown): MethodArgs<M> {
  const parsed = checkedMethods[method].input.safeParse(input ?? {});
  if (!parsed.success) {
    const detail = parsed.error.issues.map((i) => `${i.path.join('.') || 'input'}: ${i.message}`).join('; ');
    throw new ContractError(`invalid input for ${method}: ${detail}`);
  }
  return parsed.data;
}

/** Validates a method call from any transport: unknown methods and bad inputs never reach the engine. */
export function parseCall(method: unknown, input: unknown): { method: MethodName; input: unknown } {
  if (!isMethodName(method)) throw new ContractError(`unknown method ${JSON.stringify(method)}`);
  return { method, input: parseInput(method, input) };
}

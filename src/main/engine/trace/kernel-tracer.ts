// `bridgeport trace` and the Trace button: the computed path and the kernel's trace of the same
// flow, from one reading of the rules, with their differences. Composition only: the pure parts
// are kernel-steps, compare-trace, trace-notes and probe-detail.
import { inEnglish } from '../../../shared/i18n/english';
import { message, type Message } from '../../../shared/message';
import type { Container } from '../../../shared/model';
import type { PathResult } from '../../../shared/path-model';
import type { KernelTraceQuery, KernelTraceResult } from '../../../shared/trace-model';
import type { PrivilegedExecutor } from '../../privileged/contract/operations';
import type { ParsedRuleset } from '../../netcore/rules/parsed-rule';
import type { PacketQuery } from '../path/path-types';
import { compareTrace } from './compare-trace';
import { kernelOutcomeOf, kernelSteps, packetView } from './kernel-steps';
import { probeDetailMessage } from './probe-detail';
import { traceNoteMessages } from './trace-notes';

export interface ComputedPath {
  result: PathResult;
  ruleset: ParsedRuleset;
  packet: PacketQuery;
  containers: readonly Container[];
  variant: 'nft' | 'legacy' | null;
}

/** A trace Bridgeport cannot run, in its own words (`said`, so the window says it in its language). */
export class TraceError extends Error {
  constructor(readonly said: Message) {
    super(inEnglish(said));
  }
}

export interface KernelTracerDeps {
  /** The privileged side; may prompt once (a trace needs rights). */
  executor(): Promise<PrivilegedExecutor>;
  /** The computed path of the query, and the reading it was computed from. */
  computePath(query: Required<Omit<KernelTraceQuery, 'timeoutSeconds'>>): Promise<ComputedPath>;
}

export async function traceInKernel(deps: KernelTracerDeps, query: Required<KernelTraceQuery>): Promise<KernelTraceResult> {
  const executor = await deps.executor();
  const { timeoutSeconds, ...pathQuery } = query;
  const path = await deps.computePath(pathQuery);
  const from = originOf(path.packet, path.containers);
  const traced = await executor.run('trace.run', { protocol: query.protocol, destination: query.destination, port: query.port, from, timeoutMs: timeoutSeconds * 1000 });
  const steps = kernelSteps(traced.events, path.ruleset);
  const kernelOutcome = kernelOutcomeOf(traced.caught, steps);
  const target = `${query.destination}:${query.port}/${query.protocol}`;
  const notes = traceNoteMessages({ origin: path.packet.from.kind, caught: traced.caught, timeoutSeconds, target, variant: path.variant, steps, otherPackets: traced.otherPackets });
  const probe = traced.probe;
  return {
    caught: traced.caught,
    packet: traced.packet ? packetView(traced.packet) : null,
    steps,
    computed: path.result,
    differences: compareTrace(path.result, steps, kernelOutcome),
    kernelOutcome,
    probe: probe && (probe.detail === null ? probe : { ...probe, detailMessage: probeDetailMessage(probe.detail) }),
    otherPackets: traced.otherPackets,
    notes: notes.map(inEnglish),
    notesMessages: notes,
    elapsedMs: traced.elapsedMs,
  };
}

function originOf(packet: PacketQuery, containers: readonly Container[]): { kind: 'lan' } | { kind: 'host' } | { kind: 'container'; pid: number } {
  const from = packet.from;
  if (from.kind !== 'container') return { kind: from.kind };
  const pid = containers.find((c) => c.id === from.containerId)?.pid ?? null;
  // packetQueryOf refused a stopped container already; a container that stopped since is said here.
  if (pid === null) throw new TraceError(message('engine-trace:error.containerStopped'));
  return { kind: 'container', pid };
}

// trace.run: one flow, one packet, the kernel's account of it. The order matters: the monitor
// listens before the table exists (its own addition is the sign it does), the probe goes out only
// then, and the table goes whatever happened. One trace at a time per process.
import { OperationError, type OperationArgs } from '../../contract/operations';
import { MAX_TRACE_EVENTS, type TraceEventWithPosition, type TraceOperationResults } from '../../contract/trace-operations';
import { isTableEvent, parseNftTraceLine, type NftTraceEvent, type TracedPacket } from '../../../netcore/nft-trace/parse-nft-trace';
import { positionKey, rulePositions } from '../../../netcore/nft-trace/rule-positions';
import { TRACE_TABLE_FAMILY, traceTableScript } from '../../../netcore/nft-trace/trace-table';
import { traceDestinationProblem } from '../../../netcore/meaning/trace-destination';
import { runCommand } from '../../../system/run-command';
import { pinContainerNamespace, type PinnedNamespace } from '../../meaning/pinned-namespace';
import { TraceMonitor } from './trace-monitor';
import { probeSourcePort, sendProbe, type ProbeResult } from './trace-probe';
import { addTraceTable, clearStaleTraceTables, interruption, ownTraceTable, removeTraceTable, whenInterrupted } from './trace-tables';

type Args = OperationArgs<'trace.run'>;
type Result = TraceOperationResults['trace.run'];

const READY_MS = 10_000;
const NUDGE_MS = 250;
/** After the packet's last event: it has left the host or was dropped. */
const SETTLE_MS = 400;
/** A probe that ended while nothing was marked: its packet never reached the host's hooks. */
const UNSEEN_PROBE_MS = 1_000;

let running = false;

export async function runTrace(args: Args): Promise<Result> {
  const problem = traceDestinationProblem(args.destination);
  if (problem) throw new OperationError(problem, 'refused');
  if (running) throw new OperationError('a trace is already running: wait for it to end', 'refused');
  running = true;
  let pinned: PinnedNamespace | null = null;
  try {
    // Pinned before anything is armed: a pid that is not a running container is refused here.
    pinned = args.from.kind === 'container' ? pinContainerNamespace(args.from.pid) : null;
    await clearStaleTraceTables();
    return await traceOnce(args, pinned);
  } finally {
    pinned?.close();
    running = false;
  }
}

async function traceOnce(args: Args, pinned: PinnedNamespace | null): Promise<Result> {
  const started = Date.now();
  const table = ownTraceTable();
  const sourcePort = args.from.kind === 'lan' ? null : probeSourcePort();
  const script = traceTableScript(table, { protocol: args.protocol, destination: args.destination, port: args.port, sourcePort, origin: args.from.kind });
  const monitor = new TraceMonitor();
  let probe: Promise<ProbeResult> | null = null;
  const forget = whenInterrupted(() => monitor.stop());
  try {
    await addTraceTable(table, script);
    await untilListening(monitor, table);
    let probeEndedAt: number | null = null;
    if (sourcePort !== null) {
      probe = sendProbe({ protocol: args.protocol, destination: args.destination, port: args.port, sourcePort, timeoutMs: Math.min(args.timeoutMs, 3_000), namespacePath: pinned?.path ?? null });
      void probe.then(() => (probeEndedAt = Date.now()));
    }
    const traced = await collect(monitor, table, started + args.timeoutMs, () => probeEndedAt);
    const signal = interruption();
    if (signal) throw new OperationError(`the trace was interrupted (${signal}); its table is removed`, 'failed');
    const probed = probe ? await probe : null;
    const events = await withPositions(traced.events);
    return {
      caught: traced.packet !== null,
      packet: traced.packet,
      events,
      otherPackets: traced.otherPackets,
      probe: probed && sourcePort !== null ? { sourcePort, outcome: probed.outcome, detail: probed.detail } : null,
      elapsedMs: Date.now() - started,
    };
  } finally {
    forget();
    await removeTraceTable(table);
    monitor.stop();
    await probe?.catch(() => undefined);
  }
}

/**
 * The monitor listens once it reports a change to our table. It may have subscribed only after the
 * table was added (a loaded machine): then an empty chain is added to the table (harmless, gone with
 * it) every NUDGE_MS until one is reported.
 */
async function untilListening(monitor: TraceMonitor, table: string): Promise<void> {
  const heard = () => monitor.lines.some((l) => isTableEvent(l, TRACE_TABLE_FAMILY, table));
  const until = Date.now() + READY_MS;
  for (let nudge = 1; !heard() && !monitor.exited && Date.now() < until; nudge++) {
    await monitor.next(Math.min(NUDGE_MS, until - Date.now()));
    if (!heard()) await runCommand(['nft', 'add', 'chain', TRACE_TABLE_FAMILY, table, `listening_${nudge}`]);
  }
  if (!heard()) throw new OperationError(`nft monitor did not start listening within ${READY_MS / 1000} s${monitor.problem ? `: ${monitor.problem}` : ''}`);
}

interface Traced {
  packet: TracedPacket | null;
  events: NftTraceEvent[];
  otherPackets: number;
}

/**
 * Follows the first packet our table marked until it has been quiet for SETTLE_MS, or the deadline.
 * A probe that ended without any packet marked (no route, refused locally) ends the wait soon after.
 */
async function collect(monitor: TraceMonitor, table: string, deadline: number, probeEndedAt: () => number | null): Promise<Traced> {
  let ours: string | null = null;
  let packet: TracedPacket | null = null;
  const events: NftTraceEvent[] = [];
  const others = new Set<string>();
  let read = 0;
  let lastEventAt = 0;
  for (;;) {
    for (; read < monitor.lines.length; read++) {
      const event = parseNftTraceLine(monitor.lines[read]!);
      if (!event) continue;
      const fromOurTable = event.family === TRACE_TABLE_FAMILY && event.table === table;
      if (ours === null && fromOurTable) ours = event.id;
      if (event.id !== ours) {
        if (fromOurTable) others.add(event.id);
        continue;
      }
      lastEventAt = Date.now();
      if (fromOurTable) {
        if (event.kind === 'packet' && packet === null) packet = event.packet ?? null;
        continue;
      }
      if (events.length < MAX_TRACE_EVENTS) events.push(event);
    }
    const now = Date.now();
    if (monitor.exited || now >= deadline) break;
    if (ours !== null && now - lastEventAt >= SETTLE_MS) break;
    const probeEnded = probeEndedAt();
    if (ours === null && probeEnded !== null && now - probeEnded >= UNSEEN_PROBE_MS) break;
    await monitor.next(ours === null ? Math.min(deadline - now, probeEnded === null ? SETTLE_MS : UNSEEN_PROBE_MS) : Math.min(deadline - now, SETTLE_MS - (now - lastEventAt)));
  }
  return { packet, events, otherPackets: others.size };
}

/** Each rule event with its position in its chain (the model names rules by position). */
async function withPositions(events: NftTraceEvent[]): Promise<TraceEventWithPosition[]> {
  if (!events.some((e) => e.kind === 'rule')) return events;
  const positions = rulePositions(await runCommand(['nft', '-j', 'list', 'ruleset']));
  return events.map((e) => {
    const position = e.kind === 'rule' && e.handle !== undefined ? positions.get(positionKey(e.family, e.table, e.chain, e.handle)) : undefined;
    return position === undefined ? e : { ...e, position };
  });
}

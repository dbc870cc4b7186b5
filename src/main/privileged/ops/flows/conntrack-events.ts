// flows.events: one long-lived `conntrack -E` per helper process, in the helper's own network
// namespace, feeding a bounded ring that callers read by cursor. It starts on the first read and
// stops when nobody has read for FLOW_WATCH_IDLE_MS, so a closed window leaves no conntrack behind.
// Cheap on a busy host: conntrack's lines arrive through a FIFO drained every DRAIN_MS (not one
// event-loop wake-up per line, see fifo-lines.ts), the ring keeps them as text (short-lived garbage,
// not 20,000 parsed objects for the collector to trace) and they are parsed when read, all but the
// updates a later update of the same connection in the same read supersedes (superseded-updates.ts).
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { commandEnv } from '../../../system/command-env';
import { EventRing } from '../../../netcore/conntrack/event-ring';
import { isConntrackEntry, parseConntrackLine, type ConntrackEntry } from '../../../netcore/conntrack/parse-conntrack';
import { FLOW_EVENT_BUFFER, FLOW_WATCH_IDLE_MS, MAX_FLOW_EVENTS_PER_READ, type FlowOperationResults } from '../../contract/flow-operations';
import { withoutSupersededUpdates } from '../../../netcore/conntrack/superseded-updates';
import { lineInterest, mayConcern, type LineInterest } from '../../../netcore/conntrack/line-interest';
import { FifoLines } from './fifo-lines';

/**
 * `-o id,timestamp`: the id keys a connection across its events, the timestamp says when it
 * happened; `extended` would add only the family (read from the addresses) and mark/zone/use
 * (unused), at a cost per event on both sides. `-b`: a netlink socket buffer (bytes; the kernel
 * doubles it) that holds a few seconds of a busy host's events while the FIFO waits for its next
 * drain or the machine is loaded, instead of the kernel's ENOBUFS (lost events, then a full
 * table read). All event types: updates carry the TCP states a flow shows (ESTABLISHED, CLOSE_WAIT…)
 * and its end at TIME_WAIT/CLOSE, long before conntrack forgets it.
 */
export const CONNTRACK_EVENTS_ARGV = ['conntrack', '-E', '-o', 'id,timestamp', '-b', '16777216'] as const;
const ARGV = CONNTRACK_EVENTS_ARGV;
const IDLE_CHECK_MS = 5_000;
/**
 * How often conntrack's output is taken in between reads. Meanwhile conntrack fills the FIFO (64 KiB,
 * some 350 lines) and then waits, its events held by its netlink buffer (-b: seconds of a busy host).
 * A drain that found the FIFO full is followed by another after DRAIN_BUSY_MS, until it is not; one
 * that found nothing waits twice as long as the last, up to DRAIN_QUIET_MAX_MS (a quiet host then
 * wakes this process once a second, not ten times: the idle flows engine measured 0.14 % of a core
 * instead of 0.47 %).
 */
const DRAIN_MS = 100;
const DRAIN_BUSY_MS = 5;
const DRAIN_QUIET_MAX_MS = 1_000;

/** What a drain found: more than the FIFO holds, some lines, or nothing. */
export type DrainOutcome = 'full' | 'some' | 'none';

/** The wait before the next drain, after one that found `outcome` following a wait of `previous` ms. Pure. */
export function nextDrainDelay(previous: number, outcome: DrainOutcome): number {
  if (outcome === 'full') return DRAIN_BUSY_MS;
  if (outcome === 'some') return DRAIN_MS;
  return Math.min(DRAIN_QUIET_MAX_MS, Math.max(DRAIN_MS, previous) * 2);
}

class ConntrackWatcher {
  private readonly ring = new EventRing<string>(FLOW_EVENT_BUFFER);
  private child: ChildProcess | null = null;
  private fifo: FifoLines | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private drainTimer: NodeJS.Timeout | null = null;
  private lastRead = 0;
  private problem: string | null = null;
  private exitHooked = false;

  async read(cursor: number, interest: LineInterest | null): Promise<FlowOperationResults['flows.events']> {
    this.lastRead = Date.now();
    if (!this.child) await this.start();
    this.drain();
    const read = this.ring.read(cursor, MAX_FLOW_EVENTS_PER_READ);
    const events: ConntrackEntry[] = [];
    let unparsed = 0;
    // The host's own connections go first, unparsed; then the updates that a later update of the
    // same connection in this read supersedes.
    const wanted = interest ? read.items.filter((text) => mayConcern(text, interest)) : read.items;
    const uninteresting = read.items.length - wanted.length;
    for (const text of withoutSupersededUpdates(wanted)) {
      const line = parseConntrackLine(text);
      if (line && isConntrackEntry(line)) events.push(line);
      else if (line) unparsed++;
    }
    return { events, unparsed, uninteresting, cursor: read.cursor, lost: read.lost, more: read.more, running: this.child !== null, problem: this.problem };
  }

  /** The running conntrack's pid (tests), or null. */
  pid(): number | null {
    return this.child?.pid ?? null;
  }

  stop(): void {
    const child = this.child;
    this.child = null;
    this.stopTimers();
    this.closeFifo();
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  }

  /** Takes what conntrack wrote into the ring; whether the FIFO was full (more waits), or what it found. */
  private drain(): DrainOutcome {
    const lines: string[] = [];
    const full =
      this.fifo?.drain((text) => {
        if (text.trim() !== '') lines.push(text);
      }) ?? false;
    // Superseded updates are dropped already here: the ring holds more time, the collector has less to trace.
    for (const text of withoutSupersededUpdates(lines)) this.ring.push(text);
    return full ? 'full' : lines.length > 0 ? 'some' : 'none';
  }

  /** Drains every DRAIN_MS while lines come, soon again while conntrack has more than the FIFO holds, less often while quiet. */
  private scheduleDrain(delay: number): void {
    this.drainTimer = setTimeout(() => {
      if (this.child === null) return;
      this.scheduleDrain(nextDrainDelay(delay, this.drain()));
    }, delay).unref();
  }

  private stopTimers(): void {
    if (this.idleTimer) clearInterval(this.idleTimer);
    if (this.drainTimer) clearTimeout(this.drainTimer);
    this.idleTimer = null;
    this.drainTimer = null;
  }

  private closeFifo(): void {
    this.fifo?.close();
    this.fifo = null;
  }

  private start(): Promise<void> {
    // Whatever happened while no watcher ran is not in the ring: readers from before are told.
    if (this.ring.nextSequence > 0) this.ring.markGap();
    if (!this.exitHooked) {
      process.on('exit', () => this.stop());
      this.exitHooked = true;
    }
    const [file, ...args] = ARGV;
    let fifo: FifoLines;
    try {
      fifo = new FifoLines();
    } catch (error) {
      this.problem = `${ARGV.join(' ')} could not start: no FIFO for its output (${(error as Error).message})`;
      return Promise.resolve();
    }
    const child = spawn(file, args, { stdio: ['ignore', fifo.childFd, 'pipe'], env: commandEnv() });
    fifo.childStarted();
    this.child = child;
    this.fifo = fifo;
    this.problem = null;
    let lastError = '';
    createInterface({ input: child.stderr! }).on('line', (text) => {
      // "WARNING: We have hit ENOBUFS! We are losing events." — the kernel dropped events.
      if (text.includes('ENOBUFS')) {
        this.drain(); // what came before the loss stays before the gap
        this.ring.markGap();
      } else if (text.trim() !== '' && !text.startsWith('NOTICE:')) lastError = text.trim(); // NOTICE: the -b size it set
    });
    // 'close': stderr is done too; the FIFO holds the last lines until drained here.
    child.on('close', (code, signal) => {
      if (this.child !== child) return; // stopped on purpose
      this.drain();
      this.child = null;
      this.ring.markGap();
      this.problem = `${ARGV.join(' ')} ended (${code !== null ? `exit ${code}` : `signal ${signal}`}): ${lastError || 'no message'}`;
      this.stopTimers();
      this.closeFifo();
    });
    this.idleTimer = setInterval(() => {
      if (Date.now() - this.lastRead >= FLOW_WATCH_IDLE_MS) this.stop();
    }, IDLE_CHECK_MS).unref();
    this.scheduleDrain(DRAIN_MS);
    // The first reply says truthfully whether it runs: wait until it started or could not.
    return new Promise((started) => {
      child.once('spawn', () => started());
      child.once('error', (error) => {
        if (this.child === child) {
          this.child = null;
          this.problem = `${ARGV.join(' ')} could not start: ${error.message}`;
          this.stopTimers();
          this.closeFifo();
        }
        started();
      });
    });
  }
}

/** One per process: every reader shares it. */
const watcher = new ConntrackWatcher();

export const readFlowEvents = (args: { cursor: number; interest?: string[] | undefined }): Promise<FlowOperationResults['flows.events']> =>
  watcher.read(args.cursor, args.interest ? lineInterest(args.interest) : null);
export const stopFlowWatcher = (): void => watcher.stop();
export const flowWatcherPid = (): number | null => watcher.pid();

// flows.events: one long-lived `conntrack -E` per helper process, in the helper's own network
// namespace, feeding a bounded ring that callers read by cursor. It starts on the first read and
// stops when nobody has read for FLOW_WATCH_IDLE_MS, so a closed window leaves no conntrack behind.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { commandEnv } from '../../../system/command-env';
import { EventRing } from '../../../netcore/conntrack/event-ring';
import { isConntrackEntry, parseConntrackLine, type ConntrackEntry, type ConntrackLine } from '../../../netcore/conntrack/parse-conntrack';
import { FLOW_EVENT_BUFFER, FLOW_WATCH_IDLE_MS, MAX_FLOW_EVENTS_PER_READ, type FlowOperationResults } from '../../contract/flow-operations';

const ARGV = ['conntrack', '-E', '-o', 'extended,id,timestamp'] as const;
const IDLE_CHECK_MS = 5_000;

class ConntrackWatcher {
  private readonly ring = new EventRing<ConntrackLine>(FLOW_EVENT_BUFFER);
  private child: ChildProcess | null = null;
  private idleTimer: NodeJS.Timeout | null = null;
  private lastRead = 0;
  private problem: string | null = null;
  private exitHooked = false;

  async read(cursor: number): Promise<FlowOperationResults['flows.events']> {
    this.lastRead = Date.now();
    if (!this.child) await this.start();
    const read = this.ring.read(cursor, MAX_FLOW_EVENTS_PER_READ);
    const events: ConntrackEntry[] = [];
    let unparsed = 0;
    for (const line of read.items) {
      if (isConntrackEntry(line)) events.push(line);
      else unparsed++;
    }
    return { events, unparsed, cursor: read.cursor, lost: read.lost, more: read.more, running: this.child !== null, problem: this.problem };
  }

  /** The running conntrack's pid (tests), or null. */
  pid(): number | null {
    return this.child?.pid ?? null;
  }

  stop(): void {
    const child = this.child;
    this.child = null;
    if (this.idleTimer) clearInterval(this.idleTimer);
    this.idleTimer = null;
    if (child && child.exitCode === null && child.signalCode === null) child.kill('SIGTERM');
  }

  private start(): Promise<void> {
    // Whatever happened while no watcher ran is not in the ring: readers from before are told.
    if (this.ring.nextSequence > 0) this.ring.markGap();
    if (!this.exitHooked) {
      process.on('exit', () => this.stop());
      this.exitHooked = true;
    }
    const [file, ...args] = ARGV;
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'pipe'], env: commandEnv() });
    this.child = child;
    this.problem = null;
    let lastError = '';
    createInterface({ input: child.stdout }).on('line', (text) => {
      const line = parseConntrackLine(text);
      if (line) this.ring.push(line);
    });
    createInterface({ input: child.stderr }).on('line', (text) => {
      // "WARNING: We have hit ENOBUFS! We are losing events." — the kernel dropped events.
      if (text.includes('ENOBUFS')) this.ring.markGap();
      else if (text.trim() !== '') lastError = text.trim();
    });
    // 'close': after the last line of stdout, so no event is counted after the end.
    child.on('close', (code, signal) => {
      if (this.child !== child) return; // stopped on purpose
      this.child = null;
      this.ring.markGap();
      this.problem = `${ARGV.join(' ')} ended (${code !== null ? `exit ${code}` : `signal ${signal}`}): ${lastError || 'no message'}`;
      if (this.idleTimer) clearInterval(this.idleTimer);
      this.idleTimer = null;
    });
    this.idleTimer = setInterval(() => {
      if (Date.now() - this.lastRead >= FLOW_WATCH_IDLE_MS) this.stop();
    }, IDLE_CHECK_MS).unref();
    // The first reply says truthfully whether it runs: wait until it started or could not.
    return new Promise((started) => {
      child.once('spawn', () => started());
      child.once('error', (error) => {
        if (this.child === child) {
          this.child = null;
          this.problem = `${ARGV.join(' ')} could not start: ${error.message}`;
          if (this.idleTimer) clearInterval(this.idleTimer);
          this.idleTimer = null;
        }
        started();
      });
    });
  }
}

/** One per process: every reader shares it. */
const watcher = new ConntrackWatcher();

export const readFlowEvents = (args: { cursor: number }): Promise<FlowOperationResults['flows.events']> => watcher.read(args.cursor);
export const stopFlowWatcher = (): void => watcher.stop();
export const flowWatcherPid = (): number | null => watcher.pid();

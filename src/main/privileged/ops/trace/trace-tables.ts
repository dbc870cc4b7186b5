// Bridgeport's trace tables on the system: added for one trace, always removed — after the trace,
// on a signal or exit of this process (synchronously: nothing may outlive it), and, after a crash
// that left one behind, by the next trace or helper start (its owner's pid and start time no
// longer match a running process).
import { spawnSync } from 'node:child_process';
import { readFileSync } from 'node:fs';
import { commandEnv } from '../../../system/command-env';
import { runCommand } from '../../../system/run-command';
import { parseProcStat } from '../../../netcore/meaning/container-process';
import { staleTraceTables, TRACE_TABLE_FAMILY, traceTableName } from '../../../netcore/nft-trace/trace-table';

function startTimeOf(pid: number): string | null {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'))?.startTime ?? null;
  } catch {
    return null;
  }
}

/** The name of this process's trace table. */
export function ownTraceTable(): string {
  return traceTableName(process.pid, startTimeOf(process.pid) ?? '0');
}

const alive = (pid: number, startTime: string) => startTimeOf(pid) === startTime;

/** Removes the trace tables of processes that are gone; returns their names. */
export async function clearStaleTraceTables(): Promise<string[]> {
  const listing = await runCommand(['nft', 'list', 'tables', TRACE_TABLE_FAMILY]);
  const stale = staleTraceTables(listing, alive);
  for (const name of stale) await runCommand(['nft', 'delete', 'table', TRACE_TABLE_FAMILY, name]).catch(() => undefined);
  return stale;
}

const armed = new Set<string>();
const SIGNALS = ['SIGINT', 'SIGTERM', 'SIGHUP'] as const;

function removeNow(name: string): void {
  spawnSync('nft', ['delete', 'table', TRACE_TABLE_FAMILY, name], { env: commandEnv(), stdio: 'ignore', timeout: 5_000 });
}

function removeAllNow(): void {
  for (const name of armed) removeNow(name);
  armed.clear();
}

let interruptedBy: string | null = null;
const onInterrupt = new Set<() => void>();

/** What interrupted the running trace (its table is already gone), or null. */
export function interruption(): string | null {
  return interruptedBy;
}

/** Called once when a signal interrupts the trace: the trace stops waiting. */
export function whenInterrupted(callback: () => void): () => void {
  onInterrupt.add(callback);
  return () => onInterrupt.delete(callback);
}

/** Ends the trace in flight at once (its table removed first), e.g. when the helper's app has gone. */
export function interruptTraces(reason: string): void {
  if (armed.size === 0) return;
  interruptedBy = reason;
  removeAllNow();
  disarmHooks();
  onInterrupt.forEach((callback) => callback());
}

// The table goes at once; the trace in flight ends with an error naming the signal. Whether the
// process then ends is its owner's call (the CLI exits 130, the helper stops in order).
function onSignal(signal: NodeJS.Signals): void {
  interruptTraces(signal);
}

function armHooks(): void {
    process.on('exit', removeAllNow);
  for (const s of SIGNALS) process.on(s, onSignal);
}

function disarmHooks(): void {
  process.off('exit', removeAllNow);
  for (const s of SIGNALS) process.off(s, onSignal);
}

/** Adds the table from its script and makes sure this process removes it whatever happens next. */
export async function addTraceTable(name: string, script: string): Promise<void> {
  if (armed.size === 0) armHooks();
  interruptedBy = null;
  armed.add(name);
  try {
    await runCommand(['nft', '-f', '-'], { input: script });
  } catch (error) {
    await removeTraceTable(name);
    throw error;
  }
}

export async function removeTraceTable(name: string): Promise<void> {
  await runCommand(['nft', 'delete', 'table', TRACE_TABLE_FAMILY, name]).catch(() => undefined);
  armed.delete(name);
  if (armed.size === 0) disarmHooks();
}

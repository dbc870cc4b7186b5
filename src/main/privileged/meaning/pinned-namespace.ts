// A network namespace pinned by descriptor: /proc/<pid>/ns/net (or /run/netns/<name>) is opened
// ONCE, checked through that descriptor, and every later command acts through the same descriptor
// (as /proc/<this pid>/fd/<n>, which a child opens as the very namespace the descriptor holds — a
// pid recycled in between cannot redirect it). I/O; what counts as a container is decided in
// netcore/meaning/container-process.
import { closeSync, fstatSync, openSync, readFileSync, statSync } from 'node:fs';
import { containerProcessVerdict, parseProcStat, parseRealUid, type ProcStat } from '../../netcore/meaning/container-process';
import { OperationError } from '../contract/operations';

export interface PinnedNamespace {
  /** The path children use: /proc/<this process>/fd/<n>. */
  readonly path: string;
  /** dev:ino of the namespace. */
  readonly id: string;
  close(): void;
}

const identityOf = (s: { dev: number; ino: number }) => `${s.dev}:${s.ino}`;

function selfNamespace(): string {
  return identityOf(statSync('/proc/self/ns/net'));
}

function readStat(pid: number): ProcStat | null {
  try {
    return parseProcStat(readFileSync(`/proc/${pid}/stat`, 'utf8'));
  } catch {
    return null;
  }
}

function readText(path: string): string | null {
  try {
    return readFileSync(path, 'utf8');
  } catch {
    return null;
  }
}

function pin(path: string, describe: string, missing: string): PinnedNamespace {
  let fd: number;
  try {
    fd = openSync(path, 'r');
  } catch {
    throw new OperationError(missing, 'refused');
  }
  const id = identityOf(fstatSync(fd));
  let closed = false;
  const pinned: PinnedNamespace = {
    path: `/proc/${process.pid}/fd/${fd}`,
    id,
    close: () => {
      if (!closed) closeSync(fd);
      closed = true;
    },
  };
  if (id === selfNamespace()) {
    pinned.close();
    throw new OperationError(`${describe} is the namespace Bridgeport runs in, not another one`, 'refused');
  }
  return pinned;
}

/** Why this process is not a container's main process (null: it is one), from /proc alone. */
function verdictOf(pid: number, stat: ProcStat): string | null {
  const parentStat = readStat(stat.ppid);
  const parentStatus = readText(`/proc/${stat.ppid}/status`);
  return containerProcessVerdict({
    pid,
    stat,
    cgroup: readText(`/proc/${pid}/cgroup`) ?? '',
    parent: parentStat === null ? null : { stat: parentStat, uid: parentStatus === null ? null : parseRealUid(parentStatus) },
  });
}

/** Whether a pid is a running container's main process (a read that need not pin: nothing is changed). */
export function isContainerProcess(pid: number): boolean {
  const stat = readStat(pid);
  return stat !== null && verdictOf(pid, stat) === null;
}

/**
 * Pins the namespace of a running container's main process. The process is checked (container-process
 * rule), its namespace opened, and then the process must still be the same one (same start time) and
 * /proc/<pid>/ns/net still the namespace the descriptor holds: a pid that ended and was reused in
 * between is caught, and after this the pid is never looked at again.
 */
export function pinContainerNamespace(pid: number): PinnedNamespace {
  const before = readStat(pid);
  if (before === null) throw new OperationError(`process ${pid} is not running`, 'refused');
  // Opened first: a process in Bridgeport's own namespace is refused as that, whatever it is.
  const pinned = pin(`/proc/${pid}/ns/net`, `the namespace of process ${pid}`, `process ${pid} is not running`);
  try {
    const verdict = verdictOf(pid, before);
    if (verdict !== null) throw new OperationError(verdict, 'refused');
    let now: string | null = null;
    try {
      now = identityOf(statSync(`/proc/${pid}/ns/net`));
    } catch {
      now = null;
    }
    const after = readStat(pid);
    if (after === null || after.startTime !== before.startTime || now !== pinned.id) {
      throw new OperationError(`process ${pid} changed while its namespace was opened (it ended, or its pid was reused); refused`, 'refused');
    }
    return pinned;
  } catch (error) {
    pinned.close();
    throw error;
  }
}

/** Pins a named namespace (/run/netns/<name>); whether Bridgeport made it is checked through the pin. */
export function pinNamedNamespace(name: string): PinnedNamespace {
  return pin(`/run/netns/${name}`, `namespace ${name}`, `no namespace named ${name}`);
}

/** Runs `use` with the pinned namespace and closes it afterwards, whatever happens. */
export async function withPinned<T>(pinned: PinnedNamespace, use: (ns: PinnedNamespace) => Promise<T>): Promise<T> {
  try {
    return await use(pinned);
  } finally {
    pinned.close();
  }
}

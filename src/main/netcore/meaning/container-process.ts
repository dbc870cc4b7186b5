// Whether a process is a container's, from what /proc says about it and its parent. Pure.
//
// The rule: the process is the main process of a container when
//   - its parent is a container runtime's shim run by root: containerd-shim* (Docker, containerd)
//     or conmon (Podman) — a user cannot make a root process, nor be the child of one it did not
//     start, so this cannot be faked from the user's account; and
//   - its cgroup names a container: a 64-hex id as the last path component, optionally wrapped as
//     docker-<id>.scope / libpod-<id>.scope / cri-containerd-<id>.scope (cgroupfs or systemd driver,
//     Docker's default parent, or any --cgroup-parent such as the lab's /bridgeport-lab-X/<id>).
// Both must hold. The engine always names a container by its main process (State.Pid), whose
// parent is the shim.

export interface ProcStat {
  pid: number;
  comm: string;
  state: string;
  ppid: number;
  /** Clock ticks since boot when the process started: with the pid, the process's identity. */
  startTime: string;
}

/** Parses /proc/<pid>/stat (the comm may hold spaces and parentheses: it ends at the last ')'). */
export function parseProcStat(text: string): ProcStat | null {
  const open = text.indexOf('(');
  const close = text.lastIndexOf(')');
  if (open < 0 || close < open) return null;
  const rest = text.slice(close + 2).trim().split(/\s+/);
  // Fields after comm: state(3) ppid(4) … starttime(22).
  const pid = Number(text.slice(0, open).trim());
  const ppid = Number(rest[1]);
  const startTime = rest[19];
  if (!Number.isInteger(pid) || !Number.isInteger(ppid) || startTime === undefined || !/^\d+$/.test(startTime)) return null;
  return { pid, comm: text.slice(open + 1, close), state: rest[0] ?? '?', ppid, startTime };
}

/** The real uid from /proc/<pid>/status. */
export function parseRealUid(status: string): number | null {
  const match = /^Uid:\s+(\d+)/m.exec(status);
  return match ? Number(match[1]) : null;
}

const CONTAINER_CGROUP = /(?:^|\/)(?:(?:docker|libpod|cri-containerd|crio)-)?([0-9a-f]{64})(?:\.scope)?$/;

/** The container id a /proc/<pid>/cgroup text names (the same in every hierarchy), or null. */
export function containerIdOfCgroup(cgroup: string): string | null {
  let id: string | null = null;
  for (const line of cgroup.split('\n')) {
    if (line.trim() === '') continue;
    const path = line.slice(line.indexOf(':', line.indexOf(':') + 1) + 1);
    // Podman runs conmon's child under <id>/container in some setups.
    const match = CONTAINER_CGROUP.exec(path.replace(/\/container$/, ''));
    if (!match) continue;
    if (id !== null && id !== match[1]) return null;
    id = match[1]!;
  }
  return id;
}

const SHIM = /^(containerd-shim.*|conmon)$/;

export interface ProcessFacts {
  pid: number;
  stat: ProcStat;
  cgroup: string;
  parent: { stat: ProcStat; uid: number | null } | null;
}

/** Null when the process is a running container's main process, else why not (a sentence ending in "refused"). */
export function containerProcessVerdict(facts: ProcessFacts): string | null {
  const not = `process ${facts.pid} is not a running container's`;
  if (facts.stat.state === 'Z' || facts.stat.state === 'X') return `${not} (it has exited); refused`;
  const parent = facts.parent;
  if (parent === null) return `${not} (its parent is gone); refused`;
  if (!SHIM.test(parent.stat.comm) || parent.uid !== 0) {
    return `${not} (its parent ${parent.stat.comm} (pid ${parent.stat.pid}) is not a container runtime's shim run by root); refused`;
  }
  if (containerIdOfCgroup(facts.cgroup) === null) return `${not} (its cgroup names no container); refused`;
  return null;
}

// Which aardvark-dns processes may be told (SIGHUP) to read the host's DNS servers again. Rootful
// Podman's aardvark-dns forwards containers' queries to the servers of the /etc/resolv.conf it sees,
// read at start and on SIGHUP; on SIGHUP a file without a nameserver leaves it with no upstream at
// all. So only root's aardvark-dns in our own network namespace, and only when the file as it reads
// it names a server. Pure: the privileged side gathers the processes and sends the signal.

export interface AardvarkProcess {
  pid: number;
  /** /proc/PID/comm, trimmed. */
  comm: string;
  /** Basename of /proc/PID/exe; null when it cannot be read. */
  exeBase: string | null;
  /** Owner of /proc/PID. */
  uid: number;
  /** Whether it shares the helper's network namespace. */
  sameNetns: boolean;
  /** Field 22 of /proc/PID/stat (clock ticks after boot); null when unreadable. */
  startTime: number | null;
  /** The nameservers of /etc/resolv.conf as the process sees it (through /proc/PID/root). */
  servers: string[];
}

export interface AardvarkFacts {
  processes: AardvarkProcess[];
}

export interface AardvarkReloadPlan {
  signal: Array<{ pid: number; startTime: number; servers: string[] }>;
  skip: Array<{ pid: number; reason: string }>;
}

const AARDVARK = 'aardvark-dns';

/** Why this process must not get SIGHUP (a sentence), or null when it may. */
function skipReason(p: AardvarkProcess): string | null {
  if (p.comm !== AARDVARK) return `pid ${p.pid} is ${JSON.stringify(p.comm)}, not aardvark-dns`;
  if (p.uid !== 0) return `pid ${p.pid} is an aardvark-dns of uid ${p.uid}, not root's: Bridgeport signals only rootful Podman's resolver`;
  if (p.exeBase !== AARDVARK) {
    const exe = p.exeBase === null ? 'cannot be read' : `is ${JSON.stringify(p.exeBase)}`;
    return `pid ${p.pid} is called aardvark-dns but its executable ${exe}`;
  }
  if (!p.sameNetns) return `aardvark-dns pid ${p.pid} runs in another network namespace, whose DNS Bridgeport does not change`;
  if (p.startTime === null) return `aardvark-dns pid ${p.pid} has no readable start time, so it cannot be told from a later process with its pid`;
  if (p.servers.length === 0) {
    return `aardvark-dns pid ${p.pid} would read no nameserver from its /etc/resolv.conf now, and a reload would leave its containers without upstream DNS`;
  }
  return null;
}

export function planAardvarkReload(facts: AardvarkFacts): AardvarkReloadPlan {
  const plan: AardvarkReloadPlan = { signal: [], skip: [] };
  for (const p of facts.processes) {
    const reason = skipReason(p);
    if (reason !== null) plan.skip.push({ pid: p.pid, reason });
    else plan.signal.push({ pid: p.pid, startTime: p.startTime!, servers: [...p.servers] });
  }
  return plan;
}

/**
 * Field 22 (starttime) of /proc/PID/stat, or null. Field 2 is the command in parentheses and may
 * itself hold spaces and ')', so the fields are counted after the last ')'.
 */
export function statStartTime(stat: string): number | null {
  const close = stat.lastIndexOf(')');
  if (close < 0) return null;
  // After ')' come field 3 (state) onwards: field 22 is the 20th.
  const value = stat.slice(close + 1).trim().split(/\s+/)[19];
  return value !== undefined && /^\d+$/.test(value) ? Number(value) : null;
}

// Tells rootful Podman's aardvark-dns to read the host's DNS servers again (SIGHUP) after they
// changed: it reads /etc/resolv.conf only at start and on SIGHUP (its inotify watch, where it has
// one, misses in-place writes and is lost once the file is replaced). I/O only; which processes
// may be signalled is netcore/meaning/aardvark-reload.
import { readdir, readFile, readlink, stat } from 'node:fs/promises';
import { basename } from 'node:path';
import { planAardvarkReload, statStartTime } from '../../../netcore/meaning/aardvark-reload';
import type { AardvarkFacts, AardvarkProcess } from '../../../netcore/meaning/aardvark-reload';
import { parseResolvConf } from '../../../netcore/resolv-conf/resolv-conf';

const numeric = (name: string) => /^\d+$/.test(name);

async function startTimeOf(pid: number): Promise<number | null> {
  return statStartTime(await readFile(`/proc/${pid}/stat`, 'utf8').catch(() => ''));
}

async function factsOf(pid: number, ownNetns: string): Promise<AardvarkProcess> {
  // Start time first: were the pid reused meanwhile, the rest describes a later process whose
  // start time then differs from the one taken again before the signal.
  const startTime = await startTimeOf(pid);
  const [owner, exe, netns, resolv] = await Promise.all([
    stat(`/proc/${pid}`),
    readlink(`/proc/${pid}/exe`).catch(() => null),
    readlink(`/proc/${pid}/ns/net`).catch(() => null),
    // As aardvark-dns reads it: through its own root (Podman may run it in a mount namespace of its own).
    readFile(`/proc/${pid}/root/etc/resolv.conf`, 'utf8').catch(() => ''),
  ]);
  return {
    pid,
    comm: (await readFile(`/proc/${pid}/comm`, 'utf8')).trim(),
    exeBase: exe === null ? null : basename(exe),
    uid: owner.uid,
    sameNetns: netns !== null && netns === ownNetns,
    startTime,
    servers: parseResolvConf(resolv).nameservers,
  };
}

/** Every process called aardvark-dns, with what deciding on a reload needs. */
export async function readAardvarkFacts(): Promise<AardvarkFacts> {
  const own = await readlink('/proc/self/ns/net');
  const processes: AardvarkProcess[] = [];
  for (const name of (await readdir('/proc')).filter(numeric)) {
    try {
      if ((await readFile(`/proc/${name}/comm`, 'utf8')).trim() !== 'aardvark-dns') continue;
      processes.push(await factsOf(Number(name), own));
    } catch {
      // The process ended while we looked.
    }
  }
  return { processes };
}

/** The kernel's clock ticks per second in /proc (USER_HZ: 100 on every Linux the engines run on). */
const USER_HZ = 100;

/** When the system booted (ms since the epoch), from /proc/stat's btime; null when unreadable. */
async function bootedAtMs(): Promise<number | null> {
  const btime = /^btime (\d+)$/m.exec(await readFile('/proc/stat', 'utf8').catch(() => ''))?.[1];
  return btime === undefined ? null : Number(btime) * 1000;
}

/** Root's aardvark-dns processes that a reload would signal now, with the servers they would read and when they started. Signals nothing. */
export async function listAardvark(): Promise<Array<{ pid: number; startTime: number; startedAtMs: number | null; servers: string[] }>> {
  const [plan, booted] = await Promise.all([readAardvarkFacts().then(planAardvarkReload), bootedAtMs()]);
  return plan.signal.map((p) => ({ ...p, startedAtMs: booted === null ? null : booted + (p.startTime * 1000) / USER_HZ }));
}

export interface AardvarkReloadResult {
  /** startedAt: the process's start time (clock ticks after boot, /proc/PID/stat field 22). */
  signalled: Array<{ pid: number; servers: string[]; startedAt: number }>;
  skipped: Array<{ pid: number; reason: string }>;
}

export async function reloadAardvark(): Promise<AardvarkReloadResult> {
  const plan = planAardvarkReload(await readAardvarkFacts());
  const result: AardvarkReloadResult = { signalled: [], skipped: [...plan.skip] };
  for (const { pid, startTime, servers } of plan.signal) {
    // The pid must still name the process we looked at, not a later one that got its number.
    if ((await startTimeOf(pid)) !== startTime) {
      result.skipped.push({ pid, reason: `aardvark-dns pid ${pid} ended before it could be signalled` });
      continue;
    }
    try {
      process.kill(pid, 'SIGHUP');
      result.signalled.push({ pid, servers, startedAt: startTime });
    } catch (error) {
      result.skipped.push({ pid, reason: `SIGHUP to aardvark-dns pid ${pid} failed: ${(error as Error).message}` });
    }
  }
  return result;
}

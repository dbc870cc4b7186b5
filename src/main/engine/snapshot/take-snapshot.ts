// Reads everything the snapshot needs, in parallel, then assembles it. I/O only; policy is in assemble.
import { hostname } from 'node:os';
import type { Snapshot } from '../../../shared/model';
import type { EngineSet } from '../engines/engine-set';
import { readEngines } from '../engines/read-engines';
import { readHostLinks } from '../host/read-host-links';
import type { InnerViewCache } from '../netns/inner-view-cache';
import type { NamespaceReport } from '../netns/parse-namespace-report';
import { readNamedNamespaces } from '../netns/read-named-namespaces';
import { mergeReports, readNamespaces } from '../netns/read-namespaces';
import type { PrivilegedExecutor } from '../../privileged/contract/operations';
import type { ReadAccess } from '../access/privileged-reads';
import { assembleSnapshot } from './assemble-snapshot';

/** A container with a network namespace of its own (host-network and container: modes share one). */
export function ownsNamespace<T extends { pid: number | null; networkMode: string }>(c: T): c is T & { pid: number } {
  return c.pid !== null && c.networkMode !== 'host' && c.networkMode !== 'container';
}

/**
 * Puts cached inside views into the report where the namespace still has the nsid it was read with,
 * stores the fresh ones, and returns the pids whose cached view turned out stale (pid reused).
 */
function mergeCache(report: NamespaceReport, cache: InnerViewCache, cachedPids: number[], startedAt: number): number[] {
  const stale: number[] = [];
  for (const pid of cachedPids) {
    const read = cache.lookup(pid, report.nsidByPid.get(pid));
    if (read) report.containers.set(pid, read);
    else stale.push(pid);
  }
  for (const [pid, read] of report.containers) if (!(read instanceof Error)) cache.store(pid, read, startedAt);
  cache.retain(new Set(report.nsidByPid.keys()));
  return stale;
}

async function readAgain(executor: PrivilegedExecutor, report: NamespaceReport, pids: number[]): Promise<void> {
  const again = await readNamespaces(executor, { named: [], pids, nsidOnly: [] });
  for (const pid of pids) {
    report.containers.set(pid, again.containers.get(pid) ?? new Error(`could not enter the network namespace of pid ${pid}`));
  }
}

/**
 * Takes a snapshot. The inside of namespaces is read through the privileged executor when it is at
 * hand (else the snapshot says it was not read). With a cache (only while `ip monitor all-nsid` keeps
 * it exact), namespaces whose inside did not change are not entered again.
 */
export async function takeSnapshot(engines: EngineSet, access: ReadAccess, cache: InnerViewCache | null = null): Promise<Snapshot> {
  // Asked before anything is read: the answer decides what can be seen.
  const executor = await access();
  const startedAt = cache?.begin() ?? 0;
  // Read while Docker is still being inspected: the named namespaces, and the nsids of every namespace
  // whose inside is remembered (in a steady state that is all there is to read).
  const known = new Set(cache?.knownPids() ?? []);
  const cachedPids: number[] = [];
  const pids: number[] = [];
  const named = readNamedNamespaces();
  const early = executor
    ? named.then((list) => readNamespaces(executor, { named: list.filter((n) => !n.current).map((n) => n.name), pids: [], nsidOnly: [...known] }))
    : null;
  // Awaited below; a failure is reported there, never as an unhandled rejection.
  early?.catch(() => undefined);
  const [hostLinks, namedNamespaces, dockerRead] = await Promise.all([
    readHostLinks(),
    named,
    readEngines(engines, (c) => {
      if (!executor || !ownsNamespace(c)) return;
      if (known.has(c.pid)) cachedPids.push(c.pid);
      else pids.push(c.pid);
    }),
  ]);
  let report: NamespaceReport | null = null;
  let readError: string | undefined;
  if (executor && early) {
    try {
      report = await early;
      // Containers whose inside is not remembered: entered now.
      if (pids.length > 0) mergeReports(report, await readNamespaces(executor, { named: [], pids, nsidOnly: [] }));
      if (cache) {
        const stale = mergeCache(report, cache, cachedPids, startedAt);
        if (stale.length > 0) await readAgain(executor, report, stale);
      }
    } catch (error) {
      readError = (error as Error).message;
    }
  }
  return assembleSnapshot({
    takenAt: new Date().toISOString(),
    hostname: hostname(),
    privileged: executor !== null,
    hostLinks,
    namedNamespaces,
    docker: dockerRead,
    report,
    readError,
  });
}

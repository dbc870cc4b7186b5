// Reads everything the snapshot needs, in parallel, then assembles it. I/O only; policy is in assemble.
import { hostname } from 'node:os';
import type Docker from 'dockerode';
import type { Snapshot } from '../../../shared/model';
import { readDocker } from '../docker/read-docker';
import { readHostLinks } from '../host/read-host-links';
import type { InnerViewCache } from '../netns/inner-view-cache';
import type { NamespaceReport } from '../netns/parse-namespace-report';
import { readNamedNamespaces } from '../netns/read-named-namespaces';
import { NamespaceReader } from '../netns/read-namespaces';
import { isPrivileged } from '../../system/privilege';
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

async function readAgain(report: NamespaceReport, pids: number[]): Promise<void> {
  const reader = new NamespaceReader();
  pids.forEach((p) => reader.addPid(p));
  const again = await reader.finish();
  for (const pid of pids) {
    report.containers.set(pid, again.containers.get(pid) ?? new Error(`could not enter the network namespace of pid ${pid}`));
  }
}

/**
 * Takes a snapshot. With a cache (only while `ip monitor all-nsid` keeps it exact), namespaces whose
 * inside did not change are not entered again.
 */
export async function takeSnapshot(docker: Docker, cache: InnerViewCache | null = null): Promise<Snapshot> {
  const privileged = isPrivileged();
  // Namespaces are read while Docker is still being inspected: each one is handed over as found.
  const reader = privileged ? new NamespaceReader() : null;
  const startedAt = cache?.begin() ?? 0;
  const cachedPids: number[] = [];
  const [hostLinks, namedNamespaces, dockerRead] = await Promise.all([
    readHostLinks(),
    readNamedNamespaces().then((named) => {
      named.filter((n) => !n.current).forEach((n) => reader?.addNamed(n.name));
      return named;
    }),
    readDocker(docker, (c) => {
      if (!reader || !ownsNamespace(c)) return;
      if (cache?.has(c.pid)) {
        cachedPids.push(c.pid);
        reader.addNsidOnly(c.pid);
      } else {
        reader.addPid(c.pid);
      }
    }),
  ]);
  let report: NamespaceReport | null = null;
  let readError: string | undefined;
  if (reader) {
    try {
      report = await reader.finish();
      if (cache) {
        const stale = mergeCache(report, cache, cachedPids, startedAt);
        if (stale.length > 0) await readAgain(report, stale);
      }
    } catch (error) {
      readError = (error as Error).message;
    }
  }
  return assembleSnapshot({
    takenAt: new Date().toISOString(),
    hostname: hostname(),
    privileged,
    hostLinks,
    namedNamespaces,
    docker: dockerRead,
    report,
    readError,
  });
}

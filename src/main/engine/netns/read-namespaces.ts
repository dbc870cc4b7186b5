// Privileged read of named namespaces and container namespaces through the executor (op
// netns.report), in requests of at most MAX_NAMESPACES_PER_REPORT namespaces each. I/O only.
import type { PrivilegedExecutor } from '../../privileged/contract/operations';
import { MAX_NAMESPACES_PER_REPORT } from '../../privileged/contract/read-operations';
import { netnsNameSchema } from '../../../shared/atoms/names';
import { parseNamespaceReport, type NamespaceReport } from './parse-namespace-report';

export interface NamespaceRequest {
  named: string[];
  pids: number[];
  /** Only the nsid of these (their inside view is known already). */
  nsidOnly: number[];
}

const chunks = <T>(items: readonly T[]): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += MAX_NAMESPACES_PER_REPORT) out.push(items.slice(i, i + MAX_NAMESPACES_PER_REPORT));
  return out.length > 0 ? out : [[]];
};

/** Names the helper would refuse never go (the namespace is shown as not read). */
export const readableName = (name: string): boolean => netnsNameSchema.safeParse(name).success;

export function mergeReports(into: NamespaceReport, from: NamespaceReport): void {
  for (const [pid, nsid] of from.nsidByPid) into.nsidByPid.set(pid, nsid);
  for (const [name, read] of from.named) into.named.set(name, read);
  for (const [pid, read] of from.containers) into.containers.set(pid, read);
}

/** One report over every namespace asked for; a pid that was no running process reads as gone. */
export async function readNamespaces(executor: PrivilegedExecutor, request: NamespaceRequest): Promise<NamespaceReport> {
  const report: NamespaceReport = { nsidByPid: new Map(), named: new Map(), containers: new Map() };
  const named = chunks(request.named.filter(readableName));
  const pids = chunks(request.pids);
  const nsidOnly = chunks(request.nsidOnly);
  const asked = new Set(request.pids);
  const requests = Math.max(named.length, pids.length, nsidOnly.length);
  for (let i = 0; i < requests; i++) {
    const result = await executor.run('netns.report', { named: named[i] ?? [], pids: pids[i] ?? [], nsidOnly: nsidOnly[i] ?? [] });
    mergeReports(report, parseNamespaceReport(result.text));
    for (const pid of result.gone) {
      if (asked.has(pid)) report.containers.set(pid, new Error(`could not enter the network namespace of pid ${pid} (process gone?)`));
    }
  }
  return report;
}

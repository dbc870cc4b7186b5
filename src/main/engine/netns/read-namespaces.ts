// Privileged read of named namespaces and container namespaces in one process.
import { runCommand } from '../system/run-command';
import { NAMESPACE_REPORT_SCRIPT } from './namespace-report-script';
import { parseNamespaceReport, type NamespaceReport } from './parse-namespace-report';

/** The raw report text (kept separate so fixtures can be captured from a real host). */
export async function namespaceReportText(namedNamespaces: readonly string[], pids: readonly number[]): Promise<string> {
  const args = [String(namedNamespaces.length), ...namedNamespaces, ...pids.map((p) => String(Math.trunc(p)))];
  return runCommand(
    ['unshare', '--mount', '--propagation', 'private', '--', 'sh', '-c', NAMESPACE_REPORT_SCRIPT, 'bridgeport-ns-reader', ...args],
    { timeoutMs: 30_000 },
  );
}

export async function readNamespaces(namedNamespaces: readonly string[], pids: readonly number[]): Promise<NamespaceReport> {
  return parseNamespaceReport(await namespaceReportText(namedNamespaces, pids));
}

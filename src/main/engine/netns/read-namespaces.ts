// Privileged read of named namespaces and container namespaces in one process.
import { runCommand } from '../system/run-command';
import { NAMESPACE_REPORT_SCRIPT } from './namespace-report-script';
import { parseNamespaceReport, type NamespaceReport } from './parse-namespace-report';

export async function readNamespaces(namedNamespaces: readonly string[], pids: readonly number[]): Promise<NamespaceReport> {
  const args = [String(namedNamespaces.length), ...namedNamespaces, ...pids.map((p) => String(Math.trunc(p)))];
  const out = await runCommand(
    ['unshare', '--mount', '--propagation', 'private', '--', 'sh', '-c', NAMESPACE_REPORT_SCRIPT, 'bridgeport-ns-reader', ...args],
    { timeoutMs: 30_000 },
  );
  return parseNamespaceReport(out);
}

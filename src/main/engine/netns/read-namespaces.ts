// Privileged read of named namespaces and container namespaces, in one process tree that is fed
// namespaces while the engine is still discovering them (so reading overlaps Docker's inspect).
import { startCommand, type StartedCommand } from '../../system/run-command';
import { NAMESPACE_REPORT_SCRIPT } from './namespace-report-script';
import { parseNamespaceReport, type NamespaceReport } from './parse-namespace-report';

// `ip netns` names: no slashes, no dot-only names (they would leave /run/netns).
const SAFE_NAMESPACE_NAME = /^(?!\.{1,2}$)[A-Za-z0-9_.-]{1,255}$/;

export class NamespaceReader {
  private readonly command: StartedCommand;

  constructor() {
    this.command = startCommand(
      ['unshare', '--mount', '--propagation', 'private', '--', 'sh', '-c', NAMESPACE_REPORT_SCRIPT, 'bridgeport-ns-reader'],
      { timeoutMs: 30_000 },
    );
  }

  addNamed(name: string): void {
    if (SAFE_NAMESPACE_NAME.test(name)) this.command.write(`named ${name}\n`);
  }

  addPid(pid: number): void {
    if (Number.isSafeInteger(pid) && pid > 0) this.command.write(`pid ${pid}\n`);
  }

  /** Only the nsid of this pid's namespace (its inside view is known already). */
  addNsidOnly(pid: number): void {
    if (Number.isSafeInteger(pid) && pid > 0) this.command.write(`nsid ${pid}\n`);
  }

  /** The raw report text (kept apart from parsing so fixtures can be captured from a real host). */
  finishText(): Promise<string> {
    return this.command.finish();
  }

  async finish(): Promise<NamespaceReport> {
    return parseNamespaceReport(await this.finishText());
  }
}

export async function namespaceReportText(namedNamespaces: readonly string[], pids: readonly number[]): Promise<string> {
  const reader = new NamespaceReader();
  namedNamespaces.forEach((n) => reader.addNamed(n));
  pids.forEach((p) => reader.addPid(p));
  return reader.finishText();
}

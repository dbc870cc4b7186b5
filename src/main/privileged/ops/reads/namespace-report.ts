// netns.report: enters `ip netns` namespaces and processes' network namespaces and prints what is
// inside (the fixed script in namespace-report-script.ts, run in a private mount namespace). Pids
// must be running containers' main processes; names and pids are checked by the schema before they reach the script.
import { startCommand } from '../../../system/run-command';
import { namespaceIdentity } from '../../../system/namespace-identity';
import type { OperationArgs } from '../../contract/operations';
import type { ReadOperationResults } from '../../contract/read-operations';
import { NAMESPACE_REPORT_SCRIPT } from './namespace-report-script';
import { cappedTotal } from './cap-size';
import { isContainerProcess } from '../../meaning/pinned-namespace';

// Only containers' main processes are entered (a pid of any other process is reported gone):
// what the engine asks for are the pids Docker gave it.
const running = async (pid: number) => isContainerProcess(pid) && (await namespaceIdentity(`/proc/${pid}/ns/net`)) !== null;

async function partition(pids: readonly number[]): Promise<{ live: number[]; gone: number[] }> {
  const alive = await Promise.all(pids.map(running));
  return { live: pids.filter((_, i) => alive[i]), gone: pids.filter((_, i) => !alive[i]) };
}

export async function namespaceReport(args: OperationArgs<'netns.report'>): Promise<ReadOperationResults['netns.report']> {
  const [full, nsidOnly] = await Promise.all([partition(args.pids), partition(args.nsidOnly)]);
  const command = startCommand(
    ['unshare', '--mount', '--propagation', 'private', '--', 'sh', '-c', NAMESPACE_REPORT_SCRIPT, 'bridgeport-ns-reader'],
    { timeoutMs: 30_000 },
  );
  // One line each, in the order the engine learnt them (the script reads a few at a time).
  command.write(
    [...args.named.map((n) => `named ${n}\n`), ...full.live.map((p) => `pid ${p}\n`), ...nsidOnly.live.map((p) => `nsid ${p}\n`)].join(''),
  );
  const text = await command.finish();
  cappedTotal('the namespace report', [text]);
  return { text, gone: [...full.gone, ...nsidOnly.gone] };
}

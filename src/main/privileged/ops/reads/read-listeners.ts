// host.listeners: `ss` as root sees every socket's owning process (a user sees only its own).
import { runCommand } from '../../../system/run-command';
import type { ReadOperationResults } from '../../contract/read-operations';
import { cappedTotal } from './cap-size';

export async function readListeners(): Promise<ReadOperationResults['host.listeners']> {
  const text = await runCommand(['ss', '-Hlntup']);
  cappedTotal('the list of listening sockets', [text]);
  return { text };
}

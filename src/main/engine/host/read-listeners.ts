// Reads the listening sockets of this namespace with their processes (`ss`). I/O only.
import { runCommand } from '../../system/run-command';
import { parseListeners, type Listener } from './parse-listeners';

export async function readListeners(): Promise<Listener[]> {
  try {
    return parseListeners(await runCommand(['ss', '-Hlntup']));
  } catch {
    return [];
  }
}

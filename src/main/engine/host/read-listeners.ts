// Reads the listening sockets of this namespace with their processes (`ss`). I/O only.
import { runCommand } from '../../system/run-command';
import type { ReadAccess } from '../access/privileged-reads';
import { parseListeners, type Listener } from './parse-listeners';

export interface ListenerRead {
  listeners: Listener[];
  /** False when read as a user: a socket without a process name may well have one (root's, Docker's). */
  namesKnown: boolean;
}

/** `ss` as this process: every socket, but only the owners a user may see (its own). */
export async function readListeners(): Promise<Listener[]> {
  try {
    return parseListeners(await runCommand(['ss', '-Hlntup']));
  } catch {
    return [];
  }
}

/** Through the privileged executor when it is at hand (every owner named), else as this user. */
export async function readListenersWith(access: ReadAccess): Promise<ListenerRead> {
  const executor = await access();
  if (!executor) return { listeners: await readListeners(), namesKnown: false };
  try {
    return { listeners: parseListeners((await executor.run('host.listeners', {})).text), namesKnown: true };
  } catch {
    return { listeners: [], namesKnown: true };
  }
}

// The executor when nobody elevated anything: in-process if this process is root, else a clear
// refusal (the desktop app passes its helper launcher instead).
import { LocalExecutor } from './local-executor';
import { OperationError, type PrivilegedAccess, type PrivilegedExecutor } from './contract/operations';
import { isPrivileged } from '../system/privilege';

let shared: LocalExecutor | null = null;

export function rootExecutor(): Promise<PrivilegedExecutor> {
  if (process.getuid?.() !== 0) {
    return Promise.reject(new OperationError('changing firewall rules needs root: run this command with sudo, or add --elevate to be asked for your password (the desktop app asks once per session)', 'needs-privilege'));
  }
  shared ??= new LocalExecutor();
  return Promise.resolve(shared);
}

/**
 * The CLI's access (and any face running as root): in-process, ready for reads whenever this process
 * can do them (root with its capabilities; a root shell that dropped them reads like a user).
 */
export const rootAccess: PrivilegedAccess = {
  executor: rootExecutor,
  ready: () => process.getuid?.() === 0 && isPrivileged(),
};

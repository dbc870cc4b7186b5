// The executor when nobody elevated anything: in-process if this process is root, else a clear
// refusal (the desktop app passes its helper launcher instead).
import { inEnglish } from '../../shared/i18n/english';
import { message } from '../../shared/message';
import { LocalExecutor } from './local-executor';
import { OperationError, type PrivilegedAccess, type PrivilegedExecutor } from './contract/operations';
import { isPrivileged } from '../system/privilege';

let shared: LocalExecutor | null = null;

export function rootExecutor(): Promise<PrivilegedExecutor> {
  if (process.getuid?.() !== 0) {
    const said = message('engine-errors:privilege.needsRoot');
    return Promise.reject(new OperationError(inEnglish(said), 'needs-privilege', said));
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

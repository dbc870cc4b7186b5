// The one privileged reader of the engine: the executor the face handed over, used for reads only
// when it is at hand without asking anybody. Without it every view reads what a user can and says
// what it could not see (NO_PRIVILEGE is the reason it gives).
import type { PrivilegedAccess, PrivilegedExecutor } from '../../privileged/contract/operations';
import { isPrivileged } from '../../system/privilege';

/** The executor for a read, or null: no privilege now (and none will be asked for). */
export type ReadAccess = () => Promise<PrivilegedExecutor | null>;

/** Why a view is partial without the executor: one message (./no-privilege), and its English. */
export { NO_PRIVILEGE, NO_PRIVILEGE_MESSAGE } from './no-privilege';

/**
 * A bare factory (what faces passed before PrivilegedAccess) is taken to be root's in-process one:
 * ready only when this process itself can do the privileged reads, so it never prompts for a read.
 */
export function accessOf(executor: (() => Promise<PrivilegedExecutor>) | PrivilegedAccess): PrivilegedAccess {
  if (typeof executor !== 'function') return executor;
  return { executor, ready: () => process.getuid?.() === 0 && isPrivileged() };
}

export function readAccessOf(access: PrivilegedAccess): ReadAccess {
  return async () => {
    if (!access.ready()) return null;
    try {
      return await access.executor();
    } catch {
      return null;
    }
  };
}

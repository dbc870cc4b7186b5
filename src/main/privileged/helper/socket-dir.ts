// The directory the helper (root) binds its socket in belongs to the desktop user, who could swap
// any path component at any moment. So the helper opens the directory once (refusing a symlink),
// checks the opened inode, and from then on reaches it only through /proc/self/fd/<fd>: what it
// binds, chowns and unlinks is inside exactly the directory it checked. (libuv opens with
// O_CLOEXEC: the commands the helper runs do not inherit the descriptor.)
import { closeSync, constants, fstatSync, openSync } from 'node:fs';

export class SocketDirError extends Error {
  override name = 'SocketDirError';
}

export interface OpenedSocketDir {
  fd: number;
  /** A path that names the checked directory whatever happens to its real path later. */
  path: string;
  close(): void;
}

export function openSocketDir(dir: string, ownerUid: number): OpenedSocketDir {
  let fd: number;
  try {
    fd = openSync(dir, constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW);
  } catch (error) {
    const code = (error as NodeJS.ErrnoException).code;
    const why = code === 'ENOENT' ? 'it does not exist' : code === 'ELOOP' || code === 'ENOTDIR' ? 'it is not a directory (or is a symbolic link)' : code;
    throw new SocketDirError(`cannot use the socket directory ${dir}: ${why}`);
  }
  const stat = fstatSync(fd);
  const problem =
    stat.uid !== ownerUid ? `it belongs to uid ${stat.uid}, not ${ownerUid}` : (stat.mode & 0o077) !== 0 ? `its mode is ${(stat.mode & 0o777).toString(8)}, not 700` : null;
  if (problem) {
    closeSync(fd);
    throw new SocketDirError(`cannot use the socket directory ${dir}: ${problem}`);
  }
  return { fd, path: `/proc/self/fd/${fd}`, close: () => closeSync(fd) };
}

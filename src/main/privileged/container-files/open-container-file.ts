// Opens a container's file the one safe way: each directory from / down is opened RELATIVE TO THE
// DESCRIPTOR OF ITS PARENT, with O_DIRECTORY|O_NOFOLLOW, and checked by fstat on that descriptor;
// the file is opened the same way with O_NOFOLLOW, checked by fstat, and then only used through its
// handle. Node has no openat(2); `/proc/self/fd/<dirfd>/<name>` is its equivalent: the kernel jumps
// to the directory the descriptor holds (the magic link is not a path that is looked up again)
// and resolves only `<name>` there, and O_NOFOLLOW refuses it when it is a symlink.
//
// Why that closes the race a realpath/lstat check-then-open left open: no step ever resolves more
// than one name, and each name is resolved inside a directory we already hold open and have already
// checked. Swapping a component for a symlink before we reach it makes the open fail (ELOOP or
// ENOTDIR under O_NOFOLLOW); swapping it after we opened it changes nothing we use, since we hold
// the directory we checked, not its name. So no dev/ino comparison is needed: nothing is resolved twice.
// /proc/self is this process's own table (a /proc without us in it makes the open fail, never
// resolve elsewhere), and nobody but root can plant a mount or a symlink inside /proc/self/fd.
// (O_NONBLOCK: a FIFO put in a file's place must not hang the helper before fstat says "not a file".)
import { constants } from 'node:fs';
import { lstat, open, type FileHandle } from 'node:fs/promises';
import { OperationError } from '../contract/operations';
import { directoryProblem, fileProblem, locateContainerFile, MAX_CONTAINER_FILE_BYTES } from './container-file-policy';

const DIRECTORY = constants.O_RDONLY | constants.O_DIRECTORY | constants.O_NOFOLLOW;
const FILE = { read: constants.O_RDONLY, write: constants.O_RDWR };
const FILE_EXTRA = constants.O_NOFOLLOW | constants.O_NONBLOCK | constants.O_NOCTTY;

const within = (dir: FileHandle, name: string) => `/proc/self/fd/${dir.fd}/${name}`;

/** The refusal for a name O_NOFOLLOW/O_DIRECTORY would not open, else the error itself. */
async function explainOpenFailure(error: unknown, dir: FileHandle, name: string, shown: string): Promise<unknown> {
  const code = (error as NodeJS.ErrnoException).code;
  if (code !== 'ELOOP' && code !== 'ENOTDIR') return error;
  // Only to word the refusal: the open has already failed, nothing is used from this lstat.
  const info = await lstat(within(dir, name)).catch(() => null);
  if (info?.isSymbolicLink()) return new OperationError(`${shown} is a symlink; refused`, 'refused');
  // Swapped back between the open and the lstat: it was a symlink (or no directory) a moment ago.
  return new OperationError(`${shown} is not a ${code === 'ENOTDIR' ? 'directory' : 'regular file'} (or was swapped while opened); refused`, 'refused');
}

async function openWithin(dir: FileHandle, name: string, flags: number, shown: string): Promise<FileHandle> {
  try {
    return await open(within(dir, name), flags);
  } catch (error) {
    throw await explainOpenFailure(error, dir, name, shown);
  }
}

/** A directory held open after its checks passed; what is below it is opened relative to it. */
export class CheckedDir {
  private constructor(
    /** The directory's path, as asked for (for messages). */
    readonly path: string,
    private readonly handle: FileHandle,
  ) {}

  /** `/`, checked like any directory above a data root. */
  static async root(file: string): Promise<CheckedDir> {
    return CheckedDir.checked('/', await open('/', DIRECTORY), file, true);
  }

  private static async checked(path: string, handle: FileHandle, file: string, aboveDataRoot: boolean): Promise<CheckedDir> {
    try {
      const problem = directoryProblem(await handle.stat(), path, file, aboveDataRoot);
      if (problem) throw new OperationError(problem, 'refused');
      return new CheckedDir(path, handle);
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** The directory `name` in this one (no symlink), checked on the way to `file`. */
  async child(name: string, file: string, aboveDataRoot: boolean): Promise<CheckedDir> {
    const path = `${this.path === '/' ? '' : this.path}/${name}`;
    return CheckedDir.checked(path, await openWithin(this.handle, name, DIRECTORY, path), file, aboveDataRoot);
  }

  /** Opens the file `name` in this directory (no symlink), checked by fstat; the caller closes it. */
  async open(name: string, mode: 'read' | 'write'): Promise<FileHandle> {
    const shown = `${this.path}/${name}`;
    const handle = await openWithin(this.handle, name, FILE[mode] | FILE_EXTRA, shown);
    try {
      const problem = fileProblem(await handle.stat(), shown);
      if (problem) throw new OperationError(problem, 'refused');
      return handle;
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  close(): Promise<void> {
    return this.handle.close();
  }
}

/**
 * Walks from / to the directory of the container file `file` (`depth` 'containers': stop at
 * <data root>/containers, to open many containers' directories from there), each step checked.
 */
export async function walkToDirectoryOf(file: string, depth: 'container' | 'containers' = 'container'): Promise<CheckedDir> {
  const location = locateContainerFile(file);
  const names = depth === 'container' ? location.dirs : location.dirs.slice(0, -1);
  let dir = await CheckedDir.root(file);
  try {
    for (const [index, name] of names.entries()) {
      const next = await dir.child(name, file, index < location.aboveDataRoot);
      await dir.close();
      dir = next;
    }
    return dir;
  } catch (error) {
    await dir.close();
    throw error;
  }
}

/** The whole text behind an open handle, never more than 64 KiB (a file growing past it is refused). */
export async function readCapped(handle: FileHandle, shown: string): Promise<string> {
  const buffer = Buffer.alloc(MAX_CONTAINER_FILE_BYTES + 1);
  let length = 0;
  for (;;) {
    const { bytesRead } = await handle.read(buffer, length, buffer.length - length, length);
    if (bytesRead === 0) break;
    length += bytesRead;
    if (length > MAX_CONTAINER_FILE_BYTES) throw new OperationError(`${shown} is larger than 64 KiB; refused`, 'refused');
  }
  return buffer.toString('utf8', 0, length);
}

/** Overwrites in place through the handle: write from offset 0, then cut the rest (same inode, never empty). */
export async function overwrite(handle: FileHandle, content: string): Promise<void> {
  const bytes = Buffer.from(content);
  for (let at = 0; at < bytes.length; ) at += (await handle.write(bytes, at, bytes.length - at, at)).bytesWritten;
  await handle.truncate(bytes.length);
  await handle.sync();
}

// Files in a user's config folder, written by a process that may be root acting for that user
// (`sudo bridgeport …`). The user controls that folder, so nothing there may be trusted as a path:
// every directory below the last trusted (root-owned, not world-writable) one is opened with
// O_NOFOLLOW and checked by fstat (a directory, owned by the user); every file is opened relative to
// that descriptor (through /proc/self/fd/N, Node has no openat) with O_NOFOLLOW (O_CREAT|O_EXCL when
// creating), checked by fstat (a regular file, owned by the user), written through the descriptor
// and handed over with fchown. A check that fails changes nothing and throws kind 'refused'.
// Linux only (as is Bridgeport). I/O only.
import { constants, lstat as lstatCallback, lutimes as lutimesCallback, mkdir as mkdirCallback, realpath, rmdir, rmdirSync } from 'node:fs';
import { lstat, mkdir, open, rename, unlink, type FileHandle } from 'node:fs/promises';
import type { Stats } from 'node:fs';
import { randomBytes } from 'node:crypto';
import { isAbsolute, normalize, sep } from 'node:path';
import lockfile from 'proper-lockfile';
import { BridgeportError } from '../../shared/errors';

/** Who must own the files (the sudo user, when root writes on their behalf), or null: whoever writes them. */
export type FileOwner = { uid: number; gid: number } | null;

const { O_RDONLY, O_WRONLY, O_APPEND, O_CREAT, O_EXCL, O_NOFOLLOW, O_DIRECTORY, O_NONBLOCK } = constants;
const DIR_FLAGS = O_RDONLY | O_DIRECTORY | O_NOFOLLOW;
// O_NONBLOCK: a FIFO planted in place of a file must not hang the process (no effect on regular files).
const READ_FLAGS = O_RDONLY | O_NOFOLLOW | O_NONBLOCK;
const APPEND_FLAGS = O_WRONLY | O_APPEND | O_NOFOLLOW | O_NONBLOCK;

function refused(message: string): BridgeportError {
  return new BridgeportError('refused', `${message} (nothing was changed)`);
}

function codeOf(error: unknown): string | undefined {
  return (error as NodeJS.ErrnoException | undefined)?.code;
}

/** A directory only root can change: symlinks in it were made by the administrator. Pure. */
export function isTrustedDir(st: Pick<Stats, 'uid' | 'gid' | 'mode'>): boolean {
  return st.uid === 0 && (st.mode & 0o002) === 0 && ((st.mode & 0o020) === 0 || st.gid === 0);
}

/** Why a file (or directory) found in the user's folder must not be used, or null when it may. Pure. */
export function refusalOf(st: Pick<Stats, 'uid' | 'isFile' | 'isDirectory'>, owner: FileOwner, want: 'file' | 'dir', path: string): string | null {
  if (want === 'file' && !st.isFile()) return `${path} is not a regular file`;
  if (want === 'dir' && !st.isDirectory()) return `${path} is not a directory`;
  if (owner && st.uid !== owner.uid) return `${path} is owned by uid ${st.uid}, not by uid ${owner.uid} whose folder it is in`;
  return null;
}

/** The components of an absolute path. Pure. */
export function componentsOf(dir: string): string[] {
  if (!isAbsolute(dir)) throw refused(`the config folder ${dir} is not an absolute path`);
  if (dir.split(sep).includes('..')) throw refused(`the config folder ${dir} contains ..`);
  return normalize(dir).split(sep).filter((p) => p !== '');
}

/** Why a name that O_DIRECTORY|O_NOFOLLOW would not open is refused (Linux says ENOTDIR for a link). */
async function notADirectory(via: string, path: string, owner: { uid: number }): Promise<string> {
  const st = await lstat(via).catch(() => null);
  if (st?.isSymbolicLink()) return `${path} is a symbolic link; Bridgeport running as root does not follow links in uid ${owner.uid}'s folders`;
  return `${path} is not a directory`;
}

// proper-lockfile's file system, without following links: it stats and touches its lock directory.
const noFollowFs = { mkdir: mkdirCallback, rmdir, rmdirSync, realpath, stat: lstatCallback, utimes: lutimesCallback };

/** One verified, open directory of the user's config folder. Use it, then close() it. */
export class UserDir {
  private constructor(
    private readonly handle: FileHandle,
    readonly path: string,
    private readonly owner: FileOwner,
  ) {}

  /**
   * Opens `dir` (creating missing folders below the last existing one when `create`, 0700, given
   * to `owner`); null when it does not exist and `create` is false. With an owner, the walk starts
   * at `/`: links are followed only inside root-owned, not world-writable directories; from the
   * first directory the user owns, every component is opened O_NOFOLLOW and must be the user's.
   */
  static async open(dir: string, owner: FileOwner, create: boolean): Promise<UserDir | null> {
    const parts = componentsOf(dir);
    if (!owner) {
      // No privilege crosses here: the process writes its own folder, as it may follow its own links.
      if (create) await mkdir(dir, { recursive: true, mode: 0o700 });
      try {
        return new UserDir(await open(dir, O_RDONLY | O_DIRECTORY), dir, owner);
      } catch (error) {
        if (codeOf(error) === 'ENOENT' && !create) return null;
        if (codeOf(error) === 'ENOTDIR') throw refused(`${dir} is not a directory`);
        throw error;
      }
    }
    let handle = await open('/', O_RDONLY | O_DIRECTORY);
    let here = '';
    let inUserTree = false;
    try {
      for (const part of parts) {
        const trusted = !inUserTree && isTrustedDir(await handle.stat());
        const next = `${here}/${part}`;
        const via = `/proc/self/fd/${handle.fd}/${part}`;
        let child: FileHandle;
        try {
          child = await open(via, trusted ? O_RDONLY | O_DIRECTORY : DIR_FLAGS);
        } catch (error) {
          const code = codeOf(error);
          if (code === 'ELOOP' || code === 'ENOTDIR') throw refused(await notADirectory(via, next, owner));
          if (code !== 'ENOENT') throw error;
          if (!create) return null;
          if (!inUserTree) throw refused(`${next} does not exist and is not inside a folder uid ${owner.uid} owns`);
          child = await UserDir.makeDir(via, next, owner);
        }
        await handle.close();
        handle = child;
        here = next;
        const st = await handle.stat();
        if (!st.isDirectory()) throw refused(`${next} is not a directory`);
        if (st.uid === owner.uid) inUserTree = true;
        // Below the user's first folder everything must be theirs; above it, root's (or /tmp-like) only.
        else if (inUserTree || st.uid !== 0) throw refused(`${next} is owned by uid ${st.uid}, not by uid ${owner.uid}`);
      }
      if (!inUserTree) throw refused(`${dir} is not owned by uid ${owner.uid}`);
      return new UserDir(handle, dir, owner);
    } catch (error) {
      await handle.close().catch(() => undefined);
      throw error;
    }
  }

  /** mkdir (0700) inside a folder of the user's, opened O_NOFOLLOW and given to the user. */
  private static async makeDir(via: string, path: string, owner: { uid: number; gid: number }): Promise<FileHandle> {
    let made = false;
    try {
      await mkdir(via, { mode: 0o700 });
      made = true;
    } catch (error) {
      if (codeOf(error) !== 'EEXIST') throw error;
    }
    let child: FileHandle;
    try {
      child = await open(via, DIR_FLAGS);
    } catch (error) {
      if (codeOf(error) === 'ELOOP' || codeOf(error) === 'ENOTDIR') throw refused(await notADirectory(via, path, owner));
      throw error;
    }
    if (made && (await child.stat()).uid === 0) await child.chown(owner.uid, owner.gid);
    return child;
  }

  /** The path of `name` in this very directory (not whatever its path names by now). */
  private at(name: string): string {
    if (name === '' || name.includes('/') || name === '.' || name === '..') throw refused(`bad file name ${JSON.stringify(name)}`);
    return `/proc/self/fd/${this.handle.fd}/${name}`;
  }

  private async checked(handle: FileHandle, name: string): Promise<FileHandle> {
    const reason = refusalOf(await handle.stat(), this.owner, 'file', `${this.path}/${name}`);
    if (reason) {
      await handle.close();
      throw refused(reason);
    }
    return handle;
  }

  private async openExisting(name: string, flags: number): Promise<FileHandle | null> {
    try {
      return await this.checked(await open(this.at(name), flags), name);
    } catch (error) {
      if (codeOf(error) === 'ENOENT') return null;
      if (codeOf(error) === 'ELOOP') throw refused(`${this.path}/${name} is a symbolic link`);
      if (codeOf(error) === 'ENXIO' || codeOf(error) === 'EISDIR') throw refused(`${this.path}/${name} is not a regular file`);
      throw error;
    }
  }

  /** A new file, created O_EXCL (never an existing one, never through a link), given to the owner. */
  private async create(name: string, flags: number, mode: number): Promise<FileHandle> {
    const handle = await open(this.at(name), flags | O_CREAT | O_EXCL | O_NOFOLLOW, mode);
    try {
      if (this.owner) await handle.chown(this.owner.uid, this.owner.gid);
      await handle.chmod(mode);
      return handle;
    } catch (error) {
      await handle.close();
      throw error;
    }
  }

  /** The file's text, or null when it does not exist. */
  async read(name: string): Promise<string | null> {
    const handle = await this.openExisting(name, READ_FLAGS);
    if (!handle) return null;
    try {
      return await handle.readFile('utf8');
    } finally {
      await handle.close();
    }
  }

  /** Appends to the file, creating it (mode) when missing. */
  async append(name: string, text: string, mode = 0o600): Promise<void> {
    let handle = await this.openExisting(name, APPEND_FLAGS);
    if (!handle) {
      try {
        handle = await this.create(name, APPEND_FLAGS, mode);
      } catch (error) {
        if (codeOf(error) !== 'EEXIST') throw error;
        handle = await this.openExisting(name, APPEND_FLAGS);
        if (!handle) throw error;
      }
    }
    try {
      await handle.appendFile(text, 'utf8');
    } finally {
      await handle.close();
    }
  }

  /** Replaces the file atomically: a new temp file (O_EXCL, fsync), renamed over the name. */
  async replace(name: string, text: string, mode = 0o600): Promise<void> {
    const temp = `.${name}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
    const handle = await this.create(temp, O_WRONLY, mode);
    try {
      try {
        await handle.writeFile(text, 'utf8');
        await handle.sync();
      } finally {
        await handle.close();
      }
      // rename replaces a link at `name` itself, never what it points to.
      await rename(this.at(temp), this.at(name));
    } catch (error) {
      await unlink(this.at(temp)).catch(() => undefined);
      if (codeOf(error) === 'EISDIR') throw refused(`${this.path}/${name} is a directory`);
      throw error;
    }
  }

  /** Removes the name (a link is removed, not followed); a missing file is fine. */
  async remove(name: string): Promise<void> {
    await unlink(this.at(name)).catch((error: unknown) => {
      if (codeOf(error) !== 'ENOENT') throw error;
    });
  }

  /** Takes `<name>.lock` (proper-lockfile's directory lock, shared by every process) in this directory; keep this open until released. */
  async lock(name: string, options: Omit<lockfile.LockOptions, 'fs' | 'realpath' | 'lockfilePath'>): Promise<() => Promise<void>> {
    // A link (or file) planted as the lock is refused at once; were it planted later, noFollowFs still never follows it.
    const existing = await lstat(`${this.at(name)}.lock`).catch(() => null);
    if (existing && !existing.isDirectory()) throw refused(`${this.path}/${name}.lock is not a lock directory${existing.isSymbolicLink() ? ' but a symbolic link' : ''}; remove it`);
    return lockfile.lock(this.at(name), { ...options, realpath: false, fs: noFollowFs });
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}

/** Runs `work` with the verified directory open; `work` is not called (null) when it is missing and `create` is false. */
export async function withUserDir<T>(dir: string, owner: FileOwner, create: boolean, work: (d: UserDir) => Promise<T>): Promise<T | null> {
  const opened = await UserDir.open(dir, owner, create);
  if (!opened) return null;
  try {
    return await work(opened);
  } finally {
    await opened.close();
  }
}

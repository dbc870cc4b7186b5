// May this code run as root on the user's say-so? Only if nobody but root can change it: the file
// and every directory above it owned by root, none writable by group or others (a sticky directory
// like /tmp excepted: there nobody can rename or remove root's entries). Otherwise it is a
// development checkout, and whoever can write to it could make the elevated helper run anything.
// `untrustedReason` is pure; `pathChain` reads the file system.
import { lstatSync, realpathSync } from 'node:fs';
import { posix } from 'node:path';

export interface PathFacts {
  path: string;
  uid: number;
  /** st_mode (type and permission bits). */
  mode: number;
  isDirectory: boolean;
  /** A symbolic link's own mode means nothing: only who owns it (and its directory) does. */
  isSymbolicLink?: boolean;
}

const S_ISVTX = 0o1000;

/** Why these paths (a file and its ancestors) are not root's alone, or null when they are. */
export function untrustedReason(chain: readonly PathFacts[]): string | null {
  for (const entry of chain) {
    if (entry.uid !== 0) return `${entry.path} belongs to uid ${entry.uid}, not root`;
    if (entry.isSymbolicLink) continue;
    const writableByOthers = (entry.mode & 0o022) !== 0;
    if (writableByOthers && !(entry.isDirectory && (entry.mode & S_ISVTX) !== 0)) {
      return `${entry.path} can be changed by users other than root (mode ${(entry.mode & 0o7777).toString(8)})`;
    }
  }
  return null;
}

function factsOf(p: string): PathFacts {
  const stat = lstatSync(p);
  return { path: p, uid: stat.uid, mode: stat.mode, isDirectory: stat.isDirectory(), isSymbolicLink: stat.isSymbolicLink() };
}

/** `path` and every directory above it, down from /, as written (symlinks not followed) and as resolved. */
export function pathChain(path: string): PathFacts[] {
  // An archive (app.asar) counts as the file: what is inside is not on the file system.
  const asar = path.indexOf('.asar/');
  const literal = posix.resolve(asar === -1 ? path : path.slice(0, asar + '.asar'.length));
  const chain: PathFacts[] = [];
  for (const start of new Set([literal, realpathSync(literal)])) {
    for (let p = start; ; p = posix.dirname(p)) {
      chain.unshift(factsOf(p));
      if (p === '/') break;
    }
  }
  return chain;
}

/** The first reason any of these paths is not root's alone (a path that cannot be read is not). */
export function untrustedCode(paths: readonly string[]): string | null {
  for (const path of paths) {
    let chain: PathFacts[];
    try {
      chain = pathChain(path);
    } catch (error) {
      return `${path} cannot be checked (${(error as NodeJS.ErrnoException).code ?? (error as Error).message})`;
    }
    const reason = untrustedReason(chain);
    if (reason) return reason;
  }
  return null;
}

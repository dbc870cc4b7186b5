// Rewrites a container's resolv.conf in place (dns.writeResolvConf): it is bind-mounted into the
// container, so the inode must stay. Both files are opened and checked in the one container
// directory the walk checked BEFORE anything is written, so a refusal has changed nothing.
import { createHash } from 'node:crypto';
import type { FileHandle } from 'node:fs/promises';
import { OperationError } from '../contract/operations';
import { overwrite, readCapped, walkToDirectoryOf } from './open-container-file';

export const contentHash = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

const isMissing = (error: unknown) => (error as NodeJS.ErrnoException).code === 'ENOENT';

export interface Rewrite {
  path: string;
  content: string;
  /** The hash of the text the caller planned against: anything else there is left alone. */
  expectedHash: string;
  /** Also rewrite resolv.conf.hash (when there is one), so Docker keeps treating the file as its own. */
  updateHashFile: boolean;
}

export async function rewriteResolvConf(rewrite: Rewrite): Promise<{ path: string; hash: string; hashFileUpdated: boolean }> {
  const { path } = rewrite;
  const missing = (error: unknown): never => {
    if (isMissing(error)) throw new OperationError(`${path}: no such file; not rewritten`, 'refused');
    throw error;
  };
  const dir = await walkToDirectoryOf(path).catch(missing);
  const opened: FileHandle[] = [];
  try {
    const file = await dir.open('resolv.conf', 'write').catch(missing);
    opened.push(file);
    // Docker writes no hash for --network host containers: nothing to keep in step then.
    const hashFile = rewrite.updateHashFile ? await dir.open('resolv.conf.hash', 'write').catch((error: unknown) => (isMissing(error) ? null : missing(error))) : null;
    if (hashFile) opened.push(hashFile);
    if (contentHash(await readCapped(file, path)) !== rewrite.expectedHash) {
      throw new OperationError(`${path} changed since it was read (edited inside the container?); not rewritten`, 'refused');
    }
    const hash = contentHash(rewrite.content);
    await overwrite(file, rewrite.content);
    if (hashFile) await overwrite(hashFile, hash);
    return { path, hash, hashFileUpdated: hashFile !== null };
  } finally {
    for (const handle of opened) await handle.close();
    await dir.close();
  }
}

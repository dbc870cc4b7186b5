// Reads many containers' files (dns.readFiles): the walk down to <data root>/containers is done
// once per data root, then each container's directory is opened from that descriptor, a few at a
// time. A file that cannot be read safely gets its reason instead of its text. When a walk fails,
// each of its files is walked again on its own, so every refusal names its own file.
import { type CheckedDir, readCapped, walkToDirectoryOf } from './open-container-file';

export interface ReadResult {
  text: string | null;
  error: string | null;
}

/** Container directories read at the same time (each holds two descriptors while it is read). */
const PARALLEL = 16;

const failed = (error: unknown): ReadResult => ({
  text: null,
  error: (error as NodeJS.ErrnoException).code === 'ENOENT' ? 'no such file' : (error as Error).message,
});

const nameOf = (path: string) => path.slice(path.lastIndexOf('/') + 1);
const parentOf = (path: string) => path.slice(0, path.lastIndexOf('/'));

function groupBy(paths: readonly string[], key: (path: string) => string): Map<string, string[]> {
  const groups = new Map<string, string[]>();
  for (const path of paths) groups.set(key(path), [...(groups.get(key(path)) ?? []), path]);
  return groups;
}

async function readIn(dir: CheckedDir, path: string): Promise<ReadResult> {
  try {
    const handle = await dir.open(nameOf(path), 'read');
    try {
      return { text: await readCapped(handle, path), error: null };
    } finally {
      await handle.close();
    }
  } catch (error) {
    return failed(error);
  }
}

/** Runs `each` in `open()`'s directory; if it cannot be opened, walks each of `paths` alone. */
async function readAll(open: () => Promise<CheckedDir>, paths: readonly string[], each: (dir: CheckedDir) => Promise<void>, into: Map<string, ReadResult>): Promise<void> {
  let dir: CheckedDir;
  try {
    dir = await open();
  } catch {
    for (const path of paths) into.set(path, await walkToDirectoryOf(path).then((d) => readIn(d, path).finally(() => d.close()), failed));
    return;
  }
  try {
    await each(dir);
  } finally {
    await dir.close();
  }
}

export async function readContainerFiles(paths: readonly string[]): Promise<Map<string, ReadResult>> {
  const results = new Map<string, ReadResult>();
  // <data root>/containers → <id> → files.
  for (const inRoot of groupBy(paths, (path) => parentOf(parentOf(path))).values()) {
    await readAll(
      () => walkToDirectoryOf(inRoot[0]!, 'containers'),
      inRoot,
      async (containers) => {
        const queue = [...groupBy(inRoot, parentOf).values()];
        const worker = async () => {
          for (let files = queue.shift(); files; files = queue.shift()) {
            await readAll(
              () => containers.child(nameOf(parentOf(files[0]!)), files[0]!, false),
              files,
              async (dir) => {
                for (const path of files) results.set(path, await readIn(dir, path));
              },
              results,
            );
          }
        };
        await Promise.all(Array.from({ length: PARALLEL }, worker));
      },
      results,
    );
  }
  return results;
}

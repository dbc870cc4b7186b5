// dns-sync.pid in the config dir: tells every Bridgeport process whether a DNS sync runs somewhere
// (the app or `bridgeport daemon`) and which host files it follows, so `bridgeport dns` and the DNS
// view read the host's DNS the running sync acts on, not a default of their own. I/O only.
import { z } from 'zod';
import { withUserDir, type FileOwner } from '../../system/safe-user-files';
import type { HostDnsPaths } from './host-dns-paths';

const FILE = 'dns-sync.pid';

/** The first line: the pid (what older versions wrote alone); the second: JSON of the paths followed. */
const followedSchema = z.object({ path: z.string().min(1), stubTarget: z.string().min(1) }).strict();

export interface RunningSync {
  pid: number;
  /** What it follows; null when the marker predates this (a pid alone). */
  paths: HostDnsPaths | null;
}

export class SyncMarker {
  constructor(
    private readonly dir: string,
    private readonly owner: FileOwner = null,
  ) {}

  async claim(paths: HostDnsPaths): Promise<void> {
    const text = `${process.pid}\n${JSON.stringify({ path: paths.path, stubTarget: paths.stubTarget })}\n`;
    await withUserDir(this.dir, this.owner, true, (dir) => dir.replace(FILE, text, 0o644));
  }

  async release(): Promise<void> {
    const marker = await this.read();
    if (marker?.pid === process.pid) await withUserDir(this.dir, this.owner, false, (dir) => dir.remove(FILE));
  }

  async running(): Promise<boolean> {
    return (await this.runningSync()) !== null;
  }

  /** The sync that runs now (in this process or another), or null. */
  async runningSync(): Promise<RunningSync | null> {
    const marker = await this.read();
    if (marker === null) return null;
    try {
      process.kill(marker.pid, 0);
      return marker;
    } catch (error) {
      // EPERM: alive, but another user's (the daemon under sudo, seen from the app).
      return (error as NodeJS.ErrnoException).code === 'EPERM' ? marker : null;
    }
  }

  private async read(): Promise<RunningSync | null> {
    try {
      const [first = '', second = ''] = ((await withUserDir(this.dir, this.owner, false, (dir) => dir.read(FILE))) ?? '').split('\n');
      const pid = Number(first.trim());
      if (!Number.isInteger(pid) || pid <= 0) return null;
      const paths = second.trim() === '' ? null : followedSchema.safeParse(JSON.parse(second)).data ?? null;
      return { pid, paths };
    } catch {
      return null;
    }
  }
}

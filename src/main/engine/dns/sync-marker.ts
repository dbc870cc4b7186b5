// dns-sync.pid in the config dir: tells every Bridgeport process whether a DNS sync runs somewhere
// (the app or `bridgeport daemon`), so `bridgeport dns` and the DNS view can say so. I/O only.
import { readFile, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { ensureDir, type FileOwner } from '../config/json-state-file';

export class SyncMarker {
  private readonly path: string;

  constructor(
    private readonly dir: string,
    private readonly owner: FileOwner = null,
  ) {
    this.path = join(dir, 'dns-sync.pid');
  }

  async claim(): Promise<void> {
    await ensureDir(this.dir, this.owner);
    await writeFile(this.path, `${process.pid}\n`, { mode: 0o644 });
  }

  async release(): Promise<void> {
    const pid = await this.pid();
    if (pid === process.pid) await rm(this.path, { force: true });
  }

  async running(): Promise<boolean> {
    const pid = await this.pid();
    if (pid === null) return false;
    try {
      process.kill(pid, 0);
      return true;
    } catch (error) {
      // EPERM: alive, but another user's (the daemon under sudo, seen from the app).
      return (error as NodeJS.ErrnoException).code === 'EPERM';
    }
  }

  private async pid(): Promise<number | null> {
    try {
      const pid = Number((await readFile(this.path, 'utf8')).trim());
      return Number.isInteger(pid) && pid > 0 ? pid : null;
    } catch {
      return null;
    }
  }
}

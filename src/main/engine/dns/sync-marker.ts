// dns-sync.pid in the config dir: tells every Bridgeport process whether a DNS sync runs somewhere
// (the app or `bridgeport daemon`), so `bridgeport dns` and the DNS view can say so. I/O only.
import { withUserDir, type FileOwner } from '../../system/safe-user-files';

const FILE = 'dns-sync.pid';

export class SyncMarker {
  constructor(
    private readonly dir: string,
    private readonly owner: FileOwner = null,
  ) {}

  async claim(): Promise<void> {
    await withUserDir(this.dir, this.owner, true, (dir) => dir.replace(FILE, `${process.pid}\n`, 0o644));
  }

  async release(): Promise<void> {
    const pid = await this.pid();
    if (pid === process.pid) await withUserDir(this.dir, this.owner, false, (dir) => dir.remove(FILE));
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
      const pid = Number(((await withUserDir(this.dir, this.owner, false, (dir) => dir.read(FILE))) ?? '').trim());
      return Number.isInteger(pid) && pid > 0 ? pid : null;
    } catch {
      return null;
    }
  }
}

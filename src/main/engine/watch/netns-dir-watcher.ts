// Notices `ip netns add/del` by watching /run/netns with inotify (fs.watch). `ip netns monitor`
// would do the same but block-buffers its output into a pipe, so its lines arrive late.
import { existsSync, watch, type FSWatcher } from 'node:fs';

const NETNS_DIR = '/run/netns';

export class NetnsDirWatcher {
  private watcher: FSWatcher | null = null;
  private parentWatcher: FSWatcher | null = null;

  constructor(private readonly onChange: () => void) {}

  start(): void {
    if (existsSync(NETNS_DIR)) {
      this.watchDir();
      return;
    }
    // No namespace was ever named here: wait for the folder to be created.
    try {
      this.parentWatcher = watch('/run', (_event, name) => {
        if (name === 'netns' && existsSync(NETNS_DIR) && !this.watcher) {
          this.watchDir();
          this.onChange();
        }
      });
      this.parentWatcher.on('error', () => undefined);
    } catch {
      // /run not watchable: namespace changes are then seen only through link events.
    }
  }

  private watchDir(): void {
    try {
      this.watcher = watch(NETNS_DIR, () => this.onChange());
      this.watcher.on('error', () => undefined);
    } catch {
      this.watcher = null;
    }
  }

  stop(): void {
    this.watcher?.close();
    this.parentWatcher?.close();
    this.watcher = null;
    this.parentWatcher = null;
  }
}

// Notices a change of the host's DNS: inotify on the folders of the watched files (resolv.conf is
// often replaced by a rename, which a watch on the file itself would miss) and, as a safety net
// for filesystems without inotify, a cheap content check every second. I/O only.
import { watch, type FSWatcher } from 'node:fs';
import { readFile } from 'node:fs/promises';
import { basename, dirname } from 'node:path';
import { Ticker } from '../watch/ticker';

export class HostDnsWatcher {
  private watchers: FSWatcher[] = [];
  private readonly poll: Ticker;
  private last: string | null = null;

  constructor(
    private readonly paths: readonly string[],
    private readonly onChange: () => void,
    pollMs = 1000,
  ) {
    this.poll = new Ticker(() => this.check(), pollMs);
  }

  /** The first check reports a change too: whoever starts watching syncs once at the start. */
  start(): void {
    for (const path of this.paths) {
      try {
        const name = basename(path);
        const watcher = watch(dirname(path), { persistent: false }, (_event, file) => {
          if (file === null || file === name) void this.check();
        });
        watcher.on('error', () => undefined);
        this.watchers.push(watcher);
      } catch {
        // the folder does not exist (no systemd-resolved): the poll covers it
      }
    }
    this.poll.start();
  }

  stop(): void {
    this.poll.stop();
    this.watchers.forEach((w) => w.close());
    this.watchers = [];
  }

  private async contents(): Promise<string> {
    const texts = await Promise.all(this.paths.map((p) => readFile(p, 'utf8').catch(() => '\0missing')));
    return texts.join('\0');
  }

  private async check(): Promise<void> {
    const text = await this.contents();
    if (text === this.last) return;
    this.last = text;
    this.onChange();
  }
}

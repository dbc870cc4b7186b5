// A child's stdout through a FIFO that this process drains on its own schedule, not an event-loop
// pipe. Why: `conntrack -E` flushes every event, so a pipe wakes Node hundreds of times a second for
// a few lines each (at 500 new TCP flows/s, 3,500 lines/s, the wake-ups alone cost about as much CPU
// as conntrack itself). Here the descriptor is non-blocking and read only when asked (a timer, a
// reader): a few large reads instead. What waits meanwhile sits in the FIFO (64 KiB) and then in
// conntrack's own netlink socket buffer (its -b), where an overflow is conntrack's ENOBUFS warning.
import { execFileSync } from 'node:child_process';
import { closeSync, mkdtempSync, openSync, readSync, rmSync, constants } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { commandEnv } from '../../../system/command-env';

const CHUNK_BYTES = 256 * 1024;
/** Reads per drain at most: a writer faster than this waits for the next drain, not the event loop. */
const READS_PER_DRAIN = 64;
/** A read this large found the FIFO full (Linux's default FIFO holds 64 KiB). */
const FULL_FIFO_BYTES = 64 * 1024;

export class FifoLines {
  private readonly dir: string;
  private readonly path: string;
  private readFd: number | null = null;
  private writeFd: number | null = null;
  private partial = '';
  private readonly buffer = Buffer.allocUnsafe(CHUNK_BYTES);

  constructor() {
    // A private folder (0700): nobody else can open the FIFO.
    this.dir = mkdtempSync(join(tmpdir(), 'bridgeport-conntrack-'));
    this.path = join(this.dir, 'events');
    try {
      execFileSync('mkfifo', ['-m', '600', this.path], { env: commandEnv(), stdio: 'ignore' });
      // Read end first and non-blocking (opens at once); then the writer's end, blocking for the child.
      this.readFd = openSync(this.path, constants.O_RDONLY | constants.O_NONBLOCK);
      this.writeFd = openSync(this.path, constants.O_WRONLY);
    } catch (error) {
      this.close();
      throw error;
    } finally {
      // Both ends are open: the FIFO lives on through them, its name is no longer needed. Nothing is
      // left in the temporary folder even if this process is killed.
      rmSync(this.dir, { recursive: true, force: true });
    }
  }

  /** The descriptor to hand the child as its stdout; call `childStarted` once it has its copy. */
  get childFd(): number {
    if (this.writeFd === null) throw new Error('the FIFO was already handed over');
    return this.writeFd;
  }

  /** Drops this process's write end, so the child's exit reads as the end of the lines. */
  childStarted(): void {
    if (this.writeFd !== null) closeSync(this.writeFd);
    this.writeFd = null;
  }

  /**
   * Every complete line written since the last drain (a started line waits for its end). Returns
   * whether the writer had to wait meanwhile: a read found the FIFO full, or this drain stopped
   * with more to read. The caller should then drain again soon.
   */
  drain(onLine: (line: string) => void): boolean {
    let full = false;
    if (this.readFd === null) return full;
    for (let reads = 0; reads < READS_PER_DRAIN; reads++) {
      let bytes: number;
      try {
        bytes = readSync(this.readFd, this.buffer, 0, CHUNK_BYTES, null);
      } catch (error) {
        if ((error as NodeJS.ErrnoException).code === 'EAGAIN') return full;
        throw error;
      }
      if (bytes === 0) return full; // no writer (the child exited): nothing more will come
      // Any full read counts, not only the last: the writer refills while we read, so the last
      // read of a drain is usually short even when the writer was blocked.
      if (bytes >= FULL_FIFO_BYTES) full = true;
      // conntrack prints ASCII: latin1 decodes it byte for byte, and cheaply.
      const lines = (this.partial + this.buffer.toString('latin1', 0, bytes)).split('\n');
      this.partial = lines.pop() ?? '';
      for (const line of lines) onLine(line);
    }
    return true; // stopped at READS_PER_DRAIN with the writer still going
  }

  close(): void {
    for (const fd of [this.readFd, this.writeFd]) if (fd !== null) closeSync(fd);
    this.readFd = null;
    this.writeFd = null;
    this.partial = '';
  }
}

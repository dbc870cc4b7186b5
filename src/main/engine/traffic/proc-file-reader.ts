// Reads a /proc file again and again through one open descriptor: a read from offset 0 makes the
// kernel generate it afresh, without the open, fstat and close (and the thread-pool round trips of
// the promise API) that cost more than the read itself at 1 Hz over hundreds of interfaces. I/O.
import { closeSync, openSync, readSync } from 'node:fs';

export class ProcFileReader {
  private fd: number | null = null;
  private buffer = Buffer.alloc(64 * 1024);

  constructor(private readonly path: string) {}

  read(): string {
    this.fd ??= openSync(this.path, 'r');
    let length = 0;
    // procfs hands out about a page per read: read until it says the end (0 bytes).
    for (;;) {
      if (length === this.buffer.length) {
        const bigger = Buffer.alloc(this.buffer.length * 2);
        this.buffer.copy(bigger, 0, 0, length);
        this.buffer = bigger;
      }
      const n = readSync(this.fd, this.buffer, length, this.buffer.length - length, length);
      if (n === 0) break;
      length += n;
    }
    return this.buffer.toString('utf8', 0, length);
  }

  close(): void {
    if (this.fd !== null) closeSync(this.fd);
    this.fd = null;
  }
}

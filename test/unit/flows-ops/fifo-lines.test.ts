// The FIFO conntrack -E writes into: lines come out whole when drained, a line cut between two
// writes waits for its end, a full FIFO is reported, and no folder is left behind.
import { spawn } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { FifoLines } from '../../../src/main/privileged/ops/flows/fifo-lines';

function run(fifo: FifoLines, script: string) {
  const child = spawn('sh', ['-c', script], { stdio: ['pipe', fifo.childFd, 'inherit'] });
  fifo.childStarted();
  const exited = new Promise<void>((done) => child.once('exit', () => done()));
  return { child, exited };
}

/** Drains until `count` lines came (or a few seconds passed). */
async function drainUntil(fifo: FifoLines, lines: string[], count: number): Promise<void> {
  for (let i = 0; i < 300 && lines.length < count; i++) {
    fifo.drain((l) => lines.push(l));
    if (lines.length < count) await new Promise((r) => setTimeout(r, 10));
  }
}

/** Whether a process sleeps in a pipe write: the FIFO is full and it waits for a reader. */
function writerBlocked(pid: number): boolean {
  const wchan = readFileSync(`/proc/${pid}/wchan`, 'utf8');
  return /pipe_write/.test(wchan);
}

async function until(ready: () => boolean): Promise<void> {
  for (let i = 0; i < 1000 && !ready(); i++) await new Promise((r) => setTimeout(r, 10));
  expect(ready()).toBe(true);
}

describe('FifoLines', () => {
  it('hands out complete lines only, in order, and nothing when nothing was written', async () => {
    const fifo = new FifoLines();
    const lines: string[] = [];
    expect(fifo.drain((l) => lines.push(l))).toBe(false);
    expect(lines).toEqual([]);
    // The third line is cut: its end comes only after the test says so (a line on stdin).
    const { child, exited } = run(fifo, 'printf "[NEW] one\\n[UPDATE] two\\n[DESTR"; read go; printf "OY] three\\n"');
    await drainUntil(fifo, lines, 2);
    fifo.drain((l) => lines.push(l));
    expect(lines).toEqual(['[NEW] one', '[UPDATE] two']);
    child.stdin!.end('go\n');
    await exited;
    fifo.drain((l) => lines.push(l));
    expect(lines).toEqual(['[NEW] one', '[UPDATE] two', '[DESTROY] three']);
    fifo.close();
  });

  it('takes more than the FIFO holds at once, across drains, and says when the writer waited', async () => {
    const fifo = new FifoLines();
    const lines: string[] = [];
    // 200,000 lines (about 1.3 MB) against a 64 KiB FIFO, from one process (exec: child.pid is awk).
    const { child, exited } = run(fifo, `exec awk 'BEGIN { for (i = 1; i <= 200000; i++) print "line " i }'`);
    let finished = false;
    void exited.then(() => (finished = true));
    // Wait until the writer is blocked on the full FIFO (the kernel says so), not for a while.
    await until(() => writerBlocked(child.pid!));
    expect(fifo.drain((l) => lines.push(l))).toBe(true);
    while (!finished) {
      fifo.drain((l) => lines.push(l));
      await new Promise((r) => setTimeout(r, 10));
    }
    fifo.drain((l) => lines.push(l));
    expect(lines).toHaveLength(200_000);
    expect(lines[0]).toBe('line 1');
    expect(lines[199_999]).toBe('line 200000');
    // Drained dry with the writer gone: nothing waited.
    expect(fifo.drain((l) => lines.push(l))).toBe(false);
    fifo.close();
  });

  it('leaves no folder behind once both ends are open (nothing to clean up after a kill)', () => {
    const fifo = new FifoLines();
    const folder = (fifo as unknown as { dir: string }).dir;
    expect(folder).toContain('bridgeport-conntrack-');
    expect(existsSync(folder)).toBe(false);
    fifo.close();
  });
});

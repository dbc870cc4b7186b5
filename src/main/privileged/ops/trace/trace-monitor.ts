// `nft -a monitor`: every ruleset change and every trace event of this namespace, as lines. Run for
// the length of one trace; readiness is seen, not guessed: the monitor prints our own table's
// addition once it listens.
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { commandEnv } from '../../../system/command-env';

export class TraceMonitor {
  private readonly child: ChildProcess;
  private readonly waiters = new Set<() => void>();
  readonly lines: string[] = [];
  private stderr = '';
  exited = false;

  constructor() {
    this.child = spawn('nft', ['-a', 'monitor'], { stdio: ['ignore', 'pipe', 'pipe'], env: commandEnv() });
    createInterface({ input: this.child.stdout! }).on('line', (line) => {
      this.lines.push(line);
      this.waiters.forEach((wake) => wake());
    });
    this.child.stderr!.on('data', (chunk: Buffer) => {
      this.stderr = (this.stderr + chunk.toString()).slice(-2000);
    });
    const onEnd = () => {
      this.exited = true;
      this.waiters.forEach((wake) => wake());
    };
    this.child.on('exit', onEnd);
    this.child.on('error', (error) => {
      this.stderr ||= error.message;
      onEnd();
    });
  }

  /** What nft said on stderr (why it stopped). */
  get problem(): string {
    return this.stderr.trim();
  }

  /** Waits for new lines (or the end), at most `ms`. */
  async next(ms: number): Promise<void> {
    if (this.exited || ms <= 0) return;
    await new Promise<void>((resolve) => {
      const wake = () => {
        clearTimeout(timer);
        this.waiters.delete(wake);
        resolve();
      };
      const timer = setTimeout(wake, ms);
      this.waiters.add(wake);
    });
  }

  stop(): void {
    if (!this.exited && this.child.exitCode === null) this.child.kill('SIGTERM');
  }
}

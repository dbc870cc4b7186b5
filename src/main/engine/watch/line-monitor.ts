// Keeps a monitoring command running (e.g. `ip monitor`) and reports each line it prints.
// Restarted with a delay when it exits; stopped for good by stop().
import { spawn, type ChildProcess } from 'node:child_process';
import { createInterface } from 'node:readline';
import { commandEnv } from '../../system/command-env';

export class LineMonitor {
  private child: ChildProcess | null = null;
  private stopped = false;
  private restartTimer: NodeJS.Timeout | null = null;

  constructor(
    private readonly argv: readonly string[],
    private readonly onLine: (line: string) => void,
    private readonly restartDelayMs = 2000,
    /** Called whenever the command (re)starts: whatever it would have reported meanwhile is lost. */
    private readonly onRestart: () => void = () => undefined,
  ) {}

  start(): void {
    const [file, ...args] = this.argv;
    if (!file || this.stopped) return;
    this.onRestart();
    const child = spawn(file, args, { stdio: ['ignore', 'pipe', 'ignore'], env: { ...process.env, ...commandEnv() } });
    this.child = child;
    if (child.stdout) createInterface({ input: child.stdout }).on('line', (line) => this.onLine(line));
    child.on('error', () => undefined);
    child.on('exit', () => {
      this.child = null;
      if (!this.stopped) this.restartTimer = setTimeout(() => this.start(), this.restartDelayMs);
    });
  }

  stop(): void {
    this.stopped = true;
    if (this.restartTimer) clearTimeout(this.restartTimer);
    this.child?.kill('SIGTERM');
    this.child = null;
  }
}

// `bridgeport daemon` as a user runs it, for the lab tests that need it running: started with its
// own config dir, ready once it says it keeps the mappings, every stdout line kept, stopped by pid.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';
import { repoRoot } from './support';

export class DaemonProcess {
  /** Every line it printed, across restarts. */
  readonly lines: string[] = [];
  private child: ChildProcess | null = null;

  constructor(
    private readonly configDir: string,
    private readonly args: string[] = [],
  ) {}

  async start(): Promise<void> {
    const child = spawn(process.execPath, [resolve(repoRoot, 'bin/bridgeport.js'), 'daemon', ...this.args], {
      env: { ...process.env, BRIDGEPORT_CONFIG_DIR: this.configDir },
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    this.child = child;
    const lines = createInterface({ input: child.stdout! });
    await new Promise<void>((ready, fail) => {
      child.once('exit', (code) => fail(new Error(`bridgeport daemon exited (${code})`)));
      lines.on('line', (line) => {
        this.lines.push(line);
        if (line.startsWith('bridgeport daemon: keeping')) ready();
      });
    });
  }

  async stop(): Promise<void> {
    const child = this.child;
    this.child = null;
    if (child && child.exitCode === null && child.signalCode === null) {
      const exited = new Promise((done) => child.once('exit', done));
      child.kill('SIGTERM');
      await exited;
    }
  }
}

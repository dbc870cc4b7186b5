// Starts `bridgeport serve` (the built CLI) and reads its URL from the first line of output.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface Served {
  url: string;
  origin: string;
  stop(): Promise<void>;
}

export async function serve(env: Record<string, string> = {}): Promise<Served> {
  const root = resolve(import.meta.dirname, '../..');
  const child: ChildProcess = spawn(process.execPath, [resolve(root, 'bin/bridgeport.js'), 'serve', '--port', '0'], {
    cwd: root,
    env: { ...process.env, ...env },
    stdio: ['ignore', 'pipe', 'inherit'],
  });
  const url = await new Promise<string>((resolveUrl, reject) => {
    const timer = setTimeout(() => reject(new Error('bridgeport serve printed no URL within 20 s')), 20_000);
    child.once('exit', (code) => reject(new Error(`bridgeport serve exited with ${code}`)));
    createInterface({ input: child.stdout! }).once('line', (line) => {
      clearTimeout(timer);
      resolveUrl(line.trim());
    });
  });
  return {
    url,
    origin: new URL(url).origin,
    stop: () =>
      new Promise<void>((done) => {
        if (child.exitCode !== null) return done();
        child.once('exit', () => done());
        child.kill('SIGTERM');
      }),
  };
}

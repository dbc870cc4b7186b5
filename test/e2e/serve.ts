// Starts `bridgeport serve` (the built CLI) and reads its URL from the first line of output.
import { spawn, type ChildProcess } from 'node:child_process';
import { resolve } from 'node:path';
import { createInterface } from 'node:readline';

export interface Served {
  url: string;
  origin: string;
  stop(): Promise<void>;
}

/** A normal user to serve as, with `--elevate` (the desktop path): polkit decides what the helper may do. */
export interface ServeAsUser {
  name: string;
}

/** What a plain user's session gives the CLI (pkexec clears the helper's environment anyway). */
function userEnv(): Record<string, string> {
  const env: Record<string, string> = {
    // With sbin: the engine finds iptables by PATH to ask its variant (Debian's user PATH has no sbin).
    PATH: '/usr/local/bin:/usr/bin:/bin:/usr/sbin:/sbin',
    HOME: '/nonexistent',
    SHELL: '/bin/sh',
  };
  for (const name of ['DOCKER_HOST', 'BRIDGEPORT_RESOLV_CONF']) if (process.env[name]) env[name] = process.env[name]!;
  return env;
}

/** `wrap`: a command to run serve under, e.g. setpriv dropping every capability (root's uid, a user's reads). */
export async function serve(env: Record<string, string> = {}, asUser?: ServeAsUser, wrap: readonly string[] = []): Promise<Served> {
  const root = resolve(import.meta.dirname, '../..');
  const argv = [...wrap, process.execPath, resolve(root, 'bin/bridgeport.js'), 'serve', '--port', '0'];
  // As the user: setpriv gives up root for good (the uid, gid and the user's groups, Docker's among them).
  const command = asUser ? ['setpriv', '--reuid', asUser.name, '--regid', asUser.name, '--init-groups', '--', ...argv, '--elevate'] : argv;
  const child: ChildProcess = spawn(command[0]!, command.slice(1), {
    cwd: root,
    env: asUser ? { ...userEnv(), ...env } : { ...process.env, ...env },
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

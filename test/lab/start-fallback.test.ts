// `bash scripts/start.sh` where the Electron binary is missing and cannot be fetched (the lab has no
// way out): one line says so, the same interface opens through `bridgeport serve` in the "default
// browser" (a fake xdg-open that records its argument), the script runs while serve runs and ends
// with 0 on Ctrl-C, leaving no process behind; a failing xdg-open is told with the URL; where a binary
// exists (a stand-in) the window path runs instead. Install and build are skipped
// (BRIDGEPORT_SKIP_SETUP): the tree is installed and built before lab tests run.
import { spawn, type ChildProcess } from 'node:child_process';
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { afterEach, beforeAll, describe, expect, it } from 'vitest';
import { labEnv, repoRoot, waitFor } from './support';

/** The binary electron would run, found the way launch.electron.ts finds it (no download). */
function electronBinary(): string | null {
  const pkg = dirname(createRequire(join(repoRoot, 'package.json')).resolve('electron/package.json'));
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

/** Live (not zombie) processes of a session: everything start.sh started, since it leads its own. */
function sessionMembers(sid: number): number[] {
  const members: number[] = [];
  for (const entry of readdirSync('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    let stat: string;
    try {
      stat = readFileSync(`/proc/${entry}/stat`, 'utf8');
    } catch {
      continue; // gone meanwhile
    }
    // After the command name (which may hold spaces): state ppid pgrp session …
    const [state, , , session] = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
    if (Number(session) === sid && state !== 'Z') members.push(Number(entry));
  }
  return members;
}

interface Started {
  child: ChildProcess;
  stdout: () => string;
  stderr: () => string;
  opened: () => string;
  exit: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
}

let work = '';
let started: Started | null = null;

function startScript(extraEnv: Record<string, string> = {}): Started {
  const record = join(work, 'opened');
  rmSync(record, { force: true });
  const env: Record<string, string | undefined> = { ...process.env, PATH: `${work}/bin:${process.env.PATH}`, BRIDGEPORT_SKIP_SETUP: '1' };
  for (const name of ['ELECTRON_EXEC_PATH', 'ELECTRON_OVERRIDE_DIST_PATH', 'ELECTRON_SKIP_BINARY_DOWNLOAD']) delete env[name];
  Object.assign(env, extraEnv);
  // Its own session and process group, as a terminal gives it: Ctrl-C is SIGINT to that group.
  const child = spawn('bash', ['scripts/start.sh'], { cwd: repoRoot, env, detached: true, stdio: ['ignore', 'pipe', 'pipe'] });
  let stdout = '';
  let stderr = '';
  child.stdout!.on('data', (chunk: Buffer) => (stdout += chunk.toString()));
  child.stderr!.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  const exit = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((done) => child.once('exit', (code, signal) => done({ code, signal })));
  return { child, stdout: () => stdout, stderr: () => stderr, opened: () => (existsSync(record) ? readFileSync(record, 'utf8').trim() : ''), exit };
}

/** Started, the browser "opened": the URL it was given, checked against serve's and fetched. */
async function opensInBrowser(run: Started): Promise<void> {
  const url = await waitFor(() => run.opened() || (run.child.exitCode !== null ? `exited ${run.child.exitCode}: ${run.stderr()}` : undefined), 30_000, 'xdg-open to be called');
  expect(url).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/#token=[\w-]+$/);
  // serve's first line, passed on as the script's.
  expect(run.stdout().split('\n')[0]).toBe(url);
  const page = await fetch(url);
  expect(page.status).toBe(200);
  expect(await page.text()).toContain('<title>Bridgeport</title>');
  const lines = run.stderr().split('\n');
  const said = lines.filter((line) => /Electron binary is missing/.test(line));
  expect(said, run.stderr()).toHaveLength(1);
  expect(said[0]).toMatch(/^bridgeport: the Electron binary is missing \(.+\) and was not fetched \(.+\): opening the same interface in your browser through "bridgeport serve" instead$/);
  expect(run.stderr()).not.toMatch(/Electron uninstall|^\s+at /m);
  expect(run.child.exitCode, 'start.sh keeps running while serve runs').toBeNull();
}

async function endsCleanly(run: Started): Promise<void> {
  expect(await run.exit).toEqual({ code: 0, signal: null });
  const sid = run.child.pid!;
  await waitFor(() => (sessionMembers(sid).length === 0 ? true : undefined), 10_000, `every process of start.sh's session ${sid} to end`);
}

beforeAll(() => {
  labEnv();
  for (const built of ['out/main/cli.js', 'out/renderer/index.html']) {
    if (!existsSync(join(repoRoot, built))) throw new Error(`${built} is missing: run "npm run build" first`);
  }
  work = mkdtempSync('/tmp/bp-start-');
  const bin = join(work, 'bin');
  mkdirSync(bin);
  // It records the URL; with BP_TEST_XDG_FAILS it fails after that, as one with no browser to start does.
  writeFileSync(join(bin, 'xdg-open'), `#!/bin/sh\nprintf '%s\\n' "$1" > '${join(work, 'opened')}'\n[ -z "$BP_TEST_XDG_FAILS" ] || exit 3\n`);
  chmodSync(join(bin, 'xdg-open'), 0o755);
  // Where a binary exists: a stand-in that records how electron-vite started it.
  writeFileSync(join(work, 'electron'), `#!/bin/sh\nprintf '%s\\n' "$*" > '${join(work, 'electron-ran')}'\n`);
  chmodSync(join(work, 'electron'), 0o755);
  return () => rmSync(work, { recursive: true, force: true });
});

afterEach(() => {
  // Only what this test started: the session start.sh leads.
  if (!started?.child.pid) return;
  for (const pid of sessionMembers(started.child.pid)) process.kill(pid, 'SIGKILL');
  started = null;
});

describe('scripts/start.sh', () => {
  it('has no Electron binary to start with (the precondition, checked)', () => {
    expect(electronBinary()).toBeNull();
  });

  it('says so in one line, opens serve in the browser, and exits 0 on Ctrl-C', async () => {
    expect(electronBinary()).toBeNull();
    started = startScript();
    await opensInBrowser(started);
    process.kill(-started.child.pid!, 'SIGINT'); // Ctrl-C: the whole foreground group
    await endsCleanly(started);
  });

  it('exits 0 when only the script is sent SIGINT (it stops serve itself)', async () => {
    expect(electronBinary()).toBeNull();
    started = startScript();
    await opensInBrowser(started);
    process.kill(started.child.pid!, 'SIGINT');
    await endsCleanly(started);
  });

  it('says so, with the URL, when xdg-open fails', async () => {
    started = startScript({ BP_TEST_XDG_FAILS: '1' });
    await opensInBrowser(started);
    const url = started.opened();
    await waitFor(() => (started!.stderr().includes('xdg-open could not') ? true : undefined), 10_000, 'the xdg-open failure to be told');
    expect(started.stderr()).toContain(`bridgeport: xdg-open could not open a browser: open ${url} yourself`);
    process.kill(-started.child.pid!, 'SIGINT');
    await endsCleanly(started);
  });

  it('starts the window, not serve, where a binary exists (ELECTRON_EXEC_PATH, as electron-vite reads it)', async () => {
    started = startScript({ ELECTRON_EXEC_PATH: join(work, 'electron') });
    await endsCleanly(started);
    expect(readFileSync(join(work, 'electron-ran'), 'utf8').trim()).toBe('.');
    expect(started.opened()).toBe('');
    expect(started.stderr()).not.toMatch(/Electron binary is missing/);
  });
});

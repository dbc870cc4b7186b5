// Issue 14: containers' files read and written as root. The built helper (`bridgeport helper
// --stdio`, run as root, reached with the app's HelperExecutor: run `npm run build` first) and the
// in-process executor it wraps (LocalExecutor, every request checked as if off the helper's wire),
// against real files: a real container's directory under the lab's Docker data root, and a fake
// <data root>/containers/<64 hex>/ tree under a root-owned temp dir. An attacker process swaps a
// path component for a symlink to a root-owned decoy as fast as it can while requests go in as
// fast as they can: the decoy must stay byte-identical and never be returned. A 70 MB file is
// refused without being read; unsafe parent directories are refused.
import { type ChildProcess, type ChildProcessWithoutNullStreams, spawn } from 'node:child_process';
import { createHash } from 'node:crypto';
import { chmodSync, chownSync, existsSync, linkSync, lstatSync, mkdirSync, mkdtempSync, readFileSync, renameSync, rmSync, statSync, symlinkSync, unlinkSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LocalExecutor } from '../../src/main/privileged/local-executor';
import { HelperExecutor } from '../../src/main/privileged/helper/helper-client';
import { errorKindOf } from '../../src/shared/errors';
import { labEnv, repoRoot, run } from './support';

const SWAP_LOOP = resolve(repoRoot, 'test/lab/swap-loop.mjs');
const CLI = resolve(repoRoot, 'out/main/cli.js');
const RACE_MS = 10_000;
const FAKE_ID = createHash('sha256').update('bridgeport helper-files fake container').digest('hex');
const CONTAINER = 'bpfiles-w';
const REAL_TEXT = 'nameserver 198.51.100.2\noptions ndots:0\n';
const DECOY_MARK = 'DECOY-bridgeport-files-test';
const DECOY_TEXT = `# ${DECOY_MARK}\nnameserver 203.0.113.99\n`;
const PWNED_TEXT = 'nameserver 203.0.113.66\n';

const hashOf = (text: string) => `sha256:${createHash('sha256').update(text).digest('hex')}`;

let root = '';
let fakeDataRoot = '';
let fakeDir = '';
let decoyDir = '';
let real: { dir: string; resolv: string; hosts: string; hash: string; resolvText: string };
const swappers = new Set<ChildProcess>();
let helperProcess: ChildProcessWithoutNullStreams | null = null;

type Request = (op: string, args: unknown) => Promise<Record<string, unknown>>;
const executor = new LocalExecutor();
/** In process, as the helper takes a request off its wire: name and arguments checked by the executor. */
const local: Request = async (op, args) => (await executor.runRequest(op, args)) as Record<string, unknown>;
let helper: Request = () => Promise.reject(new Error('the helper is not running'));

const filesOf = (via: Request) => (paths: string[]) => via('dns.readFiles', { paths }) as Promise<{ files: Array<{ path: string; text: string | null; error: string | null }> }>;
const writeOf = (via: Request) => (path: string, content: string, expected: string) => via('dns.writeResolvConf', { path, content, expectedHash: hashOf(expected), updateHashFile: true });
const request = local;
const readFiles = filesOf(local);
const write = writeOf(local);
const failure = (work: Promise<unknown>) =>
  work.then(
    () => null,
    (error: unknown) => error as Error,
  );

function writeRootFile(path: string, text: string, mode = 0o644): void {
  writeFileSync(path, text, { mode });
  chmodSync(path, mode);
}

/** What a decoy directory holds, byte for byte, with inode and times: must not change at all. */
function decoyState(): string {
  return ['resolv.conf', 'resolv.conf.hash', 'hosts']
    .map((name) => {
      const path = `${decoyDir}/${name}`;
      const info = lstatSync(path);
      return `${name} ${info.ino} ${info.size} ${info.mtimeMs} ${info.ctimeMs} ${readFileSync(path, 'base64')}`;
    })
    .join('\n');
}

function startSwapper(target: string, decoy: string, ms: number): { process: ChildProcess; done: Promise<number> } {
  const child = spawn(process.execPath, [SWAP_LOOP, target, decoy, String(ms)], { stdio: ['ignore', 'pipe', 'pipe'] });
  swappers.add(child);
  let out = '';
  let err = '';
  child.stdout!.on('data', (chunk: Buffer) => (out += chunk));
  child.stderr!.on('data', (chunk: Buffer) => (err += chunk));
  const done = new Promise<number>((resolve, reject) =>
    child.on('exit', (code) => {
      swappers.delete(child);
      if (code === 0) resolve(Number(out.trim()));
      else reject(new Error(`swap-loop exited ${code}: ${err}`));
    }),
  );
  return { process: child, done };
}

interface RaceTally {
  swaps: number;
  reads: number;
  readsWithText: number;
  writesDone: number;
  decoyWritesDone: number;
  leaked: string[];
  refusals: Map<string, number>;
}

/**
 * Swaps `target` (a component of `files.resolv`) with a symlink to `decoyTarget` for RACE_MS while
 * four clients send reads, honest rewrites (same text back, so the hash keeps matching) and
 * rewrites planned against the DECOY's content (they can only succeed on the decoy) back to back.
 */
async function race(via: Request, target: string, decoyTarget: string, files: { resolv: string; hosts: string; hash: string }, text: string): Promise<RaceTally> {
  const readFiles = filesOf(via);
  const write = writeOf(via);
  const tally: RaceTally = { swaps: 0, reads: 0, readsWithText: 0, writesDone: 0, decoyWritesDone: 0, leaked: [], refusals: new Map() };
  const refused = (error: Error | string) => {
    const message = typeof error === 'string' ? error : error.message;
    const key = message.replace(/^\/\S+/, 'PATH');
    tally.refusals.set(key, (tally.refusals.get(key) ?? 0) + 1);
  };
  const swapper = startSwapper(target, decoyTarget, RACE_MS);
  let running = true;
  void swapper.done.finally(() => (running = false)).catch(() => undefined);
  const client = async (n: number) => {
    for (let i = n; running; i++) {
      if (i % 3 === 0) {
        const { files: got } = await readFiles([files.resolv, files.hosts, files.hash]);
        tally.reads++;
        for (const file of got) {
          if (file.text !== null) {
            tally.readsWithText++;
            if (file.text.includes(DECOY_MARK) || file.text === hashOf(DECOY_TEXT)) tally.leaked.push(`${file.path}: ${file.text}`);
          } else refused(file.error!);
        }
      } else {
        const decoyPlan = i % 3 === 2;
        const error = await failure(decoyPlan ? write(files.resolv, PWNED_TEXT, DECOY_TEXT) : write(files.resolv, text, text));
        if (error === null) {
          if (decoyPlan) tally.decoyWritesDone++;
          else tally.writesDone++;
        } else {
          expect(errorKindOf(error), error.message).toBe('refused');
          refused(error);
        }
      }
    }
  };
  await Promise.all([0, 1, 2, 3].map(client));
  tally.swaps = await swapper.done;
  console.log(`race on ${target}: ${tally.swaps} swaps, ${tally.reads} reads (${tally.readsWithText} files read), ${tally.writesDone} rewrites; refusals: ${JSON.stringify(Object.fromEntries(tally.refusals))}`);
  return tally;
}

function expectRaceLost(tally: RaceTally): void {
  expect(tally.leaked).toEqual([]);
  expect(tally.decoyWritesDone).toBe(0);
  // The race really ran: many swaps, requests both served and refused while it did.
  expect(tally.swaps).toBeGreaterThan(1000);
  expect(tally.readsWithText).toBeGreaterThan(0);
  expect(tally.writesDone).toBeGreaterThan(0);
  const symlinkRefusals = [...tally.refusals].filter(([message]) => /is a symlink; refused/.test(message)).reduce((n, [, count]) => n + count, 0);
  expect(symlinkRefusals).toBeGreaterThan(0);
  for (const message of tally.refusals.keys()) expect(message).toMatch(/is a symlink; refused|no such file|swapped while opened\); refused|changed since it was read/);
}

beforeAll(async () => {
  const { image } = labEnv();
  expect(process.getuid?.()).toBe(0);
  if (!existsSync(CLI)) throw new Error(`${CLI} is missing: run "npm run build" first`);
  helperProcess = spawn(process.execPath, [CLI, 'helper', '--stdio', '--for-uid', '65534'], { stdio: 'pipe' });
  const helperExecutor = new HelperExecutor(helperProcess.stdin, helperProcess.stdout);
  helper = (op, args) => helperExecutor.run(op as never, args as never) as Promise<Record<string, unknown>>;
  root = mkdtempSync('/tmp/bp-files-'); // root-owned, 0700, under the sticky root-owned /tmp
  // A fake data root: <root>/docker/containers/<id>/, root-owned 0710 like Docker's own.
  fakeDataRoot = `${root}/docker`;
  fakeDir = `${fakeDataRoot}/containers/${FAKE_ID}`;
  mkdirSync(fakeDir, { recursive: true });
  for (const dir of [fakeDataRoot, `${fakeDataRoot}/containers`, fakeDir]) chmodSync(dir, 0o710);
  writeRootFile(`${fakeDir}/resolv.conf`, REAL_TEXT);
  writeRootFile(`${fakeDir}/resolv.conf.hash`, hashOf(REAL_TEXT));
  writeRootFile(`${fakeDir}/hosts`, '127.0.0.1\tlocalhost\n');
  writeRootFile(`${fakeDir}/hostname`, 'fake\n');
  // The decoys: root-owned files the attacker would like root to read or overwrite.
  decoyDir = `${root}/decoy`;
  mkdirSync(decoyDir, { mode: 0o700 });
  writeRootFile(`${decoyDir}/resolv.conf`, DECOY_TEXT, 0o600);
  writeRootFile(`${decoyDir}/resolv.conf.hash`, hashOf(DECOY_TEXT), 0o600);
  writeRootFile(`${decoyDir}/hosts`, `10.6.6.6\t${DECOY_MARK}\n`, 0o600);

  await run('docker', ['run', '-d', '--name', CONTAINER, image, 'sleep', '3600']);
  const resolv = (await run('docker', ['inspect', '-f', '{{.ResolvConfPath}}', CONTAINER])).trim();
  const dir = resolv.slice(0, resolv.lastIndexOf('/'));
  real = { dir, resolv, hosts: `${dir}/hosts`, hash: `${resolv}.hash`, resolvText: readFileSync(resolv, 'utf8') };
  expect(dir.startsWith(`${process.env.BP_LAB_DIR}/docker/containers/`)).toBe(true);
}, 60_000);

afterAll(async () => {
  for (const child of swappers) child.kill('SIGTERM');
  for (const child of swappers) await new Promise((r) => child.once('exit', r));
  if (helperProcess && helperProcess.exitCode === null && helperProcess.signalCode === null) helperProcess.kill('SIGKILL');
  await execa('docker', ['rm', '-f', CONTAINER], { reject: false });
  if (root) rmSync(root, { recursive: true, force: true });
}, 60_000);

describe('what works stays working', () => {
  it("reads a real container's files and rewrites its resolv.conf in place, hash file too", async () => {
    const { files } = await readFiles([real.resolv, real.hash, real.hosts, `${real.dir}/hostname`]);
    expect(files.map((f) => f.error)).toEqual([null, null, null, null]);
    expect(files[0]!.text).toBe(real.resolvText);
    // Two data roots and several containers in one request: each answer in its place.
    const mixed = await readFiles([`${fakeDir}/hostname`, real.resolv, `${fakeDataRoot}/containers/${'1'.repeat(64)}/hosts`, `${fakeDir}/resolv.conf`]);
    expect(mixed.files.map((f) => f.text)).toEqual(['fake\n', real.resolvText, null, REAL_TEXT]);
    expect(mixed.files[2]!.error).toBe('no such file');
    const inode = statSync(real.resolv).ino;
    const content = `${real.resolvText}# rewritten by helper-files.test\n`;
    expect(await write(real.resolv, content, real.resolvText)).toEqual({ path: real.resolv, hash: hashOf(content), hashFileUpdated: true });
    expect(readFileSync(real.resolv, 'utf8')).toBe(content);
    expect(readFileSync(real.hash, 'utf8')).toBe(hashOf(content));
    expect(statSync(real.resolv).ino).toBe(inode);
    expect(await run('docker', ['exec', CONTAINER, 'cat', '/etc/resolv.conf'])).toBe(content.trimEnd());
    // Planned against the old text: refused, nothing written.
    const stale = await failure(write(real.resolv, REAL_TEXT, real.resolvText));
    expect(stale?.message).toBe(`${real.resolv} changed since it was read (edited inside the container?); not rewritten`);
    await write(real.resolv, real.resolvText, content);
    real.resolvText = readFileSync(real.resolv, 'utf8');
  });

  it('tolerates a missing hash file and says which files are missing', async () => {
    renameSync(`${fakeDir}/resolv.conf.hash`, `${root}/hash.aside`);
    try {
      expect(await write(`${fakeDir}/resolv.conf`, REAL_TEXT, REAL_TEXT)).toMatchObject({ hashFileUpdated: false });
      const missing = `${fakeDataRoot}/containers/${'0'.repeat(64)}/resolv.conf`;
      expect((await readFiles([`${fakeDir}/resolv.conf.hash`, missing])).files.map((f) => f.error)).toEqual(['no such file', 'no such file']);
      expect((await failure(write(missing, REAL_TEXT, REAL_TEXT)))?.message).toBe(`${missing}: no such file; not rewritten`);
    } finally {
      renameSync(`${root}/hash.aside`, `${fakeDir}/resolv.conf.hash`);
    }
  });

  it('refuses content that is not a resolv.conf, before touching the file', async () => {
    const before = readFileSync(real.resolv, 'utf8');
    const error = await failure(write(real.resolv, 'nameserver 198.51.100.2\n* * * * * root /tmp/x\n', before));
    expect(errorKindOf(error)).toBe('refused');
    expect(error?.message).toMatch(/content: not a resolv\.conf: line 2 "\*" is not a resolv\.conf keyword/);
    expect(readFileSync(real.resolv, 'utf8')).toBe(before);
  });
});

describe('a path component swapped for a symlink to a decoy, against requests as fast as they come', () => {
  it("the real container's resolv.conf itself, through the helper process (10 s)", async () => {
    const before = decoyState();
    const hashBefore = readFileSync(real.hash, 'utf8');
    const tally = await race(helper, real.resolv, `${decoyDir}/resolv.conf`, real, real.resolvText);
    expectRaceLost(tally);
    expect(decoyState()).toBe(before);
    expect(lstatSync(real.resolv).isFile()).toBe(true);
    expect(readFileSync(real.resolv, 'utf8')).toBe(real.resolvText);
    expect(readFileSync(real.hash, 'utf8')).toBe(hashBefore);
    expect(await run('docker', ['exec', CONTAINER, 'cat', '/etc/resolv.conf'])).toBe(real.resolvText.trimEnd());
  }, 30_000);

  it("a container's directory, in process (10 s)", async () => {
    const before = decoyState();
    const files = { resolv: `${fakeDir}/resolv.conf`, hosts: `${fakeDir}/hosts`, hash: `${fakeDir}/resolv.conf.hash` };
    expectRaceLost(await race(local, fakeDir, decoyDir, files, REAL_TEXT));
    expect(decoyState()).toBe(before);
    expect(lstatSync(fakeDir).isDirectory()).toBe(true);
    expect(readFileSync(files.resolv, 'utf8')).toBe(REAL_TEXT);
  }, 30_000);
});

describe('files that are not what a container file must be', () => {
  it('a 70 MB hosts file in a real container’s directory is refused unread by the helper, which serves on', async () => {
    const big = 70 * 1024 * 1024;
    const readFiles = filesOf(helper);
    const helperRead = () => Number(/^rchar: (\d+)$/m.exec(readFileSync(`/proc/${helperProcess!.pid}/io`, 'utf8'))![1]);
    renameSync(real.hosts, `${real.hosts}.bp-aside`);
    try {
      writeRootFile(real.hosts, `${'#'.repeat(1023)}\n`.repeat(big / 1024));
      const readBefore = helperRead();
      const { files } = await readFiles([real.resolv, real.hosts]);
      const readAfter = helperRead();
      expect(files[0]).toMatchObject({ text: real.resolvText, error: null });
      expect(files[1]).toEqual({ path: real.hosts, text: null, error: `${real.hosts} is larger than 64 KiB (${big} bytes); refused` });
      // Refused on fstat's size: not even 64 KiB of it was read (rchar counts every read(2) of the helper).
      expect(readAfter - readBefore).toBeLessThan(64 * 1024);
      expect(await readFiles([real.resolv])).toMatchObject({ files: [{ text: real.resolvText }] });
      expect(await helper('helper.status', {})).toMatchObject({ pid: helperProcess!.pid });
    } finally {
      rmSync(real.hosts);
      renameSync(`${real.hosts}.bp-aside`, real.hosts);
    }
    // Same for a resolv.conf about to be rewritten: refused, untouched, and the next request runs.
    const fake = `${fakeDir}/resolv.conf`;
    writeRootFile(fake, `${'#'.repeat(1023)}\n`.repeat(big / 1024));
    try {
      const error = await failure(write(fake, REAL_TEXT, REAL_TEXT));
      expect(errorKindOf(error)).toBe('refused');
      expect(error?.message).toBe(`${fake} is larger than 64 KiB (${big} bytes); refused`);
      expect(statSync(fake).size).toBe(big);
    } finally {
      writeRootFile(fake, REAL_TEXT);
    }
    expect(await request('helper.status', {})).toMatchObject({ pid: process.pid });
    expect(await write(fake, REAL_TEXT, REAL_TEXT)).toMatchObject({ hash: hashOf(REAL_TEXT) });
  }, 60_000);

  it('a symlinked resolv.conf.hash refuses the whole rewrite: resolv.conf is not touched either', async () => {
    const resolvConf = `${fakeDir}/resolv.conf`;
    const hashFile = `${fakeDir}/resolv.conf.hash`;
    const before = decoyState();
    renameSync(hashFile, `${root}/hash.aside`);
    symlinkSync(`${decoyDir}/resolv.conf.hash`, hashFile);
    try {
      const error = await failure(write(resolvConf, 'nameserver 198.51.100.9\n', REAL_TEXT));
      expect(errorKindOf(error)).toBe('refused');
      expect(error?.message).toBe(`${hashFile} is a symlink; refused`);
      expect(readFileSync(resolvConf, 'utf8')).toBe(REAL_TEXT);
      expect(decoyState()).toBe(before);
    } finally {
      unlinkSync(hashFile);
      renameSync(`${root}/hash.aside`, hashFile);
    }
  });

  it('a symlink, a hard link, a FIFO and a file not owned by root are refused by name', async () => {
    const hosts = `${fakeDir}/hosts`;
    const hostname = `${fakeDir}/hostname`;
    const aside = `${root}/hosts.aside`;
    renameSync(hosts, aside);
    try {
      symlinkSync(`${decoyDir}/hosts`, hosts);
      expect((await readFiles([hosts])).files[0]!.error).toBe(`${hosts} is a symlink; refused`);
      unlinkSync(hosts);
      linkSync(`${decoyDir}/hosts`, hosts);
      expect((await readFiles([hosts])).files[0]!.error).toBe(`${hosts} has 2 hard links; refused`);
      unlinkSync(hosts);
      await execa('mkfifo', [hosts]);
      expect((await readFiles([hosts])).files[0]!.error).toBe(`${hosts} is not a regular file; refused`); // and no hang
      unlinkSync(hosts);
      chownSync(hostname, 65534, 65534);
      expect((await readFiles([hostname])).files[0]!.error).toBe(`${hostname} is not owned by root (uid 65534); refused`);
    } finally {
      if (lstatSync(hosts, { throwIfNoEntry: false })) unlinkSync(hosts);
      renameSync(aside, hosts);
      chownSync(hostname, 0, 0);
    }
    expect((await readFiles([hosts, hostname])).files.map((f) => f.error)).toEqual([null, null]);
  });
});

describe('parent directories', () => {
  const resolvIn = () => `${fakeDir}/resolv.conf`;

  async function expectParentRefused(problem: RegExp): Promise<void> {
    const { files } = await readFiles([resolvIn()]);
    expect(files[0]!.text).toBeNull();
    expect(files[0]!.error).toMatch(problem);
    const error = await failure(write(resolvIn(), REAL_TEXT, REAL_TEXT));
    expect(errorKindOf(error)).toBe('refused');
    expect(error?.message).toMatch(problem);
    expect(readFileSync(resolvIn(), 'utf8')).toBe(REAL_TEXT);
  }

  it('group- or other-writable, at any level from the data root down, is refused', async () => {
    const mtimeBefore = statSync(resolvIn()).mtimeMs;
    for (const [dir, mode] of [
      [`${fakeDataRoot}/containers`, 0o770],
      [fakeDir, 0o717],
      [fakeDataRoot, 0o757],
      [`${fakeDataRoot}/containers`, 0o1777], // sticky helps only above the data root
    ] as const) {
      const old = statSync(dir).mode & 0o7777;
      chmodSync(dir, mode);
      try {
        await expectParentRefused(new RegExp(`^${resolvIn()} has a parent directory writable by others \\(${dir}, mode ${mode.toString(8)}\\); refused$`));
      } finally {
        chmodSync(dir, old);
      }
    }
    expect(statSync(resolvIn()).mtimeMs).toBe(mtimeBefore);
    // Above the data root too, unless sticky: the temp dir the fake tree sits in.
    chmodSync(root, 0o777);
    try {
      await expectParentRefused(/has a parent directory writable by others \(\/tmp\/bp-files-\w+, mode 777\); refused$/);
    } finally {
      chmodSync(root, 0o700);
    }
  });

  it('a parent not owned by root, or a symlinked one, is refused; restored, the same request works', async () => {
    chownSync(fakeDir, 65534, 65534);
    try {
      await expectParentRefused(new RegExp(`has a parent directory not owned by root \\(${fakeDir}, uid 65534\\); refused$`));
    } finally {
      chownSync(fakeDir, 0, 0);
    }
    const moved = `${root}/docker-real`;
    renameSync(fakeDataRoot, moved);
    symlinkSync(moved, fakeDataRoot);
    try {
      await expectParentRefused(new RegExp(`^${fakeDataRoot} is a symlink; refused$`));
    } finally {
      unlinkSync(fakeDataRoot);
      renameSync(moved, fakeDataRoot);
    }
    expect((await readFiles([resolvIn()])).files[0]).toMatchObject({ text: REAL_TEXT, error: null });
    expect(await write(resolvIn(), REAL_TEXT, REAL_TEXT)).toMatchObject({ hashFileUpdated: true });
  });
});

// The config-folder file helper: its pure checks, and its behaviour for the process's own folder
// (no owner; the sudo case with real chown runs as root in test/lab/sudo-symlinks.test.ts).
import { lstat, mkdir, mkdtemp, readFile, readdir, rm, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { errorKindOf } from '../../../src/shared/errors';
import { componentsOf, isTrustedDir, refusalOf, UserDir, withUserDir } from '../../../src/main/system/safe-user-files';

const kinds = (file: boolean, dir: boolean) => ({ isFile: () => file, isDirectory: () => dir });

describe('safe-user-files: pure checks', () => {
  it('trusts only root-owned folders that nobody else can write', () => {
    expect(isTrustedDir({ uid: 0, gid: 0, mode: 0o40755 })).toBe(true);
    expect(isTrustedDir({ uid: 0, gid: 0, mode: 0o41777 })).toBe(false); // /tmp
    expect(isTrustedDir({ uid: 0, gid: 50, mode: 0o40775 })).toBe(false); // group staff may write
    expect(isTrustedDir({ uid: 0, gid: 0, mode: 0o40775 })).toBe(true);
    expect(isTrustedDir({ uid: 1000, gid: 1000, mode: 0o40755 })).toBe(false);
  });

  it('refuses what is not a regular file, or not the owner’s', () => {
    expect(refusalOf({ uid: 1000, ...kinds(true, false) }, { uid: 1000, gid: 1000 }, 'file', '/h/f')).toBeNull();
    expect(refusalOf({ uid: 0, ...kinds(true, false) }, { uid: 1000, gid: 1000 }, 'file', '/h/f')).toBe('/h/f is owned by uid 0, not by uid 1000 whose folder it is in');
    expect(refusalOf({ uid: 1000, ...kinds(false, true) }, { uid: 1000, gid: 1000 }, 'file', '/h/f')).toBe('/h/f is not a regular file');
    expect(refusalOf({ uid: 0, ...kinds(true, false) }, null, 'file', '/h/f')).toBeNull();
    expect(refusalOf({ uid: 1000, ...kinds(true, false) }, null, 'dir', '/h/d')).toBe('/h/d is not a directory');
  });

  it('takes absolute paths without .. only', () => {
    expect(componentsOf('/home/ana//.config/bridgeport/')).toEqual(['home', 'ana', '.config', 'bridgeport']);
    expect(() => componentsOf('rel/dir')).toThrow(/not an absolute path/);
    expect(errorKindOf((() => { try { componentsOf('/a/../b/..'); } catch (e) { return e; } })())).toBe('refused');
  });
});

describe('safe-user-files: the process’s own folder', () => {
  let base: string;
  beforeEach(async () => {
    base = await mkdtemp(join(tmpdir(), 'bp-safe-files-'));
  });
  afterEach(async () => {
    await rm(base, { recursive: true, force: true });
  });

  it('creates the folder, appends, replaces atomically, reads and removes', async () => {
    const dir = join(base, 'a', 'bridgeport');
    expect(await withUserDir(dir, null, false, async () => 'never')).toBeNull();
    await withUserDir(dir, null, true, async (d) => {
      await d.append('log.jsonl', 'one\n');
      await d.append('log.jsonl', 'two\n');
      await d.replace('state.json', '{"v":1}\n');
      await d.replace('state.json', '{"v":2}\n', 0o644);
      expect(await d.read('log.jsonl')).toBe('one\ntwo\n');
      expect(await d.read('missing')).toBeNull();
    });
    expect(await readFile(join(dir, 'state.json'), 'utf8')).toBe('{"v":2}\n');
    expect((await lstat(join(dir, 'log.jsonl'))).mode & 0o777).toBe(0o600);
    expect((await lstat(join(dir, 'state.json'))).mode & 0o777).toBe(0o644);
    expect((await lstat(dir)).mode & 0o777).toBe(0o700);
    expect((await readdir(dir)).sort()).toEqual(['log.jsonl', 'state.json']); // no temp file left
    await withUserDir(dir, null, false, (d) => d.remove('state.json'));
    await withUserDir(dir, null, false, (d) => d.remove('state.json')); // already gone: fine
    expect(await readdir(dir)).toEqual(['log.jsonl']);
  });

  it('never follows a link at a file name: append and read refuse, replace swaps the link itself', async () => {
    const victim = join(base, 'victim');
    await writeFile(victim, 'keep\n');
    const dir = join(base, 'cfg');
    await mkdir(dir);
    await symlink(victim, join(dir, 'events.jsonl'));
    await symlink(victim, join(dir, 'mappings.json'));
    const d = (await UserDir.open(dir, null, false))!;
    try {
      const appendError = await d.append('events.jsonl', 'x\n').catch((e: unknown) => e);
      expect(errorKindOf(appendError)).toBe('refused');
      expect((appendError as Error).message).toBe(`${dir}/events.jsonl is a symbolic link (nothing was changed)`);
      await expect(d.read('events.jsonl')).rejects.toThrow(/symbolic link/);
      await d.replace('mappings.json', 'new\n');
    } finally {
      await d.close();
    }
    expect(await readFile(victim, 'utf8')).toBe('keep\n');
    expect((await lstat(join(dir, 'mappings.json'))).isFile()).toBe(true);
  });

  it('refuses bad file names and a file where the folder should be', async () => {
    const d = (await UserDir.open(base, null, false))!;
    try {
      await expect(d.append('../x', '')).rejects.toThrow(/bad file name/);
      await expect(d.replace('a/b', '')).rejects.toThrow(/bad file name/);
    } finally {
      await d.close();
    }
    await writeFile(join(base, 'file'), '');
    await expect(UserDir.open(join(base, 'file'), null, false)).rejects.toThrow(/is not a directory/);
  });

  it('a lock is a directory next to the file, taken once at a time and released', async () => {
    await withUserDir(base, null, true, async (d) => {
      const release = await d.lock('state.json', { stale: 30_000 });
      expect((await lstat(join(base, 'state.json.lock'))).isDirectory()).toBe(true);
      await expect(d.lock('state.json', { stale: 30_000 })).rejects.toMatchObject({ code: 'ELOCKED' });
      await release();
    });
    expect(await readdir(base)).toEqual([]);
  });
});

describe('safe-user-files: a planted lock', () => {
  it('a link where the lock directory goes is refused at once, not followed or waited on', async () => {
    const base = await mkdtemp(join(tmpdir(), 'bp-safe-lock-'));
    try {
      const target = join(base, 'target');
      await mkdir(target);
      await mkdir(join(base, 'cfg'));
      await symlink(target, join(base, 'cfg', 'state.json.lock'));
      const error = await withUserDir(join(base, 'cfg'), null, false, (d) => d.lock('state.json', { stale: 30_000, retries: { retries: 200, minTimeout: 20, maxTimeout: 250 } })).catch((e: unknown) => e);
      expect(errorKindOf(error)).toBe('refused');
      expect((error as Error).message).toMatch(/state\.json\.lock is not a lock directory but a symbolic link/);
      expect(await readdir(target)).toEqual([]);
    } finally {
      await rm(base, { recursive: true, force: true });
    }
  });
});

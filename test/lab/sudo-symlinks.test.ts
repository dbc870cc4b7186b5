// Root writing a sudo user's config folder never follows (or chowns through) a link the user
// planted: real files, real symlinks, real chown, a throwaway user. Runs as root (lab.sh).
import { execa } from 'execa';
import { chown, link, lstat, lutimes, mkdir, mkdtemp, readFile, readdir, rm, stat, symlink, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { errorKindOf } from '../../src/shared/errors';
import { DnsTimeline } from '../../src/main/engine/dns/dns-timeline';
import { DnsStore } from '../../src/main/engine/dns/dns-store';
import { SyncMarker } from '../../src/main/engine/dns/sync-marker';
import { hostDnsPaths } from '../../src/main/engine/dns/host-dns-paths';
import { MadeStore } from '../../src/main/engine/links/made-store';
import { configLocation } from '../../src/main/engine/publish/config-dir';
import { EventLog } from '../../src/main/engine/publish/event-log';
import { message } from '../../src/shared/message';
import { MappingStore } from '../../src/main/engine/publish/mapping-store';
import { repoRoot } from './support';

const DNS_EVENT = { kind: 'settings' as const, container: null, before: null, after: null, message: 'sync off' };
const DECOY_TEXT = 'root-owned decoy: must never change\n';
let base: string;
let home: string;
let decoy: string;
let decoyDir: string;
let user: string;
let uid: number;
let owner: { uid: number; gid: number };
let configDir: string;

async function decoyIntact(): Promise<void> {
  expect(await readFile(decoy, 'utf8')).toBe(DECOY_TEXT);
  const st = await stat(decoy);
  expect([st.uid, st.gid, st.mode & 0o7777]).toEqual([0, 0, 0o644]);
  expect(await readdir(decoyDir)).toEqual([]);
  expect((await stat(decoyDir)).uid).toBe(0);
}

async function expectRefused(work: Promise<unknown>, pattern: RegExp): Promise<void> {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error, 'the write should have been refused').toBeInstanceOf(Error);
  expect((error as Error).message).toMatch(pattern);
  expect(errorKindOf(error)).toBe('refused');
}

beforeAll(async () => {
  if (process.getuid?.() !== 0) throw new Error('this test needs root (run it in test/lab/lab.sh)');
  base = await mkdtemp(join(tmpdir(), 'bp-sudo-symlinks-'));
  home = join(base, 'home');
  decoyDir = join(base, 'decoy-dir');
  decoy = join(base, 'decoy');
  user = `bpsym${process.pid % 100000}`;
  uid = 61000 + (process.pid % 3000);
  await execa('useradd', ['--no-create-home', '--home-dir', home, '--uid', String(uid), '--user-group', '--shell', '/usr/sbin/nologin', user]);
  const gid = Number((await execa('id', ['-g', user])).stdout.trim());
  owner = { uid, gid };
  configDir = join(home, '.config', 'bridgeport');
});

afterAll(async () => {
  if (user) await execa('userdel', [user], { reject: false });
  if (base) await rm(base, { recursive: true, force: true });
});

beforeEach(async () => {
  await rm(home, { recursive: true, force: true });
  await rm(decoyDir, { recursive: true, force: true });
  await mkdir(home, { mode: 0o755 });
  await chown(home, owner.uid, owner.gid);
  await writeFile(decoy, DECOY_TEXT, { mode: 0o644 });
  await mkdir(decoyDir, { mode: 0o755 });
});

/** The config folder as the user would have made it, with `name` a link the user planted. */
async function planted(name: string, target = decoy): Promise<void> {
  await mkdir(configDir, { recursive: true, mode: 0o700 });
  await chown(join(home, '.config'), owner.uid, owner.gid);
  await chown(configDir, owner.uid, owner.gid);
  await symlink(target, join(configDir, name));
  await lchownUser(join(configDir, name));
}

async function lchownUser(path: string): Promise<void> {
  await execa('chown', ['-h', `${owner.uid}:${owner.gid}`, path]);
}

describe('sudo: root never follows links in the user config folder', () => {
  it('configLocation finds the throwaway user and its folder', () => {
    expect(configLocation({ SUDO_UID: String(uid), SUDO_GID: String(owner.gid), SUDO_USER: user })).toEqual({ dir: configDir, owner });
  });

  it('writes the folder and files for the user when nothing is planted (0700 dir, 0600 files, owned by the user)', async () => {
    await new EventLog(configDir, owner).add('published', message('engine-common:text', { text: 'hello' }));
    await new DnsTimeline(configDir, owner).add([DNS_EVENT]);
    expect(await new DnsTimeline(configDir, owner).list()).toHaveLength(1);
    const store = new MappingStore(configDir, owner);
    await store.withLock(async () => store.save({ version: 1, mappings: [], routeLocalnet: [] }));
    await new MadeStore(configDir, owner).save([]);
    await new SyncMarker(configDir, owner).claim(hostDnsPaths());
    for (const dir of [join(home, '.config'), configDir]) {
      const st = await stat(dir);
      expect([st.uid, st.mode & 0o777]).toEqual([uid, 0o700]);
    }
    for (const name of ['events.jsonl', 'mappings.json', 'made.json']) {
      const st = await lstat(join(configDir, name));
      expect([st.isFile(), st.uid, st.gid, st.mode & 0o777], name).toEqual([true, uid, owner.gid, 0o600]);
    }
    expect((await stat(join(configDir, 'dns-sync.pid'))).uid).toBe(uid);
    expect(JSON.parse(await readFile(join(configDir, 'mappings.json'), 'utf8'))).toEqual({ version: 1, mappings: [], routeLocalnet: [] });
    // No temp file or lock left behind.
    expect((await readdir(configDir)).sort()).toEqual(['dns-events.jsonl', 'dns-sync.pid', 'events.jsonl', 'made.json', 'mappings.json']);
    expect(await new MappingStore(configDir, owner).mappings()).toEqual([]);
  });

  it('events.jsonl → decoy: refused, decoy untouched', async () => {
    await planted('events.jsonl');
    await expectRefused(new EventLog(configDir, owner).add('published', message('engine-common:text', { text: 'x' })), /events\.jsonl is a symbolic link/);
    await decoyIntact();
  });

  it('dns-events.jsonl → decoy: refused (append and read), decoy untouched', async () => {
    await planted('dns-events.jsonl');
    const timeline = new DnsTimeline(configDir, owner);
    await expectRefused(timeline.add([DNS_EVENT]), /dns-events\.jsonl is a symbolic link/);
    await expectRefused(timeline.list(), /symbolic link/);
    await decoyIntact();
  });

  it('mappings.json → decoy: the locked read-change-write is refused, decoy untouched', async () => {
    await planted('mappings.json');
    const store = new MappingStore(configDir, owner);
    await expectRefused(
      store.withLock(async () => store.save({ ...(await store.load()), routeLocalnet: ['x'] })),
      /mappings\.json is a symbolic link/,
    );
    await decoyIntact();
    expect((await lstat(join(configDir, 'mappings.json'))).isSymbolicLink()).toBe(true);
  });

  it('made.json → decoy: refused, decoy untouched', async () => {
    await planted('made.json');
    const store = new MadeStore(configDir, owner);
    await expectRefused(store.withLock(async () => store.save(await store.load())), /made\.json is a symbolic link/);
    await decoyIntact();
  });

  it('dns.json → decoy: refused, decoy untouched', async () => {
    await planted('dns.json');
    await expectRefused(new DnsStore(configDir, owner).update(() => undefined), /dns\.json is a symbolic link/);
    await decoyIntact();
  });

  it('a hard link to a root-owned file (not the user’s): refused by the owner check', async () => {
    await mkdir(configDir, { recursive: true, mode: 0o700 });
    await chown(join(home, '.config'), owner.uid, owner.gid);
    await chown(configDir, owner.uid, owner.gid);
    await link(decoy, join(configDir, 'events.jsonl'));
    await expectRefused(new EventLog(configDir, owner).add('published', message('engine-common:text', { text: 'x' })), /owned by uid 0, not by uid/);
    await decoyIntact();
  });

  it('a FIFO instead of a file: refused at once, not a hang', async () => {
    await mkdir(configDir, { recursive: true, mode: 0o700 });
    await chown(join(home, '.config'), owner.uid, owner.gid);
    await chown(configDir, owner.uid, owner.gid);
    await execa('mkfifo', [join(configDir, 'events.jsonl')]);
    await expectRefused(new EventLog(configDir, owner).add('published', message('engine-common:text', { text: 'x' })), /not a regular file/);
  });

  it('the config folder itself → a root-owned folder or file: refused, nothing written there', async () => {
    await mkdir(join(home, '.config'), { mode: 0o700 });
    await chown(join(home, '.config'), owner.uid, owner.gid);
    await symlink(decoyDir, configDir);
    await lchownUser(configDir);
    await expectRefused(new EventLog(configDir, owner).add('published', message('engine-common:text', { text: 'x' })), /bridgeport is a symbolic link/);
    await expectRefused(new MappingStore(configDir, owner).save({ version: 1, mappings: [], routeLocalnet: [] }), /symbolic link/);
    await rm(configDir);
    await symlink(decoy, configDir);
    await lchownUser(configDir);
    await expectRefused(new MadeStore(configDir, owner).save([]), /symbolic link/);
    await decoyIntact();
  });

  it('~/.config → a root-owned folder: refused, nothing created in it', async () => {
    await symlink(decoyDir, join(home, '.config'));
    await lchownUser(join(home, '.config'));
    await expectRefused(new SyncMarker(configDir, owner).claim(hostDnsPaths()), /\.config is a symbolic link/);
    await decoyIntact();
  });

  it('mappings.json.lock → a root-owned folder (stale): the lock is not followed, decoy untouched', async () => {
    await planted('mappings.json.lock', decoyDir);
    const old = new Date(Date.now() - 3_600_000);
    await lutimes(join(configDir, 'mappings.json.lock'), old, old);
    const before = (await stat(decoyDir)).mtimeMs;
    const store = new MappingStore(configDir, owner);
    await expectRefused(store.withLock(async () => 'locked'), /mappings\.json\.lock is not a lock directory but a symbolic link/);
    expect((await stat(decoyDir)).mtimeMs).toBe(before);
    await decoyIntact();
  });

  it('end to end: `sudo bridgeport dns-sync off` refuses a planted dns.json link and writes the user’s file otherwise', async () => {
    const env: Record<string, string> = {};
    for (const [key, value] of Object.entries(process.env)) if (value !== undefined && key !== 'BRIDGEPORT_CONFIG_DIR') env[key] = value;
    Object.assign(env, { SUDO_UID: String(uid), SUDO_GID: String(owner.gid), SUDO_USER: user });
    const cli = (args: string[]) => execa(process.execPath, [resolve(repoRoot, 'bin/bridgeport.js'), ...args], { env, extendEnv: false, cwd: repoRoot, reject: false });

    await planted('dns.json');
    const refusedRun = await cli(['dns-sync', 'off']);
    expect(refusedRun.exitCode).toBe(1);
    expect(refusedRun.stderr).toMatch(/dns\.json is a symbolic link.*nothing was changed/);
    await decoyIntact();

    await rm(join(configDir, 'dns.json'));
    const okRun = await cli(['dns-sync', 'off']);
    expect(okRun.stderr).toBe('');
    expect(okRun.exitCode).toBe(0);
    const st = await lstat(join(configDir, 'dns.json'));
    expect([st.isFile(), st.uid, st.mode & 0o777]).toEqual([true, uid, 0o600]);
    expect(JSON.parse(await readFile(join(configDir, 'dns.json'), 'utf8')).settings.enabled).toBe(false);
  });
});

// Which command the launcher elevates, and when it refuses: pure decisions over facts, and the
// ownership rule checked against real directories made here.
import { chmodSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { pathChain, untrustedCode, untrustedReason } from '../../../src/main/privileged/helper/code-trust';
import { type ElevationFacts, ElevationRefused, elevationError, elevationPlan, PACKAGED_HELPER } from '../../../src/main/privileged/helper/helper-launcher';

const facts: ElevationFacts = {
  uid: 1000,
  execPath: '/usr/bin/node',
  cliScript: '/opt/bridgeport/out/main/cli.js',
  packaged: false,
  packagedUntrusted: null,
  checkoutUntrusted: null,
  allowDevCheckout: false,
};
const helperTail = ['helper', '--stdio', '--for-uid', '1000'];

describe('elevationPlan', () => {
  it('runs the packaged wrapper through pkexec, as an argv (the polkit policy names it)', () => {
    expect(elevationPlan({ ...facts, packaged: true })).toEqual({ argv: ['/usr/bin/pkexec', PACKAGED_HELPER, ...helperTail], source: 'packaged' });
  });

  it('refuses a packaged wrapper that is not root-owned', () => {
    const plan = () => elevationPlan({ ...facts, packaged: true, packagedUntrusted: '/usr/lib/bridgeport belongs to uid 1000, not root' });
    expect(plan).toThrow(ElevationRefused);
    expect(plan).toThrow(/will not run its installed helper as root: \/usr\/lib\/bridgeport belongs to uid 1000/);
  });

  it('runs a root-owned copy through env, setting ELECTRON_RUN_AS_NODE as root (pkexec clears the environment)', () => {
    expect(elevationPlan(facts)).toEqual({
      argv: ['/usr/bin/pkexec', '/usr/bin/env', 'ELECTRON_RUN_AS_NODE=1', '/usr/bin/node', '/opt/bridgeport/out/main/cli.js', ...helperTail],
      source: 'root-owned',
    });
  });

  it('refuses a development checkout unless opted in, saying how', () => {
    const dev = { ...facts, cliScript: '/home/me/src/bridgeport/out/main/cli.js', checkoutUntrusted: '/home/me belongs to uid 1000, not root' };
    let error: unknown;
    try {
      elevationPlan(dev);
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(ElevationRefused);
    expect(error).toMatchObject({ kind: 'needs-privilege' });
    expect((error as Error).message).toBe(
      'Bridgeport elevates only root-owned helper code, and this is a development checkout (/home/me belongs to uid 1000, not root); run it with sudo, or set BRIDGEPORT_DEV_ELEVATE=1 to elevate this checkout anyway',
    );
  });

  it('opted in, the command line (which the prompt shows) names the development checkout first', () => {
    const plan = elevationPlan({ ...facts, cliScript: '/home/me/src/bridgeport/out/main/cli.js', checkoutUntrusted: 'x', allowDevCheckout: true });
    expect(plan.source).toBe('development-checkout');
    expect(plan.argv.slice(0, 3)).toEqual(['/usr/bin/pkexec', '/usr/bin/env', 'BRIDGEPORT_DEVELOPMENT_CHECKOUT=/home/me/src/bridgeport']);
    expect(plan.argv.slice(3)).toEqual(['ELECTRON_RUN_AS_NODE=1', '/usr/bin/node', '/home/me/src/bridgeport/out/main/cli.js', ...helperTail]);
  });
});

describe('elevationError', () => {
  it("maps pkexec's 126 and 127 to ElevationRefused (needs-privilege), with a line a user can act on", () => {
    expect(elevationError(126, null, 'Error executing command as another user: Not authorized\n')).toMatchObject({
      name: 'ElevationRefused',
      kind: 'needs-privilege',
      message: 'Bridgeport did not get administrator rights: the password prompt was cancelled or refused',
    });
    // What pkexec really prints when polkit says NO (test/lab/desktop-path.test.ts).
    expect(elevationError(127, null, 'Error executing command as another user: Not authorized\n\nThis incident has been reported.\n')).toMatchObject({
      kind: 'needs-privilege',
      message: 'Bridgeport did not get administrator rights: the password prompt was cancelled or refused',
    });
    expect(elevationError(127, null, 'Error executing command as another user: No authentication agent found.\n').message).toMatch(/no polkit authentication agent is running/);
    expect(elevationError(127, null, 'Error executing command as another user: Request dismissed\n')).toMatchObject({
      kind: 'needs-privilege',
      message: 'Bridgeport cannot ask for administrator rights: Request dismissed',
    });
  });

  it("passes on the helper's own reason when it refused to start", () => {
    const error = elevationError(2, null, 'bridgeport helper: --for-uid 1000 is not the user who asked for the helper (PKEXEC_UID=1001)\n');
    expect(error).not.toBeInstanceOf(ElevationRefused);
    expect(error.message).toBe("Bridgeport's privileged helper did not start: --for-uid 1000 is not the user who asked for the helper (PKEXEC_UID=1001)");
    expect(elevationError(null, 'SIGKILL', '').message).toBe("Bridgeport's privileged helper did not start: it was stopped by SIGKILL");
  });
});

describe('untrustedReason', () => {
  const dir = (path: string, uid = 0, mode = 0o40755) => ({ path, uid, mode, isDirectory: true });
  it('accepts root-owned paths nobody else can write, and sticky directories like /tmp', () => {
    expect(untrustedReason([dir('/'), dir('/tmp', 0, 0o41777), dir('/tmp/x'), { path: '/tmp/x/cli.js', uid: 0, mode: 0o100644, isDirectory: false }])).toBeNull();
  });

  it('names the first path someone else owns or may write', () => {
    expect(untrustedReason([dir('/'), dir('/home'), dir('/home/me', 1000)])).toBe('/home/me belongs to uid 1000, not root');
    expect(untrustedReason([dir('/'), dir('/opt', 0, 0o40775)])).toBe('/opt can be changed by users other than root (mode 775)');
    expect(untrustedReason([dir('/'), { path: '/opt/cli.js', uid: 0, mode: 0o100666, isDirectory: false }])).toBe('/opt/cli.js can be changed by users other than root (mode 666)');
    // Sticky helps a directory only: a world-writable file stays writable.
    expect(untrustedReason([{ path: '/x', uid: 0, mode: 0o101777, isDirectory: false }])).toMatch(/can be changed/);
  });
});

describe('untrustedCode on the real file system', () => {
  const root = mkdtempSync(join(tmpdir(), 'bp-trust-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('walks up from the real path and from the path as written', () => {
    mkdirSync(join(root, 'a/b'), { recursive: true });
    writeFileSync(join(root, 'a/b/cli.js'), '');
    symlinkSync(join(root, 'a/b/cli.js'), join(root, 'link.js'));
    const chain = pathChain(join(root, 'link.js')).map((e) => e.path);
    expect(chain).toEqual(expect.arrayContaining(['/', root, join(root, 'link.js'), join(root, 'a'), join(root, 'a/b'), join(root, 'a/b/cli.js')]));
    expect(pathChain('/usr/bin/env')[0]!.path).toBe('/');
  });

  it('finds a directory others may write, and a path that does not exist', () => {
    mkdirSync(join(root, 'open/sub'), { recursive: true });
    writeFileSync(join(root, 'open/sub/cli.js'), '');
    chmodSync(join(root, 'open'), 0o777);
    const reason = untrustedCode([join(root, 'open/sub/cli.js')]);
    // Run as root here the owner is root, so the mode is what gives it away; as a user, the owner.
    expect(reason).toMatch(process.getuid!() === 0 ? new RegExp(`^${root}/open can be changed by users other than root \\(mode 777\\)$`) : /belongs to uid/);
    expect(untrustedCode([join(root, 'missing.js')])).toMatch(/missing\.js cannot be checked \(ENOENT\)$/);
    expect(untrustedCode(['/usr/bin/env'])).toBeNull();
  });
});

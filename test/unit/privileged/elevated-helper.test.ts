// The launcher with two stand-ins (no password can be typed here, and the real helper needs root:
// test/lab/desktop-path.test.ts runs the real pkexec and helper): /usr/bin/pkexec is replaced by a
// script that, like pkexec, keeps stdio and execs in its place (or exits 126/127 as pkexec does when
// refused), and the program it runs answers the protocol like the helper. Spawning, the pipes, the
// first-answer handshake, exit mapping and the session's lifecycle are real.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ElevatedHelper, PACKAGED_HELPER, type ElevationPlan } from '../../../src/main/privileged/helper/helper-launcher';

const root = mkdtempSync(join(tmpdir(), 'bp-elevate-'));
afterAll(() => rmSync(root, { recursive: true, force: true }));

const log = join(root, 'calls.log');
/** pkexec's stand-in: records its argv, then does what the file `mode` says. */
const pkexec = join(root, 'pkexec');
writeFileSync(
  pkexec,
  `#!/bin/sh
printf '%s\\n' "$*" >> '${log}'
case "$(cat '${root}/mode')" in
  refuse) echo "Error executing command as another user: Not authorized" >&2; exit 126 ;;
  noagent) echo "Error executing command as another user: No authentication agent found." >&2; exit 127 ;;
  helper) exec '${process.execPath}' '${join(root, 'helper.mjs')}' ;;
  broken) echo "bridgeport helper: --for-uid 5 is not the user who asked for the helper (PKEXEC_UID=1000)" >&2; exit 2 ;;
esac
`,
);
chmodSync(pkexec, 0o755);
/** Answers every request line like the helper would, until stdin closes. */
writeFileSync(
  join(root, 'helper.mjs'),
  `import { createInterface } from 'node:readline';
for await (const line of createInterface({ input: process.stdin })) {
  const { id } = JSON.parse(line);
  process.stdout.write(JSON.stringify({ id, ok: true, result: { executed: 0, pid: process.pid } }) + '\\n');
}
`,
);
const mode = (m: string) => writeFileSync(join(root, 'mode'), m);
const calls = () => {
  try {
    return readFileSync(log, 'utf8').trim().split('\n').filter(Boolean)
  } catch {
    return [];
  }
};

beforeEach(() => {
  rmSync(log, { force: true });
  mode('helper');
});

// The checkout under test is root-owned when the suite runs as root (CI) and not otherwise: opt in,
// so the command is the same either way; the plan's choice itself is tested in helper-launcher.test.ts.
const make = (notices: ElevationPlan[] = []) => new ElevatedHelper({ cliScript: '/work/x/out/main/cli.js', execPath: process.execPath, allowDevCheckout: true, pkexec, notice: (p) => notices.push(p) });

describe('ElevatedHelper', () => {
  it('spawns pkexec with the helper subcommand, prompts once for concurrent first calls, then reuses the helper', async () => {
    const notices: ElevationPlan[] = [];
    const helper = make(notices);
    const [a, b] = await Promise.all([helper.executor(), helper.executor()]);
    expect(a).toBe(b);
    expect(await helper.executor()).toBe(a);
    expect(calls()).toHaveLength(1);
    expect(calls()[0]).toMatch(new RegExp(`ELECTRON_RUN_AS_NODE=1 ${process.execPath} /work/x/out/main/cli.js helper --stdio --for-uid ${process.getuid!()}$`));
    expect(notices).toHaveLength(1);
    const status = await a.run('helper.status', {});
    expect(status.executed).toBe(0);
    helper.close();
  });

  it('says clearly when the prompt was refused (126) or cannot be shown (127), and prompts again next time', async () => {
    const helper = make();
    mode('refuse');
    await expect(helper.executor()).rejects.toMatchObject({ kind: 'needs-privilege', message: 'Bridgeport did not get administrator rights: the password prompt was cancelled or refused' });
    mode('noagent');
    await expect(helper.executor()).rejects.toMatchObject({ kind: 'needs-privilege', message: expect.stringMatching(/no polkit authentication agent/) });
    mode('helper');
    await expect(helper.executor()).resolves.toBeDefined();
    expect(calls()).toHaveLength(3);
    helper.close();
  });

  it("after a declined prompt, the app's background work does not ask again; only Elevate does", async () => {
    const helper = make();
    const access = helper.access(false);
    mode('refuse');
    await expect(access.executor()).rejects.toMatchObject({ kind: 'needs-privilege' });
    expect(calls()).toHaveLength(1);
    // Port keeping or a DNS sync needing root now: refused at once, no second prompt.
    await expect(access.executor()).rejects.toMatchObject({ kind: 'needs-privilege', message: expect.stringMatching(/use Elevate to be asked again/) });
    expect(calls()).toHaveLength(1);
    // The user's Elevate asks again, and then the background work runs through the helper.
    mode('helper');
    await expect(access.elevate!()).resolves.toBeDefined();
    await expect(access.executor()).resolves.toBeDefined();
    expect(calls()).toHaveLength(2);
    helper.close();
  });

  it('with promptAgain false (the CLI: one prompt per run), a refusal stands', async () => {
    const helper = new ElevatedHelper({ cliScript: '/work/x/out/main/cli.js', execPath: process.execPath, allowDevCheckout: true, pkexec, promptAgain: false });
    mode('refuse');
    await expect(helper.executor()).rejects.toMatchObject({ kind: 'needs-privilege' });
    mode('helper');
    await expect(helper.executor()).rejects.toMatchObject({ kind: 'needs-privilege' });
    expect(calls()).toHaveLength(1);
  });

  it("passes on the helper's own reason when it refused to start", async () => {
    mode('broken');
    await expect(make().executor()).rejects.toThrow("Bridgeport's privileged helper did not start: --for-uid 5 is not the user who asked for the helper (PKEXEC_UID=1000)");
  });

  it('starts a new helper (new prompt) when the old one has gone', async () => {
    const helper = make();
    const first = await helper.executor();
    const { pid } = await first.run('helper.status', {});
    process.kill(pid, 'SIGKILL');
    await expect(first.run('helper.status', {})).rejects.toThrow('the privileged helper has stopped');
    const second = await helper.executor();
    expect(second).not.toBe(first);
    expect(calls()).toHaveLength(2);
    helper.close();
  });

  it('is ready for reads without a prompt only while its helper runs, unless reads may prompt', async () => {
    const helper = make();
    const quiet = helper.access(false);
    expect(quiet.ready()).toBe(false);
    expect(helper.access(true).ready()).toBe(true);
    const executor = await quiet.executor();
    expect(quiet.ready()).toBe(true);
    const { pid } = await executor.run('helper.status', {});
    process.kill(pid, 'SIGKILL');
    await expect(executor.run('helper.status', {})).rejects.toThrow('the privileged helper has stopped');
    expect(quiet.ready()).toBe(false);
    helper.close();
    expect(helper.access(true).ready()).toBe(false);
  });

  it('says its privilege state without prompting: not asked, elevated, declined, unavailable, failed, gone', async () => {
    const helper = make();
    const access = helper.access(false);
    expect(access.state?.()).toEqual({ state: 'not-elevated', reason: null });
    expect(calls()).toHaveLength(0);
    const executor = await access.executor();
    expect(access.state?.()).toEqual({ state: 'elevated', reason: null });
    const { pid } = await executor.run('helper.status', {});
    process.kill(pid, 'SIGKILL');
    await expect(executor.run('helper.status', {})).rejects.toThrow('the privileged helper has stopped');
    expect(access.state?.()).toEqual({ state: 'not-elevated', reason: null });
    mode('refuse');
    await expect(access.executor()).rejects.toThrow();
    expect(access.state?.()).toEqual({
      state: 'declined',
      reason: 'Bridgeport did not get administrator rights: the password prompt was cancelled or refused',
      reasonMessage: { key: 'engine-errors:privilege.declined', params: {} },
    });
    // After a decline only the user's Elevate asks again.
    mode('noagent');
    await expect(access.elevate!()).rejects.toThrow();
    expect(access.state?.()).toMatchObject({ state: 'unavailable', reason: expect.stringMatching(/no polkit authentication agent/) });
    mode('broken');
    await expect(access.executor()).rejects.toThrow();
    expect(access.state?.()).toMatchObject({ state: 'not-elevated', reason: expect.stringMatching(/helper did not start/) });
    mode('helper');
    await access.executor();
    expect(access.state?.()).toEqual({ state: 'elevated', reason: null });
    helper.close();
    expect(calls()).toHaveLength(5);
  });

  it('is unavailable, with the reason and before any prompt, when pkexec is missing or the checkout is not opted in', () => {
    const noPkexec = new ElevatedHelper({ cliScript: '/work/x/out/main/cli.js', execPath: process.execPath, allowDevCheckout: true, pkexec: join(root, 'no-such-pkexec') });
    expect(noPkexec.state()).toMatchObject({ state: 'unavailable', reason: expect.stringMatching(/pkexec is not installed/) });
    // A checkout this suite's user owns (the temp dir) and no opt-in: elevating it is refused.
    const cli = join(root, 'checkout/out/main/cli.js');
    mkdirSync(dirname(cli), { recursive: true });
    writeFileSync(cli, '');
    chmodSync(join(root, 'checkout'), 0o777);
    const checkout = new ElevatedHelper({ cliScript: cli, execPath: process.execPath, pkexec });
    // An installed package is what gets elevated then, and the checkout does not matter.
    if (existsSync(PACKAGED_HELPER)) expect(checkout.state().reason ?? '').not.toMatch(/development checkout/);
    else expect(checkout.state()).toMatchObject({ state: 'unavailable', reason: expect.stringMatching(/development checkout/) });
    expect(calls()).toHaveLength(0);
  });

  it('closes the helper by ending its stdin, and starts nothing afterwards', async () => {
    const helper = make();
    const executor = await helper.executor();
    const { pid } = await executor.run('helper.status', {});
    helper.close();
    for (let i = 0; i < 100 && alive(pid); i++) await new Promise((r) => setTimeout(r, 20));
    expect(alive(pid)).toBe(false);
    await expect(helper.executor()).rejects.toThrow('Bridgeport is quitting');
    expect(calls()).toHaveLength(1);
  });
});

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    const stat = readFileSync(`/proc/${pid}/stat`, 'utf8');
    return !/\) [ZX] /.test(stat);
  } catch {
    return false;
  }
}

// The launcher with two stand-ins (no password can be typed here, and the real helper needs root:
// test/lab/desktop-path.test.ts runs the real pkexec and helper): /usr/bin/pkexec is replaced by a
// script that, like pkexec, keeps stdio and execs in its place (or exits 126/127 as pkexec does when
// refused), and the program it runs answers the protocol like the helper. Spawning, the pipes, the
// first-answer handshake, exit mapping and the session's lifecycle are real.
import { chmodSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeEach, describe, expect, it } from 'vitest';
import { ElevatedHelper, type ElevationPlan } from '../../../src/main/privileged/helper/helper-launcher';

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

// The one shell string in Bridgeport: the command sudo-prompt runs as root. It is checked here by
// running it through the very shell layers sudo-prompt uses (only pkexec itself is left out).
import { exec } from 'node:child_process';
import { existsSync, mkdirSync, mkdtempSync, rmSync, symlinkSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { type HelperLaunch, helperArgs, helperCommand, shellQuote, sudoPromptCommand } from '../../../src/main/privileged/helper/helper-launcher';

const launch: HelperLaunch = {
  execPath: '/opt/Bridgeport/bridgeport',
  helperScript: '/opt/Bridgeport/resources/app.asar/out/main/helper.js',
  socketPath: '/run/user/1000/bridgeport/helper-0a1b2c.sock',
  ownerUid: 1000,
  parentPid: 4242,
};

/** What sudo-prompt 9.2.1 does on Linux (node_modules/sudo-prompt/index.js, Linux()), minus pkexec. */
function runLikeSudoPrompt(command: string, env: NodeJS.ProcessEnv, cwd: string): Promise<string> {
  const escapeDoubleQuotes = (s: string) => s.replace(/"/g, '\\"');
  const line = `/bin/bash -c "echo SUDOPROMPT; ${escapeDoubleQuotes(command)}"`;
  return new Promise((resolve, reject) => exec(line, { env, cwd }, (error, stdout, stderr) => (error ? reject(new Error(`${error.message}\n${stderr}`)) : resolve(stdout))));
}

describe('shellQuote', () => {
  it('single-quotes, and closes and reopens around a single quote', () => {
    expect(shellQuote('plain')).toBe("'plain'");
    expect(shellQuote("it's")).toBe("'it'\\''s'");
    expect(shellQuote('')).toBe("''");
  });

  it('refuses control characters rather than send them through two shells', () => {
    expect(() => shellQuote('a\nb')).toThrow(/control characters/);
    expect(() => shellQuote('a\x00b')).toThrow(/control characters/);
    expect(() => shellQuote('a\x7fb')).toThrow(/control characters/);
  });
});

describe('helperCommand', () => {
  it('sets ELECTRON_RUN_AS_NODE inside the elevated command (pkexec clears the environment)', () => {
    expect(helperCommand(launch)).toBe(
      "'/usr/bin/env' 'ELECTRON_RUN_AS_NODE=1' '/opt/Bridgeport/bridgeport' '/opt/Bridgeport/resources/app.asar/out/main/helper.js' " +
        "'--socket' '/run/user/1000/bridgeport/helper-0a1b2c.sock' '--owner-uid' '1000' '--parent-pid' '4242'",
    );
  });

  it('gives the packaged helper the same arguments as an argv array', () => {
    expect(helperArgs(launch)).toEqual(['--socket', launch.socketPath, '--owner-uid', '1000', '--parent-pid', '4242']);
  });

  it('escapes what the outer double quotes of sudo-prompt would still expand', () => {
    const tricky = { ...launch, execPath: '/opt/a$HOME`id`\\b"c/electron' };
    expect(sudoPromptCommand(tricky)).toContain("'/opt/a\\$HOME\\`id\\`\\\\b\"c/electron'");
  });
});

describe('the command through the real shell layers', () => {
  const root = mkdtempSync(join(tmpdir(), 'bp-launcher-'));
  afterAll(() => rmSync(root, { recursive: true, force: true }));

  it('reaches the program with every argument intact, whatever the paths hold', async () => {
    // A directory name with everything a shell might act on: quotes, $, backticks, \, ;, &, |, *, spaces.
    const weird = join(root, `it's a "dir" $HOME \`touch pwned\` $(id) \\n \\ ; & | * ! ~ {a,b}`);
    mkdirSync(weird);
    const fakeElectron = join(weird, 'electron $USER');
    symlinkSync(process.execPath, fakeElectron);
    // .cjs: Node's ESM loader refuses a backslash in a module path (a Node limit, not a quoting one).
    const script = join(weird, "helper 'x'.cjs");
    writeFileSync(script, 'console.log(JSON.stringify({ argv: process.argv.slice(2), runAsNode: process.env.ELECTRON_RUN_AS_NODE ?? null }));\n');
    const l = { ...launch, execPath: fakeElectron, helperScript: script, socketPath: join(weird, 's.sock') };

    // Without ELECTRON_RUN_AS_NODE outside: it must come from inside the command.
    const env = { PATH: '/usr/bin:/bin', HOME: '/nonexistent' };
    const out = await runLikeSudoPrompt(sudoPromptCommand(l), env, root);
    expect(out.split('\n')[0]).toBe('SUDOPROMPT');
    expect(JSON.parse(out.split('\n')[1]!)).toEqual({ argv: helperArgs(l), runAsNode: '1' });
    // Nothing was expanded or run on the way (a backtick that ran would have made this file).
    expect(existsSync(join(root, 'pwned'))).toBe(false);
  });
});

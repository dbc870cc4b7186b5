// Completion in real shells against the seed scenario: the bash script from `bridgeport completion
// bash`, sourced in bash and driven the way bash drives it (COMP_WORDS, COMP_CWORD, then
// COMPREPLY), completes commands and container names, the names coming from `bridgeport __complete
// containers` (docker is made to fail in that shell). zsh parses its script, and its widget (with
// compadd and _files stood in for) offers the same words. Also `--version`/`-V` of the built CLI.
import { chmodSync, existsSync, mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { execa } from 'execa';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { bridgeportOk, labEnv, repoRoot, run } from './support';

let work = '';
let env: Record<string, string> = {};

beforeAll(async () => {
  labEnv();
  if (!existsSync(join(repoRoot, 'out/main/cli.js'))) throw new Error('out/main/cli.js is missing: run "npm run build" first');
  work = mkdtempSync('/tmp/bp-completion-');
  // `bridgeport` on PATH, as a user has it: the completion calls the command it completes.
  mkdirSync(join(work, 'bin'));
  writeFileSync(join(work, 'bin/bridgeport'), `#!/bin/sh\nexec '${process.execPath}' '${join(repoRoot, 'bin/bridgeport.js')}' "$@"\n`);
  chmodSync(join(work, 'bin/bridgeport'), 0o755);
  env = { PATH: `${work}/bin:${process.env.PATH}` };
  writeFileSync(join(work, 'bridgeport.bash'), await bridgeportOk(['completion', 'bash']));
  writeFileSync(join(work, 'bridgeport.zsh'), await bridgeportOk(['completion', 'zsh']));
});
afterAll(() => rmSync(work, { recursive: true, force: true }));

/** Every container of the lab's engine, by `docker ps -a` (an independent view). */
async function containerNames(): Promise<string[]> {
  return (await run('docker', ['ps', '-a', '--format', '{{.Names}}'])).split('\n').filter(Boolean).sort();
}

/** What bash's programmable completion would offer for WORDS (the last one being completed). */
async function bashCompletes(...words: string[]): Promise<string[]> {
  const script = [
    `source '${join(work, 'bridgeport.bash')}'`,
    // No fallback: container names must come from bridgeport itself.
    'docker() { return 1; }',
    'COMP_WORDS=("$@"); COMP_CWORD=$(($# - 1)); COMP_LINE="$*"; COMP_POINT=${#COMP_LINE}',
    '"$(complete -p bridgeport | sed -E "s/.*-F ([^ ]+) .*/\\1/")" bridgeport "${COMP_WORDS[COMP_CWORD]}" "${COMP_WORDS[COMP_CWORD-1]}"',
    'printf "%s\\n" "${COMPREPLY[@]}"',
  ].join('\n');
  const result = await execa('bash', ['--norc', '--noprofile', '-c', script, 'bash', ...words], { env: { ...process.env, ...env } });
  return result.stdout.split('\n').filter(Boolean).sort();
}

describe('bash completion', () => {
  it('completes a command from its first letters', async () => {
    expect(await bashCompletes('bridgeport', 'pub')).toEqual(['publish']);
    expect(await bashCompletes('bridgeport', 'networks', 'con')).toEqual(['connect']);
  });

  it("completes a container name where a container is asked for (bridgeport's own list)", async () => {
    // The seed's containers, and any an earlier lab file left with the same first letters.
    const names = await containerNames();
    const starting = (prefix: string) => names.filter((name) => name.startsWith(prefix));
    expect(await bashCompletes('bridgeport', 'publish', 'w')).toEqual(expect.arrayContaining(['w1', 'w2']));
    expect(await bashCompletes('bridgeport', 'publish', 'w')).toEqual(starting('w'));
    expect(await bashCompletes('bridgeport', '--elevate', 'publish', '--network', 'bridge', 'du')).toEqual(starting('du'));
    expect(starting('du')).toContain('dual');
    expect(await bashCompletes('bridgeport', 'path', '198.51.100.1:8080', '--from', 'h')).toEqual(['host', ...starting('h')].sort());
    expect(starting('h')).toContain('hostnet');
  });

  it('completes options, and nothing where a free value is asked for', async () => {
    expect(await bashCompletes('bridgeport', 'publish', '--')).toEqual(['--help', '--json', '--network']);
    expect(await bashCompletes('bridgeport', 'publish', 'w1', '')).toEqual([]);
  });

  it('lists exactly the containers the engine has (`__complete containers`)', async () => {
    const names = await containerNames();
    expect(names).toEqual(expect.arrayContaining(['w1', 'w2', 'dual', 'i1']));
    expect((await bridgeportOk(['__complete', 'containers'])).split('\n').filter(Boolean)).toEqual(names);
  });
});

describe('zsh completion', () => {
  it('parses (zsh -n), registers with compdef, and its widget offers commands, files and container names', async () => {
    const zsh = await execa('sh', ['-c', 'command -v zsh'], { reject: false });
    expect(zsh.exitCode, 'zsh is missing: scripts/install-test-deps.sh installs it').toBe(0);
    const file = join(work, 'bridgeport.zsh');
    expect((await execa('zsh', ['-n', file], { reject: false })).exitCode).toBe(0);
    const script = [
      `autoload -Uz compinit && compinit -u -d '${join(work, 'zcompdump')}'`,
      `source '${file}'`,
      'docker() { return 1; }',
      'print -r -- "registered: ${_comps[bridgeport]}"',
      // The widget itself, outside a completion: compadd and _files stand-ins print what they get.
      'compadd() { local -a got; got=("${(@P)2}"); (( $#got == 0 )) || print -rl -- $got; }',
      '_files() { print -r -- "(files)"; }',
      'words=(bridgeport pub); CURRENT=2; _bridgeport | grep -x publish',
      'words=(bridgeport daemon --resolv-conf /etc/h); CURRENT=4; _bridgeport',
      'words=(bridgeport publish w); CURRENT=3; _bridgeport',
    ].join('\n');
    const result = await execa('zsh', ['-f', '-c', script], { env: { ...process.env, ...env } });
    const lines = result.stdout.split('\n');
    expect(lines.slice(0, 3)).toEqual(['registered: _bridgeport', 'publish', '(files)']);
    // Unfiltered (zsh's compadd matches the prefix): every container, w1 and w2 among them.
    expect(lines.slice(3)).toEqual(expect.arrayContaining(['w1', 'w2']));
    expect(lines.slice(3).sort()).toEqual((await bridgeportOk(['__complete', 'containers'])).split('\n').filter(Boolean).sort());
  });
});

describe('bridgeport --version', () => {
  it("prints package.json's version for --version and -V", async () => {
    const { version } = JSON.parse(readFileSync(join(repoRoot, 'package.json'), 'utf8')) as { version: string };
    expect(await bridgeportOk(['--version'])).toBe(version);
    expect(await bridgeportOk(['-V'])).toBe(version);
  });
});

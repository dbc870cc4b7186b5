// The completion scripts come from the commander program itself: every command it registers is in
// the bash script's tables, and what a value may be is read from its arguments and options.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { Argument, Command, Option } from 'commander';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { completionSpecs } from '../../../src/main/cli/completion/completion-spec';
import { completionScript } from '../../../src/main/cli/completion/completion-script';
import { packageVersion } from '../../../src/main/cli/package-version';
import type { buildProgram } from '../../../src/main/cli';

const root = resolve(import.meta.dirname, '../../..');

/** Every visible command path of a program: `publish`, `networks connect`, … */
function commandPaths(command: Command, prefix: string[] = []): string[][] {
  return command
    .createHelp()
    .visibleCommands(command)
    .flatMap((child) => [[...prefix, child.name()], ...commandPaths(child, [...prefix, child.name()])]);
}

/** The words a table function prints for a key, read back from the script text. */
function tableEntry(script: string, table: string, key: string): string[] | undefined {
  const body = script.slice(script.indexOf(`${table}() {`));
  const line = body.slice(0, body.indexOf('\n}')).split('\n').find((l) => l.trimStart().startsWith(`'${key}')`));
  return line ? /echo '([^']*)'/.exec(line)![1]!.split(' ') : undefined;
}

describe('the real program (src/main/cli.ts run as `bridgeport completion bash`)', () => {
  let printed = '';
  let cli: { buildProgram: typeof buildProgram };
  const argv = process.argv;

  beforeAll(async () => {
    // cli.ts runs its program when loaded: run it as the user would, and keep what it prints.
    process.argv = [process.execPath, 'bridgeport', 'completion', 'bash'];
    const write = vi.spyOn(process.stdout, 'write').mockImplementation((chunk: string | Uint8Array) => {
      printed += chunk.toString();
      return true;
    });
    try {
      cli = await import('../../../src/main/cli');
      await vi.waitFor(() => expect(printed).toContain('complete -F _bridgeport bridgeport'));
    } finally {
      write.mockRestore();
    }
  });
  afterAll(() => {
    process.argv = argv;
  });

  it('lists every registered command under its parent, and no hidden one', () => {
    const program = cli.buildProgram();
    const paths = commandPaths(program);
    expect(paths.map((p) => p.join(' '))).toEqual(expect.arrayContaining(['publish', 'serve', 'networks connect', 'completion', 'trace']));
    for (const path of paths) {
      const parent = path.slice(0, -1).join(' ');
      expect(tableEntry(printed, '_bridgeport_subcommands', parent), `${path.join(' ')} under '${parent}'`).toContain(path.at(-1));
    }
    const registered = program.commands.map((c) => c.name());
    expect(registered).toContain('__complete');
    expect(tableEntry(printed, '_bridgeport_subcommands', '')).not.toContain('__complete');
  });

  it("offers each command's options, --version at the top, and container names where a container is asked for", () => {
    expect(tableEntry(printed, '_bridgeport_options', '')).toEqual(expect.arrayContaining(['-V', '--version', '--elevate', '--help']));
    expect(tableEntry(printed, '_bridgeport_options', 'publish')).toEqual(expect.arrayContaining(['--network', '--json', '--help']));
    expect(tableEntry(printed, '_bridgeport_arg_value', 'publish|0')).toEqual(['@containers']);
    expect(tableEntry(printed, '_bridgeport_arg_value', 'networks connect|1')).toEqual(['@containers']);
    expect(tableEntry(printed, '_bridgeport_option_value', 'path|--from')).toEqual(['lan', 'host', '@containers']);
    expect(tableEntry(printed, '_bridgeport_option_value', 'trace|--from')).toEqual(['lan', 'host', '@containers']);
    expect(tableEntry(printed, '_bridgeport_arg_value', 'completion|0')).toEqual(['bash', 'zsh']);
  });

  it("carries package.json's version (--version, -V)", () => {
    const { version } = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8')) as { version: string };
    expect(cli.buildProgram().version()).toBe(version);
  });
});

describe('completionSpecs', () => {
  const program = new Command('tool');
  program.command('go').argument('<container>', 'container name or id').argument('<spec>', 'a port spec').option('--to <where>', 'lan, host, or a container name or id (default lan)');
  program.command('switch').argument('<on|off>', 'on or off').argument('[container]', 'a container name (default: every container)');
  program.command('read').addOption(new Option('--format <f>', 'how').choices(['json', 'text'])).option('--conf <path>', 'a file');
  program.command('pick').addArgument(new Argument('<shell>').choices(['bash', 'zsh']));
  program.command('secret', { hidden: true });
  const group = program.command('net');
  group.command('join').argument('<network>', 'network name').option('--box <name>', 'in this running container (name or id)').option('-q, --quiet', 'say less');
  const specs = completionSpecs(program);
  const spec = (path: string) => specs.find((s) => s.path.join(' ') === path)!;

  it('walks the visible commands, depth first, with their paths', () => {
    expect(specs.map((s) => s.path.join(' '))).toEqual(['', 'go', 'switch', 'read', 'pick', 'net', 'net join', 'net help', 'help']);
    expect(spec('').subcommands).toEqual(['go', 'switch', 'read', 'pick', 'net', 'help']);
    expect(spec('net join').options).toEqual(['--box', '-q', '--quiet', '-h', '--help']);
  });

  it('reads what a value may be from names, choices and descriptions', () => {
    const none = { words: [], containers: false, files: false };
    expect(spec('go').args).toEqual([{ ...none, containers: true }, none]);
    expect(spec('go').valueOptions).toEqual([{ flags: ['--to'], value: { ...none, words: ['lan', 'host'], containers: true } }]);
    expect(spec('switch').args).toEqual([{ ...none, words: ['on', 'off'] }, { ...none, containers: true }]);
    expect(spec('read').valueOptions).toEqual([
      { flags: ['--format'], value: { ...none, words: ['json', 'text'] } },
      { flags: ['--conf'], value: { ...none, files: true } },
    ]);
    expect(spec('pick').args).toEqual([{ ...none, words: ['bash', 'zsh'] }]);
    expect(spec('net join').valueOptions).toEqual([{ flags: ['--box'], value: { ...none, containers: true } }]);
    expect(spec('net join').args).toEqual([none]);
    expect(spec('net help').args).toEqual([{ ...none, words: ['join', 'help'] }]);
  });

  it('renders both shells with the same tables and a registration for each', () => {
    const bash = completionScript('bash', specs);
    const zsh = completionScript('zsh', specs);
    expect(bash).toContain("    'switch|0') echo 'on off' ;;");
    expect(bash).toContain("    'go|--to') echo 'lan host @containers' ;;");
    expect(bash).toMatch(/\ncomplete -F _bridgeport bridgeport\n$/);
    expect(zsh.startsWith('#compdef bridgeport\n')).toBe(true);
    expect(zsh).toContain('compdef _bridgeport bridgeport');
    expect(zsh).toContain("    'switch|0') echo 'on off' ;;");
    expect(zsh).not.toContain('COMP_WORDS');
  });
});

describe('packageVersion', () => {
  it('reads the version of Bridgeport\'s package.json, and says when it cannot', () => {
    expect(packageVersion(join(root, 'package.json'))).toMatch(/^\d+\.\d+\.\d+/);
    expect(packageVersion('/nonexistent/package.json')).toMatch(/^unknown \(cannot read \/nonexistent\/package\.json: /);
    expect(packageVersion(join(root, 'node_modules/commander/package.json'))).toMatch(/^unknown \(.* is not Bridgeport's package\.json\)$/);
  });
});

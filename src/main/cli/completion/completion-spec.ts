// What the shell completion offers, read from the commander program itself (never a list kept by
// hand): each command's subcommands, options, which options take a value, and what a value or a
// positional argument may be. Pure.
import type { Argument, Command, Option } from 'commander';

/** Words to offer for a value: literal words, container names (asked at completion time), file names. */
export interface ValueSpec {
  words: string[];
  containers: boolean;
  files: boolean;
}

export interface CommandSpec {
  /** The words that lead to this command (empty for the program itself). */
  path: string[];
  subcommands: string[];
  /** Every spelling: `-d`, `--driver`. */
  options: string[];
  /** The spellings of the options that take a value, with what that value may be. */
  valueOptions: Array<{ flags: string[]; value: ValueSpec }>;
  /** By position (0 = the first argument after the command). */
  args: ValueSpec[];
}

const NOTHING: ValueSpec = { words: [], containers: false, files: false };

/** "lan, host, or a container name or id" → the literal alternatives before "a container". */
function wordsBeforeContainer(description: string): string[] {
  const plain = description.replace(/\s*\([^)]*\)/g, '');
  const match = /^(.*?),?\s+or an? (?:running )?container\b/i.exec(plain);
  if (!match) return [];
  const words = match[1]!.split(/,\s*/);
  return words.every((w) => /^[a-z][\w-]*$/.test(w)) ? words : [];
}

function valueSpec(name: string, description: string, choices: readonly string[] | undefined): ValueSpec {
  if (choices?.length) return { ...NOTHING, words: [...choices] };
  // `<on|off>`: the name lists the words.
  if (name.includes('|')) return { ...NOTHING, words: name.split('|') };
  const containers = /^containers?$/i.test(name) || /\bcontainer name\b|\bcontainer \(name or id\)/i.test(description);
  if (containers) return { ...NOTHING, containers, words: wordsBeforeContainer(description) };
  if (/^(path|file)$/i.test(name)) return { ...NOTHING, files: true };
  return NOTHING;
}

/** `--from <source>` → "source"; `--json` → null (takes no value). */
function optionValueName(option: Option): string | null {
  const match = /[<[]([^>\]]+)[>\]]/.exec(option.flags);
  return match ? match[1]!.replace(/\.\.\.$/, '') : null;
}

function optionFlags(option: Option): string[] {
  return [option.short, option.long].filter((f): f is string => Boolean(f));
}

function argumentSpec(command: Command, argument: Argument, siblings: readonly string[]): ValueSpec {
  // `help [command]`: the commands beside it.
  if (command.name() === 'help' && argument.name() === 'command') return { ...NOTHING, words: [...siblings] };
  return valueSpec(argument.name(), argument.description, argument.argChoices);
}

function walk(command: Command, path: string[], siblings: readonly string[], into: CommandSpec[]): void {
  const help = command.createHelp();
  const children = help.visibleCommands(command);
  const subcommands = children.map((c) => c.name());
  const options = help.visibleOptions(command);
  into.push({
    path,
    subcommands,
    options: options.flatMap(optionFlags),
    valueOptions: options.flatMap((option) => {
      const name = optionValueName(option);
      return name === null ? [] : [{ flags: optionFlags(option), value: valueSpec(name === 'name' && option.attributeName() === 'container' ? 'container' : name, option.description, option.argChoices) }];
    }),
    args: command.registeredArguments.map((argument) => argumentSpec(command, argument, siblings)),
  });
  for (const child of children) walk(child, [...path, child.name()], subcommands, into);
}

/** Every command the program shows in its help, depth first, the program itself first. */
export function completionSpecs(program: Command): CommandSpec[] {
  const specs: CommandSpec[] = [];
  walk(program, [], [], specs);
  return specs;
}

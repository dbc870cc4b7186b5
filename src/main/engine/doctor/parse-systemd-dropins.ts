// Reads what Docker's systemd drop-ins set for dockerd: Environment= (proxies) and the ExecStart=
// command line (--iptables=false …). Pure: file texts in, settings out. Follows systemd's rules
// where they matter here: only [Service], files in the given order, an empty assignment resets the
// list, words split on whitespace with "…" or '…' quoting and backslash escapes, `\` continues a line.

export interface DropInFile {
  path: string;
  text: string;
}

export interface EnvironmentSetting {
  name: string;
  value: string;
  /** The drop-in that set it (the last one wins). */
  path: string;
}

export interface DropInSettings {
  environment: EnvironmentSetting[];
  /** EnvironmentFile= entries: not followed, only named. */
  environmentFiles: Array<{ value: string; path: string }>;
  /** The ExecStart= in force after the drop-ins (null when they do not replace the unit's). */
  execStart: { argv: string[]; path: string } | null;
}

/** Joins `\`-continued lines and yields [key, value] pairs of the [Service] section. */
function serviceAssignments(text: string): Array<[string, string]> {
  const joined = text.replace(/\\\r?\n/g, ' ');
  const pairs: Array<[string, string]> = [];
  let section = '';
  for (const raw of joined.split(/\r?\n/)) {
    const line = raw.trim();
    if (line === '' || line.startsWith('#') || line.startsWith(';')) continue;
    const header = /^\[(.+)\]$/.exec(line);
    if (header) {
      section = header[1]!.trim();
      continue;
    }
    const eq = line.indexOf('=');
    if (section !== 'Service' || eq < 0) continue;
    pairs.push([line.slice(0, eq).trim(), line.slice(eq + 1).trim()]);
  }
  return pairs;
}

const ESCAPES: Record<string, string> = { n: '\n', t: '\t', '\\': '\\', '"': '"', "'": "'", ' ': ' ' };

/** systemd's word splitting: whitespace separates, quotes group, backslash escapes. */
export function splitWords(value: string): string[] {
  const words: string[] = [];
  let word: string | null = null;
  let quote: string | null = null;
  for (let i = 0; i < value.length; i++) {
    const c = value[i]!;
    if (c === '\\' && i + 1 < value.length) {
      const next = value[++i]!;
      word = (word ?? '') + (ESCAPES[next] ?? next);
    } else if (quote !== null) {
      if (c === quote) quote = null;
      else word = (word ?? '') + c;
    } else if (c === '"' || c === "'") {
      quote = c;
      word ??= '';
    } else if (/\s/.test(c)) {
      if (word !== null) words.push(word);
      word = null;
    } else {
      word = (word ?? '') + c;
    }
  }
  if (word !== null) words.push(word);
  return words;
}

export function parseDropIns(files: readonly DropInFile[]): DropInSettings {
  let environment: EnvironmentSetting[] = [];
  let environmentFiles: DropInSettings['environmentFiles'] = [];
  let execStart: DropInSettings['execStart'] = null;
  for (const file of files) {
    for (const [key, value] of serviceAssignments(file.text)) {
      if (key === 'Environment') {
        if (value === '') environment = [];
        for (const word of splitWords(value)) {
          const eq = word.indexOf('=');
          if (eq <= 0) continue;
          const name = word.slice(0, eq);
          environment = [...environment.filter((e) => e.name !== name), { name, value: word.slice(eq + 1), path: file.path }];
        }
      } else if (key === 'EnvironmentFile') {
        environmentFiles = value === '' ? [] : [...environmentFiles, { value, path: file.path }];
      } else if (key === 'ExecStart') {
        // A leading -, @, +, ! or : modifies how systemd runs the command; it is not part of it.
        const argv = splitWords(value.replace(/^[-@+!:]+/, ''));
        execStart = argv.length === 0 ? null : { argv, path: file.path };
      }
    }
  }
  return { environment, environmentFiles, execStart };
}

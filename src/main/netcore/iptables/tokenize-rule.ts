// Splits an iptables-save rule line into words the way iptables-save quotes them: double quotes
// group words (comments), backslash escapes the next character. Pure.
export function tokenizeRule(line: string): string[] {
  // Most rules have neither quotes nor escapes: a plain split is several times faster.
  if (!line.includes('"') && !line.includes('\\')) {
    // iptables-save separates words with single spaces; anything else takes the careful path below.
    if (!line.includes('  ') && !line.includes('\t') && line.trim() === line) return line.split(' ');
    return line.split(/[ \t]+/).filter((w) => w !== '');
  }
  const words: string[] = [];
  let current = '';
  let inWord = false;
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const ch = line[i]!;
    if (ch === '\\' && i + 1 < line.length) {
      current += line[++i];
      inWord = true;
    } else if (ch === '"') {
      quoted = !quoted;
      inWord = true;
    } else if (!quoted && (ch === ' ' || ch === '\t')) {
      if (inWord) words.push(current);
      current = '';
      inWord = false;
    } else {
      current += ch;
      inWord = true;
    }
  }
  if (inWord) words.push(current);
  return words;
}

// "1 rule", "3 rules": counts in sentences.
export function plural(count: number, noun: string): string {
  return `${count} ${count === 1 ? noun : `${noun}s`}`;
}

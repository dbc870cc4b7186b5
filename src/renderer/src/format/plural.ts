// "1 rule", "3,029 rules": counts in sentences.
import { formatCount } from './counters';

export function plural(count: number, noun: string): string {
  return `${formatCount(count)} ${count === 1 ? noun : `${noun}s`}`;
}

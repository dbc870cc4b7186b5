// Which chains start open. Rule sets can hold thousands of rules; rendering them all at once is slow
// and unreadable, so chains open in display order while their rows fit a budget, and the rest
// start folded (the user can open any of them). Pure.
import type { TableGroup } from './group-rules';

export const OPEN_ROWS_BUDGET = 200;

export function chainsOpenByDefault(tables: readonly TableGroup[], budget = OPEN_ROWS_BUDGET): ReadonlySet<string> {
  const open = new Set<string>();
  let left = budget;
  for (const table of tables) {
    for (const { key, rules } of table.chains) {
      if (rules.length > left) continue;
      open.add(key);
      left -= rules.length;
    }
  }
  return open;
}

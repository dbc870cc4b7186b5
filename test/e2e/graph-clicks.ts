// Clicking a node of the graph in the browser tests. Right after a load, a grouping change or a zoom
// the graph may still be laid out and framed: a click that lands during that move hits nothing. A
// person clicks again; so do the tests, until what the click should show is there.
import { expect, type Locator } from '@playwright/test';

/** Clicks `target` until `shown` holds (each check short), for up to 15 s. */
export async function clickUntil(target: Locator, shown: () => Promise<void>): Promise<void> {
  await expect(async () => {
    await target.click();
    await shown();
  }).toPass({ timeout: 15_000 });
}

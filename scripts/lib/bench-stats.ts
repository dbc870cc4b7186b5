// Timing helpers shared by the benchmark scripts.
export function median(xs: number[]): number {
  const s = [...xs].sort((a, b) => a - b);
  const mid = Math.floor(s.length / 2);
  return s.length % 2 ? s[mid]! : (s[mid - 1]! + s[mid]!) / 2;
}

/** Wall time of one call, in milliseconds. */
export async function timed(fn: () => Promise<unknown>): Promise<number> {
  const start = process.hrtime.bigint();
  await fn();
  return Number(process.hrtime.bigint() - start) / 1e6;
}

/** The 95th percentile (nearest rank) of a list of timings. */
export function p95(xs: number[]): number {
  return [...xs].sort((a, b) => a - b)[Math.min(xs.length - 1, Math.floor(xs.length * 0.95))]!;
}

export const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Asks `probe` every `everyMs` until it says yes: the time it did (ms since the epoch). */
export async function until(probe: () => Promise<boolean>, everyMs: number, what: string, timeoutMs: number): Promise<number> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (await probe()) return Date.now();
    await sleep(everyMs);
  }
  throw new Error(`timed out: ${what}`);
}

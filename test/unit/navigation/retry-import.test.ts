import { describe, expect, it } from 'vitest';
import { IMPORT_RETRY_DELAYS_MS, retryImport } from '../../../src/renderer/src/navigation/retry-import';

/** A loader that fails `failures` times (as a chunk fetch aborted by a network change), then loads. */
function flaky(failures: number) {
  let calls = 0;
  const load = () => {
    calls += 1;
    return calls <= failures ? Promise.reject(new TypeError(`Failed to fetch dynamically imported module (attempt ${calls})`)) : Promise.resolve({ default: 'view' });
  };
  return { load, calls: () => calls };
}

describe('retryImport', () => {
  it('loads at once when the first attempt works, without waiting', async () => {
    const waits: number[] = [];
    const loader = flaky(0);
    await expect(retryImport(loader.load, IMPORT_RETRY_DELAYS_MS, async (ms) => void waits.push(ms))).resolves.toEqual({ default: 'view' });
    expect(loader.calls()).toBe(1);
    expect(waits).toEqual([]);
  });

  it('asks again after each delay until the module loads', async () => {
    const waits: number[] = [];
    const loader = flaky(2);
    await expect(retryImport(loader.load, IMPORT_RETRY_DELAYS_MS, async (ms) => void waits.push(ms))).resolves.toEqual({ default: 'view' });
    expect(loader.calls()).toBe(3);
    expect(waits).toEqual([250, 1000]);
  });

  it('gives up after the last delay with the last failure', async () => {
    const waits: number[] = [];
    const loader = flaky(10);
    await expect(retryImport(loader.load, [5, 10], async (ms) => void waits.push(ms))).rejects.toThrow('attempt 3');
    expect(loader.calls()).toBe(3);
    expect(waits).toEqual([5, 10]);
  });

  it('retries with the real clock too', async () => {
    const loader = flaky(1);
    await expect(retryImport(loader.load, [1])).resolves.toEqual({ default: 'view' });
    expect(loader.calls()).toBe(2);
  });
});

// A chunk fetched from `bridgeport serve` can fail for a moment even though the server is local:
// Chromium aborts requests in flight when the machine's network changes (ERR_NETWORK_CHANGED: a
// container starting adds a veth, a VPN comes up, DHCP renews). Asked again, Chromium fetches a
// failed module again, so a view or the window itself loads a moment later instead of never.

/** Waits before the 2nd, 3rd and 4th attempt. */
export const IMPORT_RETRY_DELAYS_MS: readonly number[] = [250, 1000, 3000];

const sleep = (ms: number) => new Promise<void>((done) => setTimeout(done, ms));

/** `load()`, again after each delay while it fails; the last failure if every attempt failed. */
export async function retryImport<T>(load: () => Promise<T>, delays: readonly number[] = IMPORT_RETRY_DELAYS_MS, wait: (ms: number) => Promise<void> = sleep): Promise<T> {
  for (let attempt = 0; ; attempt++) {
    try {
      return await load();
    } catch (error) {
      const delay = delays[attempt];
      if (delay === undefined) throw error;
      await wait(delay);
    }
  }
}

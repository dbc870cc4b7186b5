// `bridgeport serve --elevate` as the normal user whose polkit rule says NO (project e2e-user only),
// one per test with its own config folder: the read-only window after a declined prompt.
import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { test } from './lab-fixtures';
import { serve, type Served } from './serve';

/** Registers the serve around each test of the calling file; the getter gives this test's. */
export function serveDeclinedForEach(file: string): () => Served {
  let served: Served | null = null;
  let configDir = '';
  test.beforeEach(async ({ polkitLab }) => {
    if (!polkitLab) throw new Error(`${file} runs only in the e2e-user project (serveAs: user)`);
    configDir = mkdtempSync(join(tmpdir(), 'bridgeport-e2e-no-'));
    execFileSync('chown', [`${polkitLab.no.name}:${polkitLab.no.name}`, configDir]);
    served = await serve({ BRIDGEPORT_CONFIG_DIR: configDir }, polkitLab.no);
  });
  test.afterEach(async () => {
    await served?.stop();
    served = null;
    if (configDir) rmSync(configDir, { recursive: true, force: true });
  });
  return () => {
    if (!served) throw new Error('no declined serve is running (called outside a test?)');
    return served;
  };
}

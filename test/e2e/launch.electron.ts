// The real Electron window. Runs where the Electron binary is installed; elsewhere it reports
// itself skipped with the reason (the binary cannot be downloaded on every machine).
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, resolve } from 'node:path';
import { _electron as electron, expect, test } from '@playwright/test';

const root = resolve(import.meta.dirname, '../..');

/** The installed binary, found without electron's own lookup (which would try to download it). */
function electronBinary(): string | null {
  const pkg = dirname(createRequire(import.meta.url).resolve('electron/package.json'));
  const pathFile = join(pkg, 'path.txt');
  if (!existsSync(pathFile)) return null;
  const binary = join(pkg, 'dist', readFileSync(pathFile, 'utf8').trim());
  return existsSync(binary) ? binary : null;
}

test('the Bridgeport window opens, isolated, and shows the host', async () => {
  const binary = electronBinary();
  test.skip(binary === null, 'Electron binary not installed (node_modules/electron/dist): it cannot be downloaded on this machine');
  const app = await electron.launch({
    executablePath: binary!,
    args: ['--no-sandbox', join(root, 'out/main/index.js')],
    cwd: root,
  });
  try {
    const page = await app.firstWindow();
    await expect(page).toHaveTitle('Bridgeport');
    expect(await page.evaluate(() => typeof (globalThis as unknown as { require?: unknown }).require)).toBe('undefined');
    expect(await page.evaluate(() => typeof (globalThis as unknown as { bridgeport?: unknown }).bridgeport)).toBe('object');
    await expect(page.getByTestId('node-nic-lo')).toBeVisible();
  } finally {
    await app.close();
  }
});

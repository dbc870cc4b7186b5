import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  reporter: 'list',
  projects: [
    // The renderer in Debian's Chromium against `bridgeport serve` inside a lab namespace.
    {
      name: 'e2e',
      testMatch: /.*\.e2e\.ts/,
      // Each project keeps its own artifacts: a later run must not wipe the screenshots of this one.
      outputDir: 'test-results/e2e',
      use: {
        browserName: 'chromium',
        headless: true,
        viewport: { width: 1600, height: 1000 },
        // Debian's Chromium: no browser download. The flags keep it off the (closed) network.
        launchOptions: {
          executablePath: process.env.BP_CHROMIUM ?? '/usr/bin/chromium',
          args: [
            '--no-sandbox',
            '--disable-gpu',
            '--disable-quic',
            '--no-first-run',
            '--disable-background-networking',
            '--disable-component-update',
            '--disable-sync',
          ],
        },
      },
    },
    // The real Electron window, where the Electron binary exists.
    { name: 'electron', testMatch: /.*\.electron\.ts/, outputDir: 'test-results/electron' },
  ],
});

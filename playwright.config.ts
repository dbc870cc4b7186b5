import { defineConfig } from '@playwright/test';

export default defineConfig({
  testDir: 'test/e2e',
  timeout: 60_000,
  expect: { timeout: 10_000 },
  fullyParallel: false,
  workers: 1,
  outputDir: 'test-results/playwright',
  reporter: [['list'], ['json', { outputFile: 'test-results/playwright.json' }]],
  projects: [
    // The renderer in Debian's Chromium against `bridgeport serve` inside a lab namespace.
    { name: 'e2e', testMatch: /.*\.e2e\.ts/ },
    // The real Electron window, where the Electron binary exists.
    { name: 'electron', testMatch: /.*\.electron\.ts/ },
  ],
});

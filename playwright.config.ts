import { defineConfig } from '@playwright/test';
import type { ServeAs } from './test/e2e/lab-fixtures';

// Debian's Chromium: no browser download. The flags keep it off the (closed) network.
const chromium = {
  browserName: 'chromium' as const,
  headless: true,
  viewport: { width: 1600, height: 1000 },
  launchOptions: {
    executablePath: process.env.BP_CHROMIUM ?? '/usr/bin/chromium',
    args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking', '--disable-component-update', '--disable-sync'],
  },
};

export default defineConfig<{ serveAs: ServeAs }>({
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
      use: { ...chromium, serveAs: 'root' },
    },
    // The same files with the served app run as a normal user with --elevate (the desktop path):
    // the real pkexec and polkitd, a rules file saying YES (and NO, in *.e2e-user.ts). The test
    // process itself stays root (it sets the lab up with docker, ip, iptables).
    {
      name: 'e2e-user',
      testMatch: /.*\.e2e(-user)?\.ts/,
      outputDir: 'test-results/e2e-user',
      use: { ...chromium, serveAs: 'user' },
    },
    // The real Electron window, where the Electron binary exists.
    { name: 'electron', testMatch: /.*\.electron\.ts/, outputDir: 'test-results/electron' },
  ],
});

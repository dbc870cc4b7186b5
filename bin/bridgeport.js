#!/usr/bin/env node
// Runs the built CLI (npm run build produces out/main/cli.js).
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cli = fileURLToPath(new URL('../out/main/cli.js', import.meta.url));
if (!existsSync(cli)) {
  process.stderr.write('bridgeport: not built yet: run "npm run build" first\n');
  process.exit(1);
}
await import(cli);

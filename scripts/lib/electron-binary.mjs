#!/usr/bin/env node
// Prints the Electron binary the app would run, or (exit 1) why there is none. Reads what electron's
// own lookup reads (node_modules/electron/path.txt, then dist/), without calling it: a
// require('electron') would start a download when the binary is missing.
import { existsSync, readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join, relative } from 'node:path';

/** Relative to the checkout when inside it: shorter in a one-line message. */
function shown(path) {
  const inside = relative(process.cwd(), path);
  return inside.startsWith('..') ? path : inside;
}

function electronBinary() {
  // electron-vite's own override, then electron's.
  if (process.env.ELECTRON_EXEC_PATH) return { path: process.env.ELECTRON_EXEC_PATH };
  let pkg;
  try {
    pkg = dirname(createRequire(join(process.cwd(), 'package.json')).resolve('electron/package.json'));
  } catch {
    return { missing: 'the electron package is not installed' };
  }
  const pathFile = join(pkg, 'path.txt');
  const name = existsSync(pathFile) ? readFileSync(pathFile, 'utf8').trim() : '';
  if (process.env.ELECTRON_OVERRIDE_DIST_PATH) return { path: join(process.env.ELECTRON_OVERRIDE_DIST_PATH, name || 'electron') };
  if (!name) return { missing: `${shown(join(pkg, 'path.txt'))} is absent` };
  return { path: join(pkg, 'dist', name) };
}

const found = electronBinary();
if (found.path && !existsSync(found.path)) found.missing = `${shown(found.path)} does not exist`;
if (found.missing) {
  process.stdout.write(`${found.missing}\n`);
  process.exit(1);
}
process.stdout.write(`${found.path}\n`);

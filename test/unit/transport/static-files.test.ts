import { mkdtemp, mkdir, writeFile, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readStatic } from '../../../src/main/transport/static-files';

let root = '';
let outside = '';

beforeAll(async () => {
  outside = await mkdtemp(join(tmpdir(), 'bp-static-'));
  root = join(outside, 'renderer');
  await mkdir(join(root, 'assets'), { recursive: true });
  await writeFile(join(root, 'index.html'), '<html></html>');
  await writeFile(join(root, 'assets', 'a.js'), 'x');
  await writeFile(join(outside, 'secret.txt'), 'secret');
});
afterAll(() => rm(outside, { recursive: true, force: true }));

describe('readStatic', () => {
  it('serves index.html for / and files with their type', async () => {
    expect((await readStatic(root, '/'))?.type).toMatch(/text\/html/);
    expect((await readStatic(root, '/assets/a.js'))?.type).toMatch(/javascript/);
  });

  it('refuses paths that leave the folder, also encoded', async () => {
    expect(await readStatic(root, '/../secret.txt')).toBeNull();
    expect(await readStatic(root, '/%2e%2e/secret.txt')).toBeNull();
    expect(await readStatic(root, '/..%2fsecret.txt')).toBeNull();
  });

  it('answers null for a missing file or a malformed escape', async () => {
    expect(await readStatic(root, '/nope.js')).toBeNull();
    expect(await readStatic(root, '/%E0%A4%A')).toBeNull();
  });
});

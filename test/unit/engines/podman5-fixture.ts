// The captured rootful Podman 5.8 answers (test/fixtures/podman5) and Docker 28's /version.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const dir = join(__dirname, '../../fixtures');
export const fixture = (path: string): unknown => JSON.parse(readFileSync(join(dir, path), 'utf8'));
export const podman = (name: string): unknown => fixture(join('podman5', name));

// Loads the raw sources captured from a real lab host (scripts/capture-lab-fixtures.ts) and builds
// the snapshot inputs from them with the real parsers.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseContainerInspect, parseNetwork } from '../../src/main/engine/docker/parse-docker';
import { parseIpLinks } from '../../src/main/engine/host/parse-ip-links';
import { parseNamespaceReport } from '../../src/main/engine/netns/parse-namespace-report';
import type { NamedNamespace } from '../../src/main/engine/netns/read-named-namespaces';
import type { SnapshotInputs } from '../../src/main/engine/snapshot/assemble-snapshot';

export const fixtureDir = resolve(import.meta.dirname, '../fixtures/lab-docker20');

export function fixtureText(name: string): string {
  return readFileSync(join(fixtureDir, name), 'utf8');
}

export const lab = (JSON.parse(fixtureText('lab.json')) as { lab: string }).lab;

export function labInputs(): SnapshotInputs {
  const containers = (JSON.parse(fixtureText('containers.json')) as unknown[]).map(parseContainerInspect);
  const networks = (JSON.parse(fixtureText('networks.json')) as unknown[]).map((n) => parseNetwork(n, containers));
  return {
    takenAt: '2026-11-22T00:00:00.000Z',
    hostname: 'lab',
    privileged: true,
    hostLinks: parseIpLinks(fixtureText('ip-addr.json')),
    namedNamespaces: JSON.parse(fixtureText('named-namespaces.json')) as NamedNamespace[],
    docker: { status: { available: true, version: '20.10.24', endpoint: 'unix:///lab/docker.sock' }, containers, networks },
    report: parseNamespaceReport(fixtureText('namespace-report.txt')),
  };
}

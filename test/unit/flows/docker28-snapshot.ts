// The docker28 seed-scenario snapshot (test/fixtures/docker28) through the real parsers. It was captured
// in another run of the same lab than test/fixtures/conntrack, with the same addresses (w1 172.17.0.2,
// w2 172.17.0.3, uplink 198.51.100.1/24, LAN client 198.51.100.2) but other container ids: match names.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseContainerInspect, parseNetwork } from '../../../src/main/engine/docker/parse-docker';
import { parseIpLinks } from '../../../src/main/engine/host/parse-ip-links';
import { parseNamespaceReport } from '../../../src/main/engine/netns/parse-namespace-report';
import type { NamedNamespace } from '../../../src/main/engine/netns/read-named-namespaces';
import { assembleSnapshot } from '../../../src/main/engine/snapshot/assemble-snapshot';
import type { Snapshot } from '../../../src/shared/model';

const dir = resolve(import.meta.dirname, '../../fixtures/docker28');
const text = (name: string) => readFileSync(join(dir, name), 'utf8');

export function docker28Snapshot(): Snapshot {
  const containers = (JSON.parse(text('containers.json')) as unknown[]).map(parseContainerInspect);
  const networks = (JSON.parse(text('networks.json')) as unknown[]).map((n) => parseNetwork(n, containers));
  return assembleSnapshot({
    takenAt: '2026-12-06T03:27:02.083Z',
    hostname: 'lab',
    privileged: true,
    hostLinks: parseIpLinks(text('ip-addr.json')),
    namedNamespaces: JSON.parse(text('named-namespaces.json')) as NamedNamespace[],
    docker: { status: { available: true, version: '28.5.2', endpoint: 'unix:///lab/docker.sock' }, containers, networks },
    report: parseNamespaceReport(text('namespace-report.txt')),
  });
}

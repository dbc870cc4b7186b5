// Captures the raw sources of a snapshot from a real lab host, as unit-test fixtures.
// Run inside a lab after the seed scenario:
//   bash test/lab/lab.sh sh -c 'bash test/lab/seed-scenario.sh && npx tsx scripts/capture-lab-fixtures.ts test/fixtures/lab-docker20'
import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { createDockerClient } from '../src/main/engine/docker/docker-client';
import { parseContainerInspect } from '../src/main/engine/docker/parse-docker';
import { readNamedNamespaces } from '../src/main/engine/netns/read-named-namespaces';
import { namespaceReport } from '../src/main/privileged/ops/reads/namespace-report';
import { ownsNamespace } from '../src/main/engine/snapshot/take-snapshot';
import { runCommand } from '../src/main/system/run-command';

const dir = process.argv[2];
if (!dir) throw new Error('usage: capture-lab-fixtures.ts DIR');
await mkdir(dir, { recursive: true });
const docker = createDockerClient();
const hostLinks = await runCommand(['ip', '-j', '-d', 'addr', 'show']);
const lab = process.env.BP_LAB ?? '';
// Only this lab's own namespaces: others on the machine are not part of the fixture.
const named = (await readNamedNamespaces()).filter((n) => n.name.startsWith(`${lab}-`));
const summaries = await docker.listContainers({ all: true });
const containers = await Promise.all(summaries.map((s) => docker.getContainer(s.Id).inspect()));
const networks = await docker.listNetworks();
const pids = containers.map(parseContainerInspect).filter(ownsNamespace).map((c) => c.pid);
const { text: report } = await namespaceReport({ named: named.filter((n) => !n.current).map((n) => n.name), pids, nsidOnly: [] });
await writeFile(join(dir, 'ip-addr.json'), hostLinks);
await writeFile(join(dir, 'named-namespaces.json'), JSON.stringify(named, null, 1));
await writeFile(join(dir, 'namespace-report.txt'), report);
await writeFile(join(dir, 'containers.json'), JSON.stringify(containers, null, 1));
await writeFile(join(dir, 'networks.json'), JSON.stringify(networks, null, 1));
await writeFile(join(dir, 'lab.json'), JSON.stringify({ lab, capturedAt: new Date().toISOString() }));
console.error(`captured ${containers.length} containers, ${networks.length} networks, ${named.length} namespaces into ${dir}`);

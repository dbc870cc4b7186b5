// Reads everything the snapshot needs, in parallel, then assembles it. I/O only; policy is in assemble.
import { hostname } from 'node:os';
import type Docker from 'dockerode';
import type { Snapshot } from '../../../shared/model';
import { readDocker } from '../docker/read-docker';
import { readHostLinks } from '../host/read-host-links';
import type { NamespaceReport } from '../netns/parse-namespace-report';
import { readNamedNamespaces } from '../netns/read-named-namespaces';
import { readNamespaces } from '../netns/read-namespaces';
import { isPrivileged } from '../system/privilege';
import { assembleSnapshot } from './assemble-snapshot';

/** Containers with a network namespace of their own (host-network and container: modes share one). */
export function ownNamespacePids(containers: ReadonlyArray<{ pid: number | null; networkMode: string }>): number[] {
  return containers
    .filter((c) => c.pid !== null && c.networkMode !== 'host' && c.networkMode !== 'container')
    .map((c) => c.pid as number);
}

export async function takeSnapshot(docker: Docker): Promise<Snapshot> {
  const privileged = isPrivileged();
  const [hostLinks, namedNamespaces, dockerRead] = await Promise.all([readHostLinks(), readNamedNamespaces(), readDocker(docker)]);
  let report: NamespaceReport | null = null;
  let readError: string | undefined;
  if (privileged) {
    try {
      report = await readNamespaces(
        namedNamespaces.filter((n) => !n.current).map((n) => n.name),
        ownNamespacePids(dockerRead.containers),
      );
    } catch (error) {
      readError = (error as Error).message;
    }
  }
  return assembleSnapshot({
    takenAt: new Date().toISOString(),
    hostname: hostname(),
    privileged,
    hostLinks,
    namedNamespaces,
    docker: dockerRead,
    report,
    readError,
  });
}

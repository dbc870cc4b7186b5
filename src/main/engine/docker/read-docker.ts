// Reads containers and networks from the Docker API. I/O only: parsing lives in parse-docker.
import { access } from 'node:fs/promises';
import type Docker from 'dockerode';
import type { Container, DockerStatus, Network } from '../../../shared/model';
import { dockerEndpoint } from './docker-client';
import { explainDockerFailure } from './docker-status';
import { parseContainerInspect, parseNetwork } from './parse-docker';

export interface DockerRead {
  status: DockerStatus;
  containers: Container[];
  networks: Network[];
}

async function dockerInstalled(): Promise<boolean> {
  const candidates = ['/usr/bin/docker', '/usr/local/bin/docker', '/usr/bin/dockerd', '/usr/sbin/dockerd', '/snap/bin/docker'];
  const found = await Promise.all(candidates.map((p) => access(p).then(() => true, () => false)));
  return found.includes(true);
}

/** `onContainer` hears of each container as soon as it is inspected (the namespace reader starts on it). */
export async function readDocker(client: Docker, onContainer: (c: Container) => void = () => undefined): Promise<DockerRead> {
  const endpoint = dockerEndpoint();
  try {
    const version = await client.version();
    const [summaries, rawNetworks] = await Promise.all([client.listContainers({ all: true }), client.listNetworks()]);
    const inspected = await Promise.all(
      summaries.map((s) =>
        client
          .getContainer(s.Id)
          .inspect()
          .then((json) => {
            const container = parseContainerInspect(json);
            onContainer(container);
            return container;
          })
          // A container removed between the list and its inspect is simply gone.
          .catch(() => null),
      ),
    );
    const containers = inspected.filter((c) => c !== null).sort((a, b) => a.name.localeCompare(b.name));
    const networks = rawNetworks.map((n) => parseNetwork(n, containers)).sort((a, b) => a.name.localeCompare(b.name));
    return {
      status: { available: true, version: version.Version, apiVersion: version.ApiVersion, endpoint },
      containers,
      networks,
    };
  } catch (error) {
    const err = error as NodeJS.ErrnoException;
    const status = explainDockerFailure(endpoint, {
      code: err.code,
      message: err.message,
      dockerInstalled: await dockerInstalled(),
    });
    return { status, containers: [], networks: [] };
  }
}

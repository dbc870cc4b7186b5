// What one read of the container engines gives (engines/read-engines reads them all), and whether a
// Docker binary is installed (for the advice when none answers).
import { access } from 'node:fs/promises';
import type { Container, DockerStatus, Network } from '../../../shared/model';

export interface DockerRead {
  status: DockerStatus;
  containers: Container[];
  networks: Network[];
}

export async function dockerInstalled(): Promise<boolean> {
  const candidates = ['/usr/bin/docker', '/usr/local/bin/docker', '/usr/bin/dockerd', '/usr/sbin/dockerd', '/snap/bin/docker'];
  const found = await Promise.all(candidates.map((p) => access(p).then(() => true, () => false)));
  return found.includes(true);
}

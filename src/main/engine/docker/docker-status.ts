// Explains why Docker cannot be reached, in words a user can act on: the English sentence (CLI,
// --json) and its catalogue key for the window (engine-topology.json). Pure: no I/O.
import { message } from '../../../shared/message';
import type { DockerStatus } from '../../../shared/model';

export interface DockerFailure {
  code?: string;
  message: string;
  /** Whether a docker client or daemon binary is installed on this host. */
  dockerInstalled: boolean;
}

export function explainDockerFailure(endpoint: string, failure: DockerFailure): DockerStatus {
  const base = { available: false, endpoint, error: failure.message };
  if (failure.code === 'EACCES') {
    return {
      ...base,
      problem: 'permission-denied',
      hint: 'Permission denied on the Docker socket: add your user to the docker group (sudo usermod -aG docker $USER), then log out and back in.',
      hintMessage: message('engine-topology:docker.permission-denied'),
    };
  }
  if (failure.code === 'ENOENT' && !failure.dockerInstalled) {
    return {
      ...base,
      problem: 'not-installed',
      hint: 'Docker is not installed: install it (e.g. sudo apt install docker.io) to see containers and networks.',
      hintMessage: message('engine-topology:docker.not-installed'),
    };
  }
  if (failure.code === 'ENOENT' || failure.code === 'ECONNREFUSED') {
    return {
      ...base,
      problem: 'daemon-down',
      hint: `The Docker daemon is not running at ${endpoint}: start it (e.g. sudo systemctl start docker).`,
      hintMessage: message('engine-topology:docker.daemon-down', { endpoint }),
    };
  }
  return {
    ...base,
    problem: 'error',
    hint: `Docker answered with an error at ${endpoint}; check that the daemon is healthy (docker info).`,
    hintMessage: message('engine-topology:docker.error', { endpoint }),
  };
}

// Creates the Docker API client; docker-modem honours DOCKER_HOST (unix:// or tcp://) by itself.
import Docker from 'dockerode';

export function dockerEndpoint(): string {
  return process.env.DOCKER_HOST ?? 'unix:///var/run/docker.sock';
}

export function createDockerClient(): Docker {
  return new Docker();
}

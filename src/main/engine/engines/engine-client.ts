// One dockerode client per endpoint. dockerode speaks to any socket with Docker's API, Podman's
// included. Podman's own (libpod) paths go through the same client's modem: `dial` adds nothing
// but the socket and JSON handling, so no second HTTP stack is needed.
import Docker from 'dockerode';
import type { EngineEndpoint } from './engine-endpoints';

export function clientFor(endpoint: EngineEndpoint): Docker {
  // What Docker's own client would use: dockerode reads DOCKER_HOST (and its TLS settings) itself.
  if (endpoint.origin === 'DOCKER_HOST' || endpoint.origin === 'default') return new Docker();
  // Explicit options; host and socketPath are cleared so a tcp:// DOCKER_HOST does not leak in.
  if (endpoint.socketPath) return new Docker({ socketPath: endpoint.socketPath, host: undefined, port: undefined, protocol: 'http' } as Docker.DockerOptions);
  return new Docker({ socketPath: undefined, host: endpoint.tcp?.host, port: endpoint.tcp?.port, protocol: 'http' } as Docker.DockerOptions);
}

interface DialOptions {
  path: string;
  method: 'GET';
  options: Record<string, never>;
  statusCodes: Record<number, true | string>;
}

interface Modem {
  dial(options: DialOptions, callback: (error: Error | null, data: unknown) => void): void;
}

/** GET on Podman's libpod API (v4.0.0 paths are served by Podman 4 and 5). */
export function libpodGet(client: Docker, path: string): Promise<unknown> {
  const modem = client.modem as Modem;
  return new Promise((resolve, reject) => {
    modem.dial(
      { path: `/v4.0.0/libpod${path}`, method: 'GET', options: {}, statusCodes: { 200: true, 404: 'not found', 500: 'server error' } },
      (error, data) => (error ? reject(error) : resolve(data)),
    );
  });
}

/**
 * Every container's inspect, turned by `each` as soon as it arrives (callers start work on it at
 * once). A container removed between the list and its inspect, or one `each` cannot read, is gone.
 */
export async function inspectEachContainer<T>(client: Docker, each: (inspect: Docker.ContainerInspectInfo) => T): Promise<T[]> {
  const summaries = await client.listContainers({ all: true });
  const inspected = await Promise.all(
    summaries.map((s) =>
      client
        .getContainer(s.Id)
        .inspect()
        .then((json) => ({ value: each(json) }))
        .catch(() => null),
    ),
  );
  return inspected.flatMap((c) => (c === null ? [] : [c.value]));
}

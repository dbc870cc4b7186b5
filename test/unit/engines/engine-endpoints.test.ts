import { describe, expect, it } from 'vitest';
import { candidateEndpoints, parseEndpoint } from '../../../src/main/engine/engines/engine-endpoints';

describe('candidateEndpoints', () => {
  it('asks Docker\'s default socket first, then rootful Podman, when nothing is set', () => {
    expect(candidateEndpoints({}).map((e) => [e.url, e.origin])).toEqual([
      ['unix:///var/run/docker.sock', 'default'],
      ['unix:///run/podman/podman.sock', 'usual'],
    ]);
  });

  it('puts DOCKER_HOST first, CONTAINER_HOST next, then the usual sockets and the rootless ones', () => {
    const urls = candidateEndpoints({ DOCKER_HOST: 'unix:///run/podman/podman.sock', CONTAINER_HOST: 'tcp://127.0.0.1:8888', XDG_RUNTIME_DIR: '/run/user/1000/' }).map((e) => [e.url, e.origin]);
    expect(urls).toEqual([
      ['unix:///run/podman/podman.sock', 'DOCKER_HOST'],
      ['tcp://127.0.0.1:8888', 'CONTAINER_HOST'],
      ['unix:///var/run/docker.sock', 'usual'],
      ['unix:///run/user/1000/podman/podman.sock', 'usual'],
      ['unix:///run/user/1000/docker.sock', 'usual'],
    ]);
  });

  it('reads unix and tcp endpoints, and refuses what it cannot dial', () => {
    expect(parseEndpoint('unix:///tmp/x.sock', 'CONTAINER_HOST')).toMatchObject({ socketPath: '/tmp/x.sock', tcp: null });
    expect(parseEndpoint('tcp://[::1]:2375', 'DOCKER_HOST')).toMatchObject({ socketPath: null, tcp: { host: '::1', port: 2375 } });
    expect(parseEndpoint('localhost:2376', 'DOCKER_HOST')).toMatchObject({ url: 'tcp://localhost:2376', tcp: { host: 'localhost', port: 2376 } });
    expect(parseEndpoint('ssh://me@host', 'DOCKER_HOST')).toBeNull();
    expect(parseEndpoint('unix://relative.sock', 'DOCKER_HOST')).toBeNull();
  });
});

import { describe, expect, it } from 'vitest';
import { distinctEngines } from '../../../src/main/engine/engines/distinct-engines';

const podmanId = '1dc83fee-a888-4048-acd5-74b4c5c5f88c';

describe('distinctEngines: the same engine reached twice is shown once', () => {
  it('keeps the first of two paths to one socket (DOCKER_HOST naming the usual one through a symlink)', () => {
    const kept = distinctEngines([
      { via: 'DOCKER_HOST', realPath: '/run/podman/podman.sock', kind: 'podman' as const, id: podmanId },
      { via: 'usual', realPath: '/run/podman/podman.sock', kind: 'podman' as const, id: podmanId },
    ]);
    expect(kept.map((k) => k.via)).toEqual(['DOCKER_HOST']);
  });

  it('keeps one of two ways to the same engine by its identity (unix socket and tcp)', () => {
    const kept = distinctEngines([
      { via: 'unix', realPath: '/run/podman/podman.sock', kind: 'podman' as const, id: podmanId },
      { via: 'tcp', realPath: null, kind: 'podman' as const, id: podmanId },
    ]);
    expect(kept.map((k) => k.via)).toEqual(['unix']);
  });

  it('keeps Docker and Podman side by side, and two engines without identity on different sockets', () => {
    const kept = distinctEngines([
      { realPath: '/var/run/docker.sock', kind: 'docker' as const, id: 'd' },
      { realPath: '/run/podman/podman.sock', kind: 'podman' as const, id: podmanId },
      { realPath: '/run/user/1000/podman/podman.sock', kind: 'podman' as const, id: '' },
      { realPath: '/run/user/1001/podman/podman.sock', kind: 'podman' as const, id: '' },
    ]);
    expect(kept).toHaveLength(4);
  });
});

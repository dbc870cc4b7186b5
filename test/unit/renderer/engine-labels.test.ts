import { describe, expect, it } from 'vitest';
import { engineBadges, engineMarkerOf } from '../../../src/renderer/src/components/engine-labels';
import type { EngineStatus } from '../../../src/shared/model';

const podman: EngineStatus = { available: true, version: '5.8.6', apiVersion: '1.44', endpoint: 'unix:///run/podman/podman.sock', kind: 'podman', id: 'p', rootless: false };
const docker: EngineStatus = { available: true, version: '28.5.2', apiVersion: '1.51', endpoint: 'unix:///var/run/docker.sock', kind: 'docker', id: 'd', rootless: false };
const docker20 = { available: true, version: '20.10.24', endpoint: 'unix:///var/run/docker.sock' };

describe('engine badges', () => {
  it('says Podman for Podman, even behind a Docker-compatible socket', () => {
    expect(engineBadges({ docker: docker20, engines: [podman] }).map((b) => b.text)).toEqual(['Podman 5.8.6']);
  });

  it('shows both when both run, and says rootless', () => {
    expect(engineBadges({ docker: docker20, engines: [docker, { ...podman, rootless: true }] }).map((b) => b.text)).toEqual(['Docker 28.5.2', 'Podman 5.8.6 (rootless)']);
  });

  it('keeps the Docker status for snapshots without an engine list, and when none answers', () => {
    expect(engineBadges({ docker: docker20 })).toEqual([{ key: 'docker', text: 'Docker 20.10.24', name: 'Docker 20.10.24', note: null, available: true }]);
    expect(engineBadges({ docker: { available: false, endpoint: 'x' }, engines: [] })[0]).toMatchObject({ text: 'Docker unavailable', name: 'Docker', note: 'unavailable', available: false });
  });
});

describe('engine marker on containers', () => {
  it('is shown only where more than one engine runs', () => {
    expect(engineMarkerOf({ engines: [podman] }, { engine: { kind: 'podman', id: 'p' } })).toBeUndefined();
    expect(engineMarkerOf({ engines: [docker, podman] }, { engine: { kind: 'podman', id: 'p' } })).toBe('podman');
    expect(engineMarkerOf({ engines: [docker, podman] }, {})).toBeUndefined();
  });

  it('tells rootful from rootless when two engines of one kind run', () => {
    const rootless = { ...podman, id: 'r', rootless: true };
    expect(engineMarkerOf({ engines: [podman, rootless] }, { engine: { kind: 'podman', id: 'r' } })).toBe('podman (rootless)');
    expect(engineMarkerOf({ engines: [podman, rootless] }, { engine: { kind: 'podman', id: 'p' } })).toBe('podman');
  });
});

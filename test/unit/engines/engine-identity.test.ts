import { describe, expect, it } from 'vitest';
import { engineFactsOf, engineVersionOf } from '../../../src/main/engine/engines/engine-identity';
import { fixture, podman } from './podman5-fixture';

describe('engineVersionOf: what the socket answers, not its path', () => {
  it('knows Podman 5.8 by its "Podman Engine" component, on the Docker-compatible /version', () => {
    expect(engineVersionOf(podman('compat-version.json'))).toEqual({ kind: 'podman', version: '5.8.6', apiVersion: '1.44' });
  });

  it('knows Docker 28 (component "Engine", empty platform name)', () => {
    expect(engineVersionOf(fixture('docker28/compat-version.json'))).toMatchObject({ kind: 'docker', apiVersion: '1.51' });
  });

  it('knows Podman by its platform name alone (no components listed)', () => {
    expect(engineVersionOf({ Platform: { Name: 'Podman Engine' }, Version: '4.9.3', ApiVersion: '1.41' }).kind).toBe('podman');
  });

  it('takes a bare /version without Platform or Components for Docker (old daemons)', () => {
    expect(engineVersionOf({ Version: '20.10.24', ApiVersion: '1.41' })).toEqual({ kind: 'docker', version: '20.10.24', apiVersion: '1.41' });
  });
});

describe('engineFactsOf: rootless and identity', () => {
  it('reads rootful Podman from its libpod info, identified by its storage root', () => {
    expect(engineFactsOf('podman', podman('compat-info.json'), podman('libpod-info.json'))).toEqual({
      rootless: false,
      id: 'storage:/tmp/bridgeport-lab-bp5q0iz/podman/storage',
    });
  });

  it("keeps one Podman's identity though its compat /info ID is new on every request (Podman 5.8, seen in the lab)", () => {
    const asked = (id: string) => engineFactsOf('podman', { ...(podman('compat-info.json') as object), ID: id }, podman('libpod-info.json')).id;
    expect(asked('0fce9767-fe98-447c-8d39-7b4f84923ad2')).toBe(asked('41f9383e-4cc5-4b26-aa83-4921177e62e1'));
  });

  it('takes the compat /info ID when libpod did not answer', () => {
    expect(engineFactsOf('podman', podman('compat-info.json'), null).id).toBe('1dc83fee-a888-4048-acd5-74b4c5c5f88c');
  });

  it('reads rootless Podman from host.security.rootless (same capture, flag flipped)', () => {
    const info = podman('libpod-info.json') as { host: { security: { rootless: boolean } } };
    const rootless = { ...info, host: { ...info.host, security: { ...info.host.security, rootless: true } } };
    expect(engineFactsOf('podman', podman('compat-info.json'), rootless).rootless).toBe(true);
  });

  it('falls back to the storage root when Podman gives no /info ID', () => {
    const info = { ...(podman('compat-info.json') as object), ID: '' };
    expect(engineFactsOf('podman', info, podman('libpod-info.json')).id).toBe('storage:/tmp/bridgeport-lab-bp5q0iz/podman/storage');
  });

  it("reads rootless Docker from SecurityOptions' name=rootless", () => {
    const rootless = { ID: 'abc', SecurityOptions: ['name=seccomp,profile=builtin', 'name=rootless', 'name=cgroupns'] };
    expect(engineFactsOf('docker', rootless, null)).toEqual({ rootless: true, id: 'abc' });
    expect(engineFactsOf('docker', { ID: 'abc', SecurityOptions: ['name=seccomp,profile=builtin'] }, null).rootless).toBe(false);
  });
});

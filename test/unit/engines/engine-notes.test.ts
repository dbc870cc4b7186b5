import { describe, expect, it } from 'vitest';
import { rootlessPublishRefusal, rootlessStatement, unreachableStatement } from '../../../src/main/engine/engines/engine-notes';

describe('what the snapshot says about engines it cannot see fully', () => {
  it('says plainly what a rootless Podman shows and what not', () => {
    const text = rootlessStatement('podman', '5.8.6', 'unix:///run/user/1000/podman/podman.sock');
    expect(text).toContain('Podman 5.8.6 at unix:///run/user/1000/podman/podman.sock runs rootless');
    expect(text).toContain('containers and published ports are shown');
    expect(text).toMatch(/slirp4netns or pasta.*rootlessport/);
    expect(text).toContain('no bridge and no NAT rules on this host');
  });

  it('names RootlessKit for rootless Docker', () => {
    expect(rootlessStatement('docker', '28.5.2', 'unix:///run/user/1000/docker.sock')).toMatch(/^Docker 28\.5\.2 .* runs rootless: .*RootlessKit/);
  });

  it("tells a root-only socket from an engine that is not running", () => {
    expect(unreachableStatement('unix:///run/podman/podman.sock', 'EACCES', 'connect EACCES')).toContain('permission denied');
    expect(unreachableStatement('unix:///run/podman/podman.sock', 'ECONNREFUSED', 'x')).toContain('not running');
  });
});

describe('rootlessPublishRefusal', () => {
  const engines = [
    { kind: 'podman' as const, id: 'root', rootless: false },
    { kind: 'podman' as const, id: 'user', rootless: true },
  ];

  it('refuses a rootless engine’s container with the reason and what to do instead', () => {
    expect(rootlessPublishRefusal({ name: 'p2', engine: { kind: 'podman', id: 'user' } }, engines)).toBe(
      'container p2 runs on rootless Podman: its network lives in a user namespace with no bridge on this host, so Bridgeport cannot publish its ports; publish them with podman run -p (rootlessport)',
    );
  });

  it('lets a rootful engine’s container (and one without an engine mark) be checked as before', () => {
    expect(rootlessPublishRefusal({ name: 'p2', engine: { kind: 'podman', id: 'root' } }, engines)).toBeNull();
    expect(rootlessPublishRefusal({ name: 'w1' }, engines)).toBeNull();
  });
});

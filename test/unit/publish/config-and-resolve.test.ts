import { describe, expect, it } from 'vitest';
import { configLocation, homeOf } from '../../../src/main/engine/publish/config-dir';
import { resolveMappings } from '../../../src/main/engine/publish/resolve-mappings';
import type { Container, Network } from '../../../src/shared/model';
import type { Mapping } from '../../../src/shared/publish-model';

const passwd = 'root:x:0:0:root:/root:/bin/bash\nana:x:1000:1000:Ana,,,:/home/ana:/bin/bash\n';

describe('where the mappings file lives', () => {
  it('reads a home directory from /etc/passwd text', () => {
    expect(homeOf(passwd, 1000)).toBe('/home/ana');
    expect(homeOf(passwd, 4242)).toBeNull();
  });

  it('BRIDGEPORT_CONFIG_DIR wins', () => {
    expect(configLocation({ BRIDGEPORT_CONFIG_DIR: '/tmp/x', SUDO_UID: '1000', SUDO_GID: '1000' }, () => passwd)).toEqual({ dir: '/tmp/x', owner: null });
  });

  it.runIf(process.getuid?.() === 0)('under sudo it is the invoking user’s, written as that user', () => {
    expect(configLocation({ SUDO_UID: '1000', SUDO_GID: '1000' }, () => passwd)).toEqual({ dir: '/home/ana/.config/bridgeport', owner: { uid: 1000, gid: 1000 } });
  });

  it('without sudo it is the XDG config dir of whoever runs it', () => {
    expect(configLocation({ XDG_CONFIG_HOME: '/cfg' }, () => passwd).dir).toMatch(/\/bridgeport$/);
    expect(configLocation({}, () => passwd).owner).toBeNull();
  });
});

const container = (id: string, name: string, ip: string | null, pid: number | null): Container => ({
  id, name, image: 'img', state: pid ? 'running' : 'exited', status: '', networkMode: 'bridge', pid,
  endpoints: [{ network: 'bridge', networkId: 'n', ip, mac: null, gateway: null, hostVeth: null, interface: null }], ports: [], links: null,
});
const bridge: Network = { id: 'n', name: 'bridge', driver: 'bridge', scope: 'local', bridge: 'docker0', subnets: [{ subnet: '172.17.0.0/16', gateway: '172.17.0.1' }], options: {}, internal: false, containers: [] };
const mapping = (id: string, containerId: string): Mapping => ({
  id, container: { id: containerId, name: 'old-name' }, network: 'bridge', hostIp: '', hostPort: 9000, hostPortEnd: 9000, containerPort: 80, containerPortEnd: 80, protocol: 'tcp', createdAt: '',
});

describe('resolveMappings', () => {
  it('follows the container to its current IP and name, waits for a stopped one, drops a removed one', () => {
    const result = resolveMappings(
      [mapping('aaaaaaaa0001', 'c1'), mapping('aaaaaaaa0002', 'c2'), mapping('aaaaaaaa0003', 'gone')],
      [container('c1', 'renamed', '172.17.0.9/16', 4242), container('c2', 'idle', null, null)],
      [bridge],
    );
    expect(result.resolved).toEqual([expect.objectContaining({ id: 'aaaaaaaa0001', containerIp: '172.17.0.9', containerPid: 4242, bridge: 'docker0', subnet: '172.17.0.0/16' })]);
    expect(result.statuses.map((s) => [s.container.name, s.state])).toEqual([['renamed', 'active'], ['idle', 'waiting']]);
    expect(result.statuses[1]!.detail).toBe('container idle is exited; the port comes back when it runs');
    expect(result.gone.map((m) => m.id)).toEqual(['aaaaaaaa0003']);
  });

  it('waits when the container left the mapping’s network', () => {
    const moved = { ...container('c1', 'w', '172.28.0.2/16', 7), endpoints: [{ network: 'intranet', networkId: 'i', ip: '172.28.0.2/16', mac: null, gateway: null, hostVeth: null, interface: null }] };
    const result = resolveMappings([mapping('aaaaaaaa0001', 'c1')], [moved], [bridge]);
    expect(result.resolved).toEqual([]);
    expect(result.statuses[0]!.detail).toBe('container w is not connected to network bridge');
  });
});

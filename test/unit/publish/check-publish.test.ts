import { describe, expect, it } from 'vitest';
import { checkPublish, type PublishContext } from '../../../src/main/engine/publish/check-publish';
import { publishRequestSchema } from '../../../src/shared/publish-model';
import { container, mapping, network } from './publish-fixture';

const ctx: PublishContext = {
  containers: [
    container('w1', { id: 'a1b2c3d4'.padEnd(64, 'e'), ports: [{ hostIp: '0.0.0.0', hostPort: 8080, containerPort: 80, protocol: 'tcp' }] }),
    container('idle', { pid: null, state: 'exited', ports: [{ hostIp: '0.0.0.0', hostPort: 7070, containerPort: 70, protocol: 'tcp' }] }),
    container('hostnet', { networkMode: 'host', endpoints: [{ network: 'host', networkId: 'h', ip: null, mac: null, gateway: null, hostVeth: null, interface: null }] }),
    container('nonet', { networkMode: 'none', endpoints: [] }),
    container('dual', {
      endpoints: [
        { network: 'bridge', networkId: 'n1', ip: '172.17.0.4/16', mac: null, gateway: null, hostVeth: null, interface: null },
        { network: 'intranet', networkId: 'n2', ip: '172.28.0.2/16', mac: null, gateway: null, hostVeth: null, interface: null },
      ],
    }),
  ],
  networks: [network('bridge', 'docker0'), network('intranet', 'br-1234'), network('host', null)],
  mappings: [mapping(9000, 9010), mapping(5000, 5000, '127.0.0.1')],
  listeners: [{ protocol: 'tcp', address: '0.0.0.0', port: 22, process: 'sshd', pid: 501 }, { protocol: 'udp', address: '127.0.0.1', port: 5353, process: null, pid: null }],
  hostAddresses: ['198.51.100.1'],
};

const check = (input: Record<string, unknown>, context = ctx) => checkPublish(publishRequestSchema.parse(input), context);

describe('checkPublish', () => {
  it('accepts a free port on a running bridge container and picks its first bridge network', () => {
    const target = check({ container: 'dual', hostPort: 9500, containerPort: 80 });
    expect(target.container.name).toBe('dual');
    expect(target.network.name).toBe('bridge');
    expect(target.hostIp).toBe('');
    expect(check({ container: 'dual', hostPort: 9500, containerPort: 80, network: 'intranet' }).network.bridge).toBe('br-1234');
  });

  it('finds a container by a unique id prefix, as docker does', () => {
    expect(check({ container: 'a1b2c3', hostPort: 9500, containerPort: 80 }).container.name).toBe('w1');
  });

  it.each([
    [{ container: 'nope', hostPort: 9500, containerPort: 80 }, 'no container named or with id "nope"'],
    [{ container: 'idle', hostPort: 9500, containerPort: 80 }, 'container idle is exited: only a running container can have a port published'],
    [{ container: 'hostnet', hostPort: 9500, containerPort: 80 }, "uses the host's network"],
    [{ container: 'nonet', hostPort: 9500, containerPort: 80 }, 'has no network'],
    [{ container: 'w1', hostPort: 9500, containerPort: 80, network: 'intranet' }, 'is not on bridge network "intranet" (it is on bridge)'],
    [{ container: 'w1', hostPort: 8080, containerPort: 80 }, 'host port 8080/tcp is already published by Docker for container w1'],
    [{ container: 'w1', hostPort: 7070, containerPort: 80 }, 'already published by Docker for container idle (stopped; it binds the port when it starts)'],
    [{ container: 'w1', hostPort: 9005, containerPort: 80 }, 'host port 9000-9010/tcp is already published by Bridgeport for container w9'],
    [{ container: 'w1', hostPort: 8990, hostPortEnd: 9000, containerPort: 80, containerPortEnd: 90 }, 'already published by Bridgeport'],
    [{ container: 'w1', hostPort: 5000, containerPort: 80 }, 'already published by Bridgeport'],
    [{ container: 'w1', hostPort: 22, containerPort: 80 }, 'host port 22/tcp is in use by sshd (pid 501) listening on 0.0.0.0'],
    [{ container: 'w1', hostIp: '198.51.100.1', hostPort: 5353, containerPort: 53, protocol: 'udp' }, null],
    [{ container: 'w1', hostIp: '127.0.0.1', hostPort: 5353, containerPort: 53, protocol: 'udp' }, 'host port 5353/udp is in use by a process listening on 127.0.0.1'],
    [{ container: 'w1', hostIp: '198.51.100.9', hostPort: 9500, containerPort: 80 }, '198.51.100.9 is not an address of this host (it has 127.0.0.1, 198.51.100.1)'],
  ])('%o → %s', (input, message) => {
    if (message === null) expect(() => check(input)).not.toThrow();
    else expect(() => check(input)).toThrow(message);
  });

  it('does not count a port on another address or protocol as taken', () => {
    expect(() => check({ container: 'w1', hostIp: '198.51.100.1', hostPort: 5000, containerPort: 80 })).not.toThrow();
    expect(() => check({ container: 'w1', hostPort: 8080, containerPort: 80, protocol: 'udp' })).not.toThrow();
  });
});

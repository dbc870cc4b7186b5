// Docker containers on the default bridge publishing the ports derive-ports.test.ts reads (a dual-stack
// -p, a loopback-bound one, UDP, a stopped container, one with no rule behind it).
import type { Container, PortBinding } from '../../../src/shared/model';

export function container(name: string, ip: string | null, ports: PortBinding[], running = true): Container {
  return {
    id: `id-${name}`,
    name,
    image: 'img',
    state: running ? 'running' : 'exited',
    status: running ? 'running' : 'exited',
    networkMode: 'bridge',
    pid: running ? 100 : null,
    endpoints: [{ network: 'bridge', networkId: 'n1', ip: ip ? `${ip}/16` : null, mac: null, gateway: '172.17.0.1', hostVeth: null, interface: null }],
    ports,
    links: null,
  };
}

export const tcp = (hostIp: string, hostPort: number, containerPort: number): PortBinding => ({ hostIp, hostPort, containerPort, protocol: 'tcp' });

export const containers = [
  container('w1', '172.17.0.2', [tcp('0.0.0.0', 8080, 80), tcp('::', 8080, 80)]),
  container('lo1', '172.17.0.5', [tcp('127.0.0.1', 8443, 80)]),
  container('u1', '172.17.0.6', [{ hostIp: '0.0.0.0', hostPort: 5353, containerPort: 53, protocol: 'udp' }]),
  container('gone', null, [tcp('0.0.0.0', 7070, 70)], false),
  container('norule', '172.17.0.8', [tcp('0.0.0.0', 6060, 60)]),
];

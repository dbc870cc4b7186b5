// Builders of checkPublish's context: a running bridge container (changed as given), a network
// (a bridge when it names one, else the host's), and one of Bridgeport's own mappings of w9.
import type { Container, Network } from '../../../src/shared/model';
import type { Mapping } from '../../../src/shared/publish-model';

export function container(name: string, overrides: Partial<Container> = {}): Container {
  return {
    id: `${name}0123456789abcdef`.padEnd(64, '0'),
    name,
    image: 'img',
    state: 'running',
    status: 'running',
    networkMode: 'bridge',
    pid: 100,
    endpoints: [{ network: 'bridge', networkId: 'n1', ip: '172.17.0.2/16', mac: null, gateway: '172.17.0.1', hostVeth: null, interface: null }],
    ports: [],
    links: null,
    ...overrides,
  };
}

export const network = (name: string, bridge: string | null): Network => ({
  id: `${name}-id`, name, driver: bridge ? 'bridge' : 'host', scope: 'local', bridge,
  subnets: bridge ? [{ subnet: '172.17.0.0/16', gateway: '172.17.0.1' }] : [], options: {}, internal: false, containers: [],
});

export const mapping = (hostPort: number, hostPortEnd = hostPort, hostIp = ''): Mapping => ({
  id: 'abcdef012345', container: { id: 'x', name: 'w9' }, network: 'bridge', hostIp, hostPort, hostPortEnd,
  containerPort: 80, containerPortEnd: 80 + hostPortEnd - hostPort, protocol: 'tcp', createdAt: '',
});

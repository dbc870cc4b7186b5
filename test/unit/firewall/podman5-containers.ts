// test/fixtures/podman5: rootful Podman 5.8.6 (netavark, nftables driver) in a lab. p1 on network
// `podman` (10.88.0.0/16) publishes 9090→80/tcp; p2 on `appnet` (10.89.0.0/24) 9191→80/tcp and 5353→53/udp.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseContainerInspect } from '../../../src/main/engine/docker/parse-docker';
import type { Container } from '../../../src/shared/model';

export const p2 = parseContainerInspect(JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/podman5/compat-container-p2.json'), 'utf8')));
// Only p2 was inspected; p1 as the libpod list shows it (host_ip "" for every address).
export const p1: Container = {
  ...p2,
  id: '314acc5ee160e534b8d1456706bf8ec943ed682fc209225049e7ef59c6249db7',
  name: 'p1',
  ports: [{ hostIp: '', hostPort: 9090, containerPort: 80, protocol: 'tcp' }],
  endpoints: [{ ...p2.endpoints[0]!, network: 'podman', networkId: '2f259bab', ip: '10.88.0.2/16', gateway: '10.88.0.1' }],
};

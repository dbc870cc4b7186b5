// A Docker 29 host on the nftables backend around the captured docker-bridges tables
// (test/unit/nft/fixtures/docker29-bridges.json): uplink eth0 (198.51.100.1/24), bridge1
// (192.0.2.1/24) with web's veth.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Link } from '../../../src/shared/model';
import { parseIpRoutes } from '../../../src/main/engine/path/parse-ip-route';
import { link } from './path-host';

export const docker29Document = (): { nftables: unknown[] } =>
  JSON.parse(readFileSync(join(import.meta.dirname, '..', 'nft', 'fixtures', 'docker29-bridges.json'), 'utf8')) as { nftables: unknown[] };

export const docker29Links: Link[] = [
  link('lo', 'loopback', ['127.0.0.1/8']),
  link('eth0', 'physical', ['198.51.100.1/24']),
  link('bridge1', 'bridge', ['192.0.2.1/24']),
  link('vethweb', 'veth', [], { master: 'bridge1', peer: { ifindex: 2, netnsId: 1, containerId: 'webid', namespace: null, interface: 'eth0' } }),
];

export const docker29Routes = parseIpRoutes(
  JSON.stringify([
    { dst: '192.0.2.0/24', dev: 'bridge1', protocol: 'kernel', scope: 'link', prefsrc: '192.0.2.1' },
    { dst: '198.51.100.0/24', dev: 'eth0', protocol: 'kernel', scope: 'link', prefsrc: '198.51.100.1' },
    { type: 'local', dst: '198.51.100.1', table: 'local', dev: 'eth0', scope: 'host', prefsrc: '198.51.100.1' },
    { type: 'local', dst: '192.0.2.1', table: 'local', dev: 'bridge1', scope: 'host', prefsrc: '192.0.2.1' },
  ]),
);

// The captured lab readings (test/fixtures/networks) through the real parsers.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import type { KernelLink } from '../../../src/main/engine/host/kernel-link';
import { parseIpLinks } from '../../../src/main/engine/host/parse-ip-links';
import { parseMember, parseNetworkDetail } from '../../../src/main/engine/networks/parse-network-detail';
import { parseIpRoutes, type Route } from '../../../src/main/engine/path/parse-ip-route';

const dir = resolve(import.meta.dirname, '../../fixtures/networks');
const text = (name: string) => readFileSync(join(dir, name), 'utf8');

export function readings() {
  const links = parseIpLinks(text('ip-addr.json'));
  const members = (JSON.parse(text('containers-inspect.json')) as unknown[]).map(parseMember);
  const networks = (JSON.parse(text('networks-inspect.json')) as unknown[]).map((n) => parseNetworkDetail(n, members, links));
  const routes = parseIpRoutes(text('ip-route.json'));
  return { links, members, networks, routes, swarmActive: false };
}

/** A host link, up, changed as given (for links the capture lacks). */
export const link = (name: string, overrides: Partial<KernelLink> = {}): KernelLink => ({
  name, ifindex: 100, kind: 'physical', driver: null, mac: null, mtu: 1500, up: true, operState: 'UP', addresses: [], master: null, peerIfindex: null, peerNetnsId: null, ...overrides,
});
/** A kernel route of the main table, changed as given. */
export const route = (destination: string, dev: string, overrides: Partial<Route> = {}): Route => ({
  destination, type: 'unicast', table: 'main', dev, gateway: null, prefsrc: null, protocol: 'kernel', scope: 'link', metric: null, ...overrides,
});

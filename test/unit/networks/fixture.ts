// The captured lab readings (test/fixtures/networks) through the real parsers.
import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { parseIpLinks } from '../../../src/main/engine/host/parse-ip-links';
import { parseMember, parseNetworkDetail } from '../../../src/main/engine/networks/parse-network-detail';
import { parseIpRoutes } from '../../../src/main/engine/path/parse-ip-route';

const dir = resolve(import.meta.dirname, '../../fixtures/networks');
const text = (name: string) => readFileSync(join(dir, name), 'utf8');

export function readings() {
  const links = parseIpLinks(text('ip-addr.json'));
  const members = (JSON.parse(text('containers-inspect.json')) as unknown[]).map(parseMember);
  const networks = (JSON.parse(text('networks-inspect.json')) as unknown[]).map((n) => parseNetworkDetail(n, members, links));
  const routes = parseIpRoutes(text('ip-route.json'));
  return { links, members, networks, routes, swarmActive: false };
}

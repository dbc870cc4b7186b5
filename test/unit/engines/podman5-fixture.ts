// The captured rootful Podman 5.8 answers (test/fixtures/podman5) and Docker 28's /version.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { containerDnsFacts } from '../../../src/main/engine/dns/container-dns-facts';
import { parseDnsInspect } from '../../../src/main/engine/dns/parse-dns-inspect';
import type { ContainerDnsFacts } from '../../../src/main/engine/dns/plan-dns-sync';

const dir = join(__dirname, '../../fixtures');
export const fixture = (path: string): unknown => JSON.parse(readFileSync(join(dir, path), 'utf8'));
export const podman = (name: string): unknown => fixture(join('podman5', name));
export const podmanText = (name: string): string => readFileSync(join(dir, 'podman5', name), 'utf8');

/** p2 (on appnet) as gather-dns-facts reports it: its resolv.conf (null: unread), no hosts file read, no redirects. */
export function p2Facts(aardvark: string[] | undefined, resolv: string | null = podmanText('resolv-p2.conf'), networkDns?: string[]): ContainerDnsFacts {
  return containerDnsFacts(parseDnsInspect(podman('compat-container-p2.json')), {
    resolvConf: resolv === null ? null : { text: resolv, hash: null },
    hostsText: null,
    redirects: [],
    ...(aardvark ? { podman: { aardvark, ...(networkDns ? { networkDns } : {}) } } : {}),
  });
}

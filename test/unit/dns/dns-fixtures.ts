// The Docker 20.10 capture (test/fixtures/dns/docker20) and hand-written files, read once for the DNS tests.
import { readFileSync } from 'node:fs';
import { join } from 'node:path';

const root = join(__dirname, '../../fixtures/dns');

export const fixture = (path: string): string => readFileSync(join(root, path), 'utf8');

export interface Inspected {
  Id: string;
  Name: string;
  Config: { Hostname: string };
  HostConfig: { NetworkMode: string; ExtraHosts: string[] | null; Links: string[] | null };
  NetworkSettings: { Networks: Record<string, { IPAddress: string }> };
  State: { StartedAt: string };
}

export const inspected: Inspected[] = JSON.parse(fixture('docker20/containers-inspect.json')) as Inspected[];

export function container(name: string): Inspected {
  const found = inspected.find((c) => c.Name === `/${name}`);
  if (!found) throw new Error(`no ${name} in the capture`);
  return found;
}

/** The capture's resolv.conf and its .hash (null when Docker wrote none). */
export function docker20Resolv(name: string): { text: string; hash: string | null } {
  const text = fixture(`docker20/${name}.resolv.conf`);
  try {
    return { text, hash: fixture(`docker20/${name}.resolv.conf.hash`).trim() };
  } catch {
    return { text, hash: null };
  }
}

/** The host's /etc/resolv.conf when the capture was made. */
export const CAPTURE_HOST_TEXT = 'nameserver 10.255.255.53\n';

// The DNS part of `docker inspect`, on containers captured from Docker 20.10.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseDnsInspect } from '../../../src/main/engine/dns/parse-dns-inspect';

const inspected = JSON.parse(readFileSync(resolve(import.meta.dirname, '../../fixtures/dns/docker20/containers-inspect.json'), 'utf8')) as unknown[];
const byName = new Map(inspected.map((json) => [parseDnsInspect(json).container.name, parseDnsInspect(json)]));

describe('parseDnsInspect', () => {
  it('reads a default-bridge container', () => {
    const d1 = byName.get('d1')!;
    expect(d1).toMatchObject({ networkMode: 'default', networks: ['bridge'], running: true, ipv6: false, custom: { dns: [], search: [], options: [] } });
    expect(d1.resolvConfPath).toMatch(/\/containers\/[0-9a-f]{64}\/resolv\.conf$/);
    expect(d1.pid).toBeGreaterThan(1);
  });

  it('reads custom DNS, extra hosts and links', () => {
    expect(byName.get('d2')!.custom).toEqual({ dns: ['9.9.9.9'], search: ['ex.org'], options: [] });
    expect(byName.get('o1')!.custom.options).toEqual(['ndots:3']);
    expect(byName.get('u1')).toMatchObject({ networkMode: 'un', networks: ['un'], extraHosts: ['foo:1.2.3.4'] });
    expect(byName.get('l1')!.links).toEqual(['/d1:/l1/dd']);
  });

  it('reads host, none and container: modes (the last shares the other container’s file)', () => {
    expect(byName.get('h1')!.networkMode).toBe('host');
    expect(byName.get('n1')!.networkMode).toBe('none');
    expect(byName.get('c1')!.networkMode).toMatch(/^container:[0-9a-f]{64}$/);
    expect(byName.get('c1')!.resolvConfPath).toBe(byName.get('d1')!.resolvConfPath);
  });
});

// The DNS table's rows: order, texts and the switch's state.
import { describe, expect, it } from 'vitest';
import { englishT } from './i18n/english';
import { dnsRow, dnsRows, sortedContainers } from '../../../src/renderer/src/views/dns/dns-rows';
import type { ContainerDns } from '../../../src/shared/dns-model';

const container = (name: string, patch: Partial<ContainerDns> = {}): ContainerDns => ({
  container: { id: `id-${name}`, name },
  nameservers: ['198.51.100.53'],
  search: ['one.test'],
  options: [],
  source: 'host',
  synced: true,
  networkMode: 'default',
  hostname: name,
  hosts: [],
  upstreams: null,
  reach: { servers: ['198.51.100.53'], via: 'resolv.conf' },
  syncAllowed: true,
  note: 'Follows the host.',
  ...patch,
});

describe('DNS table rows', () => {
  it('lists the containers that need a look first, then by name', () => {
    const rows = [container('b'), container('c', { synced: false }), container('a')];
    expect(sortedContainers(rows).map((c) => c.container.name)).toEqual(['c', 'a', 'b']);
    expect(dnsRows(rows, true, englishT).map((r) => r.name)).toEqual(['c', 'a', 'b']);
    expect(rows.map((c) => c.container.name)).toEqual(['b', 'c', 'a']);
  });

  it('carries the texts a row shows', () => {
    const row = dnsRow(container('w1', { nameservers: ['10.0.0.1', '10.0.0.2'], options: ['ndots:0', 'timeout:2'] }), true, englishT);
    expect(row).toMatchObject({
      key: 'id-w1',
      name: 'w1',
      sourceLabel: 'host',
      servers: '10.0.0.1, 10.0.0.2',
      search: 'one.test',
      options: 'ndots:0 timeout:2',
      upstreams: null,
      reach: "198.51.100.53, straight from its resolv.conf",
      syncedLabel: 'in sync',
      note: 'Follows the host.',
    });
    expect(row.sourceHelp).toMatch(/Inherited from the host/);
    expect(dnsRow(container('w2', { synced: false, search: [] }), true, englishT)).toMatchObject({ syncedLabel: 'not synced', search: '—' });
  });

  it('shows an embedded resolver with its upstreams, how they were learnt and where they go', () => {
    const row = dnsRow(
      container('u1', {
        source: 'embedded',
        nameservers: ['127.0.0.11'],
        upstreams: { servers: ['198.51.100.53'], known: 'assumed', redirectedTo: ['198.51.100.54'], reached: ['198.51.100.54'], via: 'namespace-redirect' },
      }),
      true,
      englishT,
    );
    expect(row.upstreams).toEqual({
      servers: '198.51.100.53',
      learnt: 'assumed: the host DNS when Bridgeport first looked',
      redirectedTo: '198.51.100.54',
      line: '198.51.100.53 (assumed: the host DNS when Bridgeport first looked) → redirected to 198.51.100.54',
    });
    expect(dnsRow(container('u2', { source: 'embedded', upstreams: { servers: ['198.51.100.53'], known: 'docker', redirectedTo: null, reached: ['198.51.100.53'], via: 'docker-resolver' } }), true, englishT).upstreams?.redirectedTo).toBeNull();
  });

  it('locks the per-container switch while the global one is off, keeping its position', () => {
    expect(dnsRow(container('w1'), true, englishT)).toMatchObject({ switchOn: true, switchLocked: null });
    expect(dnsRow(container('w1', { syncAllowed: false }), true, englishT)).toMatchObject({ switchOn: false, switchLocked: null });
    const locked = dnsRow(container('w1'), false, englishT);
    expect(locked.switchOn).toBe(true);
    expect(locked.switchLocked).toMatch(/switched off/);
  });
});

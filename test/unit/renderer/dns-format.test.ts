// The DNS view's words and order.
import { describe, expect, it } from 'vitest';
import { changeLine, newestFirst, settingsLine, sortedContainers, upstreamsLine } from '../../../src/renderer/src/views/dns/dns-format';
import type { ContainerDns, DnsEvent } from '../../../src/shared/dns-model';

const row = (name: string, synced: boolean): ContainerDns => ({
  container: { id: name, name },
  nameservers: [],
  search: [],
  options: [],
  source: 'host',
  synced,
  networkMode: 'default',
  hostname: name,
  hosts: [],
  upstreams: null,
  syncAllowed: true,
  note: '',
});

describe('DNS view format', () => {
  it('puts a resolv.conf on one line', () => {
    expect(settingsLine({ nameservers: ['10.0.0.1', '10.0.0.2'], search: ['lan'], options: ['ndots:0'] })).toBe('10.0.0.1, 10.0.0.2 · search lan · options ndots:0');
    expect(settingsLine({ nameservers: [], search: [], options: [] })).toBe('—');
  });

  it('says how upstreams were learnt and where they are redirected', () => {
    expect(upstreamsLine({ servers: ['198.51.100.53'], known: 'confirmed', redirectedTo: ['198.51.100.54'] })).toBe("198.51.100.53 (confirmed by Docker's hash) → redirected to 198.51.100.54");
    expect(upstreamsLine({ servers: ['127.0.0.53'], known: 'host-resolver', redirectedTo: null })).toBe("127.0.0.53 (the host's own resolver)");
  });

  it('lists the containers that need a look first, then by name', () => {
    expect(sortedContainers([row('b', true), row('c', false), row('a', true)]).map((c) => c.container.name)).toEqual(['c', 'a', 'b']);
  });

  it('shows the timeline newest first with before → after', () => {
    const one = { nameservers: ['198.51.100.53'], search: ['one.test'], options: [] };
    const two = { nameservers: ['198.51.100.54'], search: [], options: [] };
    const events: DnsEvent[] = [
      { at: '1', kind: 'host-changed', container: null, before: one, after: two, message: 'first' },
      { at: '2', kind: 'settings', container: null, before: null, after: null, message: 'second' },
    ];
    expect(newestFirst(events).map((e) => e.message)).toEqual(['second', 'first']);
    expect(changeLine(events[0]!)).toBe('198.51.100.53 · search one.test → 198.51.100.54');
    expect(changeLine(events[1]!)).toBeNull();
  });
});

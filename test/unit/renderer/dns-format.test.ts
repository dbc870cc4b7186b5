// The DNS view's words and order.
import { describe, expect, it } from 'vitest';
import { englishT } from './i18n/english';
import {
  changeLine,
  eventLabel,
  newestFirst,
  originLabel,
  reachLine,
  reachViaLabel,
  serversText,
  settingsLine,
  sourceHelp,
  syncResultLine,
  upstreamsLine,
  wordsText,
} from '../../../src/renderer/src/views/dns/dns-format';
import { reachViaSchema, type DnsEvent } from '../../../src/shared/dns-model';

const event = (at: string, message: string, patch: Partial<DnsEvent> = {}): DnsEvent => ({ at, kind: 'settings', container: null, before: null, after: null, message, ...patch });

describe('DNS view format', () => {
  it('puts a resolv.conf on one line', () => {
    expect(settingsLine({ nameservers: ['10.0.0.1', '10.0.0.2'], search: ['lan'], options: ['ndots:0'] })).toBe('10.0.0.1, 10.0.0.2 · search lan · options ndots:0');
    expect(settingsLine({ nameservers: [], search: [], options: [] })).toBe('—');
    expect(serversText(['10.0.0.1', '10.0.0.2'])).toBe('10.0.0.1, 10.0.0.2');
    expect(wordsText(['lan', 'example.test'])).toBe('lan example.test');
    expect(wordsText([])).toBe('—');
  });

  it('says how upstreams were learnt and where they are redirected', () => {
    expect(upstreamsLine({ servers: ['198.51.100.53'], known: 'confirmed', redirectedTo: ['198.51.100.54'], reached: ['198.51.100.54'], via: 'namespace-redirect' }, englishT)).toBe(
      "198.51.100.53 (confirmed by Docker's hash) → redirected to 198.51.100.54",
    );
    expect(upstreamsLine({ servers: ['127.0.0.53'], known: 'host-resolver', redirectedTo: null, reached: ['127.0.0.53'], via: 'host-resolver' }, englishT)).toBe("127.0.0.53 (the host's own resolver)");
  });

  it('says where the queries reach now and how', () => {
    expect(reachLine({ servers: ['198.51.100.54'], via: 'dockerd-redirect' }, englishT)).toBe("198.51.100.54, through Docker's resolver: dockerd's queries redirected by Bridgeport on the host");
    expect(reachLine({ servers: ['198.51.100.54'], via: 'aardvark' }, englishT)).toBe("198.51.100.54, through Podman's aardvark-dns, which forwards to the host's servers");
    for (const via of reachViaSchema.options) expect(reachViaLabel(via, englishT)).toMatch(/^[a-z]+ /);
  });

  it('explains every source and names every /etc/hosts origin', () => {
    expect(sourceHelp('host', englishT)).toMatch(/host/);
    expect(sourceHelp('custom', englishT)).toMatch(/--dns/);
    expect(sourceHelp('embedded', englishT)).toMatch(/127\.0\.0\.11/);
    expect(sourceHelp('user-modified', englishT)).toMatch(/leaves it alone/);
    expect((['default', 'self', 'link', 'add-host', 'other'] as const).map((o) => originLabel(o, englishT))).toEqual(['default', 'self', null, null, 'other']);
  });

  it('shows the timeline newest first with before → after', () => {
    const one = { nameservers: ['198.51.100.53'], search: ['one.test'], options: [] };
    const two = { nameservers: ['198.51.100.54'], search: [], options: [] };
    const events: DnsEvent[] = [event('1', 'first', { kind: 'host-changed', before: one, after: two }), event('2', 'second')];
    expect(newestFirst(events).map((e) => e.message)).toEqual(['second', 'first']);
    expect(changeLine(events[0]!)).toBe('198.51.100.53 · search one.test → 198.51.100.54');
    expect(changeLine(events[1]!)).toBeNull();
    expect(changeLine(event('3', 'half', { before: one }))).toBeNull();
    expect(eventLabel('left-alone', englishT)).toBe('left alone');
  });

  it('orders by time when another process appended out of order, same time newest line first, and keeps at most max', () => {
    const events = [
      event('2025-01-01T10:00:02.000Z', 'b'),
      event('2025-01-01T10:00:01.000Z', 'a (daemon, written late)'),
      event('2025-01-01T10:00:03.000Z', 'c1'),
      event('2025-01-01T10:00:03.000Z', 'c2'),
    ];
    expect(newestFirst(events).map((e) => e.message)).toEqual(['c2', 'c1', 'b', 'a (daemon, written late)']);
    expect(newestFirst(events, 2).map((e) => e.message)).toEqual(['c2', 'c1']);
    expect(events[0]!.message).toBe('b');
  });

  it('sums up what Sync now did', () => {
    const ref = (name: string) => ({ id: name, name });
    expect(syncResultLine({ changed: [], events: [] }, englishT)).toBe('No container needed a change');
    expect(syncResultLine({ changed: [ref('w1')], events: [] }, englishT)).toBe('Updated 1 container: w1');
    expect(syncResultLine({ changed: [ref('w1'), ref('w2')], events: [event('1', 'x', { kind: 'failed' })] }, englishT)).toBe('Updated 2 containers: w1, w2; 1 failed (see the timeline)');
  });
});

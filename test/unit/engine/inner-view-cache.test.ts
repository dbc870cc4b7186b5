import { describe, expect, it } from 'vitest';
import { InnerViewCache } from '../../../src/main/engine/netns/inner-view-cache';
import type { ForeignNamespaceRead } from '../../../src/main/engine/netns/parse-namespace-report';
import { nsidOfMonitorLine } from '../../../src/main/engine/netns/parse-monitor-line';

const read = (nsid: number | null): ForeignNamespaceRead => ({ links: [], nsidFromHost: nsid, hostNsidInside: 0 });

describe('InnerViewCache', () => {
  it('serves a stored view while the pid keeps its nsid', () => {
    const cache = new InnerViewCache();
    cache.store(100, read(3), cache.begin());
    expect(cache.lookup(100, 3)).toEqual(read(3));
    // Same pid, other namespace (pid reused): not served.
    expect(cache.lookup(100, 4)).toBeUndefined();
    expect(cache.lookup(100, null)).toBeUndefined();
  });

  it('drops the view of a namespace an event came from', () => {
    const cache = new InnerViewCache();
    cache.store(100, read(3), cache.begin());
    cache.store(200, read(4), cache.begin());
    cache.invalidateNsid(3);
    expect(cache.has(100)).toBe(false);
    expect(cache.has(200)).toBe(true);
  });

  it('does not keep a read that an event for its namespace overtook', () => {
    const cache = new InnerViewCache();
    const started = cache.begin();
    cache.invalidateNsid(3);
    cache.store(100, read(3), started);
    expect(cache.has(100)).toBe(false);
    // An event for another namespace does not matter.
    const again = cache.begin();
    cache.invalidateNsid(9);
    cache.store(100, read(3), again);
    expect(cache.has(100)).toBe(true);
  });

  it('never caches a namespace without an nsid (no event could reach us)', () => {
    const cache = new InnerViewCache();
    cache.store(100, read(null), cache.begin());
    expect(cache.has(100)).toBe(false);
  });

  it('forgets everything on clear, also reads begun before it', () => {
    const cache = new InnerViewCache();
    const started = cache.begin();
    cache.store(1, read(1), cache.begin());
    cache.clear();
    expect(cache.has(1)).toBe(false);
    cache.store(2, read(2), started);
    expect(cache.has(2)).toBe(false);
  });

  it('retains only live pids', () => {
    const cache = new InnerViewCache();
    cache.store(1, read(1), cache.begin());
    cache.store(2, read(2), cache.begin());
    cache.retain(new Set([2]));
    expect([cache.has(1), cache.has(2)]).toEqual([false, true]);
  });
});

describe('nsidOfMonitorLine', () => {
  it('reads the nsid tag of `ip monitor all-nsid`', () => {
    expect(nsidOfMonitorLine('[nsid 12]4: eth0@if5: <BROADCAST,MULTICAST,UP> mtu 1400')).toBe(12);
    expect(nsidOfMonitorLine('[nsid 0]2: lan    inet6 fe80::1/64 scope link')).toBe(0);
  });
  it('is null for the host own events and continuation lines', () => {
    expect(nsidOfMonitorLine('3: docker0: <NO-CARRIER,BROADCAST> mtu 1500')).toBeNull();
    expect(nsidOfMonitorLine('       valid_lft forever preferred_lft forever')).toBeNull();
  });
});

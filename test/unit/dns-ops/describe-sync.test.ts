// The timeline's sentences and the desktop notification, from planned actions.
import { describe, expect, it } from 'vitest';
import { describeAction, describeHostChange, notificationFor, outOfDate } from '../../../src/main/engine/dns/describe-sync';
import { showDnsNotification } from '../../../src/main/dns-notification';
import type { DnsEvent } from '../../../src/shared/dns-model';

const one = { nameservers: ['198.51.100.53'], search: ['one.test'], options: [] };
const two = { nameservers: ['198.51.100.54'], search: ['two.test'], options: [] };
const w1 = { id: 'a'.repeat(64), name: 'w1' };
const at = '2026-11-22T10:00:00.000Z';

describe('DNS timeline sentences', () => {
  it('says what the host changed from and to', () => {
    expect(describeHostChange(one, two, '/etc/resolv.conf')).toEqual({
      kind: 'host-changed',
      container: null,
      before: one,
      after: two,
      message: "The host's DNS changed (/etc/resolv.conf): 198.51.100.53 (search one.test) → 198.51.100.54 (search two.test)",
      messageMessage: expect.objectContaining({ key: 'engine-dns:event.hostChanged' }),
    });
  });

  it('says what a rewrite and a redirect did', () => {
    expect(describeAction(w1, { kind: 'rewrite', content: '', before: one, after: two, expectedHash: '' }).message).toBe('w1: resolv.conf 198.51.100.53 (search one.test) → 198.51.100.54 (search two.test)');
    const redirect = describeAction(w1, { kind: 'redirect', redirects: [{ from: '198.51.100.53', to: '198.51.100.54' }], before: ['198.51.100.53'], after: ['198.51.100.54'] });
    expect(redirect.message).toBe("w1: Docker's resolver forwards to 198.51.100.54 instead of 198.51.100.53 (redirected in its namespace)");
    expect(redirect.after?.nameservers).toEqual(['198.51.100.54']);
    expect(describeAction(w1, { kind: 'redirect', redirects: [], before: ['198.51.100.53'], after: ['198.51.100.53'] }).message).toMatch(/redirect removed/);
    expect(outOfDate({ kind: 'rewrite', content: '', before: one, after: two, expectedHash: '' })).toMatch(/^out of date: the host's DNS is now 198\.51\.100\.54/);
  });
});

describe('the desktop notification', () => {
  const host: DnsEvent = { at, kind: 'host-changed', container: null, before: one, after: two, message: '' };
  const synced = (name: string): DnsEvent => ({ at, kind: 'synced', container: { id: name, name }, before: one, after: two, message: '' });

  it('names the new servers and the containers updated', () => {
    expect(notificationFor([host, synced('w1')])).toEqual({ title: 'DNS is now 198.51.100.54', body: 'Updated w1.' });
    expect(notificationFor([host, ...['a', 'b', 'c', 'd', 'e'].map(synced)])?.body).toBe('Updated 5 containers (a, b, c, d, …).');
    expect(notificationFor([{ at, kind: 'failed', container: w1, before: null, after: null, message: 'x' }])).toEqual({ title: 'Container DNS updated', body: '1 could not be updated: see the DNS view.' });
  });

  it('stays quiet when no container changed, or when the desktop has no notifications', () => {
    expect(notificationFor([host])).toBeNull();
    const shown: unknown[] = [];
    class Fake {
      static supported = true;
      static isSupported() {
        return Fake.supported;
      }
      constructor(readonly options: unknown) {}
      show() {
        shown.push(this.options);
      }
    }
    expect(showDnsNotification([host], Fake)).toBe(false);
    expect(showDnsNotification([host, synced('w1')], Fake)).toBe(true);
    Fake.supported = false;
    expect(showDnsNotification([host, synced('w1')], Fake)).toBe(false);
    expect(shown).toEqual([{ title: 'DNS is now 198.51.100.54', body: 'Updated w1.', silent: true }]);
  });
});

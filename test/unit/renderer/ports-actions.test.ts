import { describe, expect, it } from 'vitest';
import type { PublishedPort } from '../../../src/shared/firewall-model';
import { unpublishRequestSchema, type MappingStatus, type PortEvent } from '../../../src/shared/publish-model';
import { eventTime, latestEvents } from '../../../src/renderer/src/views/ports/port-events';
import { mappingOfRow, unpublishRequestOf } from '../../../src/renderer/src/views/ports/unpublish';

const row = (patch: Partial<PublishedPort> = {}): PublishedPort => ({
  hostIp: '0.0.0.0',
  hostPort: 9393,
  protocol: 'tcp',
  container: { id: 'a'.repeat(64), name: 'w1' },
  containerIp: '172.17.0.2',
  containerPort: 80,
  network: 'bridge',
  source: 'bridgeport',
  packets: 0,
  bytes: 0,
  ruleIds: [],
  hints: [],
  ...patch,
});

const mapping = (patch: Partial<MappingStatus> = {}): MappingStatus => ({
  id: 'abcdef012345',
  container: { id: 'a'.repeat(64), name: 'w1' },
  network: 'bridge',
  hostIp: '',
  hostPort: 9393,
  hostPortEnd: 9393,
  containerPort: 80,
  containerPortEnd: 80,
  protocol: 'tcp',
  createdAt: '2025-01-01T00:00:00.000Z',
  state: 'active',
  containerIp: '172.17.0.2',
  bridge: 'docker0',
  detail: null,
  ...patch,
});

describe('unpublishing a row of the ports table', () => {
  it("asks by the container's id, with every address written '' as the contract wants", () => {
    const request = unpublishRequestOf(row());
    expect(request).toEqual({ container: 'a'.repeat(64), hostIp: '', hostPort: 9393, protocol: 'tcp' });
    expect(unpublishRequestSchema.safeParse(request).success).toBe(true);
    expect(unpublishRequestOf(row({ hostIp: '127.0.0.1', protocol: 'udp' }))).toMatchObject({ hostIp: '127.0.0.1', protocol: 'udp' });
  });

  it("is not offered for Docker's ports", () => {
    expect(unpublishRequestOf(row({ source: 'docker' }))).toBeNull();
  });

  it('finds the mapping a row belongs to, a range included', () => {
    const range = mapping({ id: 'range0000001', hostPort: 8000, hostPortEnd: 8010, containerPort: 80, containerPortEnd: 90 });
    const mappings = [mapping(), range, mapping({ id: 'loopback0001', hostIp: '127.0.0.1', hostPort: 9494, hostPortEnd: 9494 })];
    expect(mappingOfRow(row(), mappings)?.id).toBe('abcdef012345');
    expect(mappingOfRow(row({ hostPort: 8005, containerPort: 85 }), mappings)?.id).toBe('range0000001');
    expect(mappingOfRow(row({ hostIp: '127.0.0.1', hostPort: 9494 }), mappings)?.id).toBe('loopback0001');
    expect(mappingOfRow(row({ hostPort: 9494 }), mappings)).toBeNull();
    expect(mappingOfRow(row({ protocol: 'udp' }), mappings)).toBeNull();
  });
});

const event = (at: string, message: string, kind: PortEvent['kind'] = 'published'): PortEvent => ({ at, kind, message, mappingId: null });

describe('the Bridgeport events section', () => {
  it('shows the latest first, at most as many as asked', () => {
    const events = [
      event('2025-01-01T10:00:00.000Z', 'a'),
      event('2025-01-01T10:00:02.000Z', 'c', 'removed'),
      event('2025-01-01T10:00:01.000Z', 'b'),
      event('2025-01-01T10:00:02.000Z', 'd', 'unpublished'),
    ];
    expect(latestEvents(events).map((e) => e.message)).toEqual(['d', 'c', 'b', 'a']);
    expect(latestEvents(events, 2).map((e) => e.message)).toEqual(['d', 'c']);
    expect(latestEvents([])).toEqual([]);
  });

  it('times today by the clock, earlier days with the date', () => {
    const now = new Date(2025, 2, 12, 15, 0, 0);
    expect(eventTime(new Date(2025, 2, 12, 14, 3, 12).toISOString(), now)).toMatch(/14.03.12/);
    expect(eventTime(new Date(2025, 2, 10, 9, 5, 0).toISOString(), now)).toMatch(/10.*09.05.00|09.05.00/);
    expect(eventTime(new Date(2025, 2, 10, 9, 5, 0).toISOString(), now)).not.toBe(eventTime(new Date(2025, 2, 12, 9, 5, 0).toISOString(), now));
    expect(eventTime('not a date', now)).toBe('not a date');
  });
});

// The flow table on conntrack's own output, captured in a Docker 28 lab (test/fixtures/conntrack).
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isConntrackEntry, parseConntrackOutput, type ConntrackEntry } from '../../../src/main/netcore/conntrack/parse-conntrack';
import { FlowTable } from '../../../src/main/engine/flows/flow-table';

const entries = (name: string): ConntrackEntry[] =>
  parseConntrackOutput(readFileSync(join(import.meta.dirname, '../../fixtures/conntrack', name), 'utf8')).filter(isConntrackEntry);
const EVENTS = entries('events-extended-id-timestamp.acct1.txt');
const LISTING = entries('list-extended-id.acct1.txt');

describe('the flow table', () => {
  it('starts each connection once on its NEW and ends it once: a TCP one when it closes, the others on their DESTROY', () => {
    const table = new FlowTable();
    const { started, ended } = table.apply(EVENTS);
    const news = EVENTS.filter((e) => e.event === 'new');
    const destroyed = new Set(EVENTS.filter((e) => e.event === 'destroy').map((e) => e.id));
    expect(started.map((e) => e.id)).toEqual(news.map((e) => e.id));
    expect(ended.map((e) => e.id).sort()).toEqual([...destroyed].sort());
    for (const e of ended) expect(e.protocol === 'tcp' ? ['TIME_WAIT', 'CLOSE'] : [undefined]).toContain(e.protocol === 'tcp' ? e.state : undefined);
    expect(table.list().every((e) => e.protocol === 'tcp' && ['TIME_WAIT', 'CLOSE'].includes(e.state ?? ''))).toBe(true);
  });

  it('keeps the latest state of an open connection, and ends it once when it closes (the LAN fetch of 8080)', () => {
    const table = new FlowTable();
    const lanFetch = EVENTS.filter((e) => e.original.dport === 8080);
    const open = lanFetch.findIndex((e) => e.state === 'ESTABLISHED');
    const opening = table.apply(lanFetch.slice(0, open + 1));
    expect(table.list().map((e) => e.state)).toEqual(['ESTABLISHED']);
    // Each state it went through after the start is an update (SYN_RECV, ESTABLISHED).
    expect(opening.started).toHaveLength(1);
    expect(opening.updated.map((e) => e.state)).toEqual(lanFetch.slice(1, open + 1).map((e) => e.state));
    const rest = table.apply(lanFetch.slice(open + 1).filter((e) => e.event !== 'destroy'));
    expect(rest.ended).toHaveLength(1);
    expect(rest.ended[0]!.state).toMatch(/^(TIME_WAIT|CLOSE)$/);
    // Still listed while conntrack remembers it (as TIME_WAIT), gone at its DESTROY, which ends nothing twice.
    expect(table.size).toBe(1);
    expect(table.apply(lanFetch.filter((e) => e.event === 'destroy'))).toEqual({ started: [], updated: [], ended: [] });
    expect(table.size).toBe(0);
  });

  it('takes a full listing as the truth: what it lacks ended, what it adds started', () => {
    const table = new FlowTable();
    expect(table.replace(LISTING).started).toHaveLength(LISTING.length);
    const fewer = LISTING.slice(1);
    const { started, ended } = table.replace(fewer);
    expect(started).toEqual([]);
    expect(ended.map((e) => e.id)).toEqual([LISTING[0]!.id]);
  });

  it('never reports a connection that was already closed when listed as ending', () => {
    const table = new FlowTable();
    const closed = LISTING.filter((e) => e.state === 'TIME_WAIT');
    expect(closed.length).toBeGreaterThan(0);
    table.replace(closed);
    const destroy = closed.map((e) => ({ ...e, event: 'destroy' as const }));
    expect(table.apply(destroy)).toEqual({ started: [], updated: [], ended: [] });
    expect(table.size).toBe(0);
  });

  it('is bounded: the oldest connections go first, and are counted', () => {
    const table = new FlowTable(2);
    table.replace(LISTING);
    expect(table.size).toBe(2);
    expect(table.dropped).toBe(LISTING.length - 2);
    expect(table.list().map((e) => e.id)).toEqual(LISTING.slice(-2).map((e) => e.id));
  });
});

// The record of what Bridgeport made: lookups, moves, and dropping what is provably gone.
import { mkdtemp, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import {
  findLink,
  HOST,
  placesOf,
  prune,
  toMadeThing,
  withMovedEnd,
  without,
  type MadeFacts,
  type RecordedThing,
  type RecordedVeth,
} from '../../../src/main/engine/links/made-record';
import { MadeStore } from '../../../src/main/engine/links/made-store';

const web = { container: { id: 'c0ffee'.padEnd(64, '0'), name: 'web' }, pid: 4242 };
const ns: RecordedThing = { kind: 'netns', name: 'lab-ns1', id: '4:100', createdAt: 't0' };
const bridge: RecordedThing = { kind: 'bridge', name: 'bpbr0', createdAt: 't1' };
const veth: RecordedVeth = { kind: 'veth', ends: [{ name: 'bpv0', place: HOST }, { name: 'eth1', place: web }], createdAt: 't2' };
const inNs: RecordedVeth = { kind: 'veth', ends: [{ name: 'bpv2', place: HOST }, { name: 'eth0', place: { namespace: 'lab-ns1' } }], createdAt: 't3' };
const things: RecordedThing[] = [ns, bridge, veth, inNs];

const facts = (overrides: Partial<MadeFacts> = {}): MadeFacts => ({
  hostLinks: new Map([
    ['bpbr0', { tagged: true, kind: 'bridge' }],
    ['bpv0', { tagged: true, kind: 'veth' }],
    ['bpv2', { tagged: true, kind: 'veth' }],
    ['docker0', { tagged: false, kind: 'bridge' }],
  ]),
  namespaces: new Map([['lab-ns1', '4:100']]),
  containers: new Map([[web.container.id, 4242]]),
  ...overrides,
});

describe('lookups', () => {
  it('finds a bridge in the host and veth ends where they are', () => {
    expect(findLink(things, 'bpbr0', HOST)).toEqual({ thing: bridge, end: null });
    expect(findLink(things, 'bpbr0', { namespace: 'lab-ns1' })).toBeNull();
    expect(findLink(things, 'eth1', { ...web, pid: 1 })).toEqual({ thing: veth, end: 1 }); // a container is its id
    expect(findLink(things, 'eth1', HOST)).toBeNull();
    expect(findLink(things, 'eth0', { namespace: 'lab-ns1' })).toEqual({ thing: inNs, end: 1 });
    expect(findLink(things, 'docker0', HOST)).toBeNull();
    expect(placesOf(things, 'eth1')).toEqual([web]);
  });

  it('shows each thing as the contract does, with where each end is', () => {
    expect(things.map(toMadeThing)).toEqual([
      { kind: 'netns', name: 'lab-ns1', peer: null, createdAt: 't0' },
      { kind: 'bridge', name: 'bpbr0', peer: null, createdAt: 't1', place: 'host' },
      { kind: 'veth', name: 'bpv0', peer: 'eth1', createdAt: 't2', place: 'host', peerPlace: 'container web' },
      { kind: 'veth', name: 'bpv2', peer: 'eth0', createdAt: 't3', place: 'host', peerPlace: 'netns lab-ns1' },
    ]);
  });

  it('moves and removes', () => {
    const moved = withMovedEnd(things, inNs, 0, { name: 'eth9', place: web });
    expect(moved[3]).toEqual({ ...inNs, ends: [{ name: 'eth9', place: web }, inNs.ends[1]] });
    expect(things[3]).toBe(inNs); // not changed in place
    expect(without(things, bridge)).toEqual([ns, veth, inNs]);
  });
});

describe('prune', () => {
  it('keeps what is there', () => {
    expect(prune(things, facts())).toEqual({ kept: things, gone: [] });
  });

  it('drops a namespace that is gone or was made again by someone else', () => {
    expect(prune([ns], facts({ namespaces: new Map() })).gone).toEqual([ns]);
    expect(prune([ns], facts({ namespaces: new Map([['lab-ns1', '4:999']]) })).gone).toEqual([ns]);
    expect(prune([ns], facts({ namespaces: new Map([['lab-ns1', null]]) })).kept).toEqual([ns]); // unreadable: kept
  });

  it('drops a bridge that is gone or no longer carries the tag', () => {
    expect(prune([bridge], facts({ hostLinks: new Map() })).gone).toEqual([bridge]);
    expect(prune([bridge], facts({ hostLinks: new Map([['bpbr0', { tagged: false, kind: 'bridge' }]]) })).gone).toEqual([bridge]);
  });

  it('drops a veth pair when either end is provably gone', () => {
    expect(prune([veth], facts({ hostLinks: new Map() })).gone).toEqual([veth]);
    expect(prune([veth], facts({ containers: new Map([[web.container.id, null]]) })).gone).toEqual([veth]); // stopped
    expect(prune([veth], facts({ containers: new Map([[web.container.id, 5000]]) })).gone).toEqual([veth]); // restarted
    expect(prune([veth], facts({ containers: new Map() })).gone).toEqual([veth]); // removed
    expect(prune([veth], facts({ containers: undefined })).kept).toEqual([veth]); // Docker unreachable: kept
    expect(prune([inNs], facts({ namespaces: new Map() })).gone).toEqual([inNs]);
    // Looking inside (as root): an end missing there is gone; an unreadable place decides nothing.
    expect(prune([inNs], facts({ inside: () => new Set(['lo']) })).gone).toEqual([inNs]);
    expect(prune([inNs], facts({ inside: () => new Set(['eth0']) })).kept).toEqual([inNs]);
    expect(prune([inNs], facts({ inside: () => null })).kept).toEqual([inNs]);
  });
});

describe('MadeStore', () => {
  let dir = '';
  afterEach(async () => {
    if (dir) await rm(dir, { recursive: true, force: true });
  });

  it('writes made.json (0600) and reads it back; an absent file is an empty record', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bp-made-'));
    const store = new MadeStore(join(dir, 'cfg'));
    expect(await store.load()).toEqual([]);
    await store.withLock(() => store.save(things));
    expect(await store.load()).toEqual(things);
    expect((await stat(store.path)).mode & 0o777).toBe(0o600);
    expect(JSON.parse(await readFile(store.path, 'utf8'))).toMatchObject({ version: 1 });
  });

  it('refuses a damaged file rather than forgetting what it made', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bp-made-'));
    const store = new MadeStore(dir);
    await writeFile(store.path, '{"version":1,"things":[');
    await expect(store.load()).rejects.toThrow(/made\.json is not valid JSON; fix or remove it/);
    await writeFile(store.path, '{"version":1,"things":[{"kind":"tunnel","name":"x"}]}');
    await expect(store.load()).rejects.toThrow(/is not a Bridgeport record of made links/);
    // A hand-edited record cannot point a command at a path or a bad name.
    const veth = (place: unknown, name = 'eth1') => JSON.stringify({ version: 1, things: [{ kind: 'veth', ends: [{ name: 'v0', place: { host: true } }, { name, place }], createdAt: '' }] });
    for (const text of [
      veth({ namespace: '../../proc/1/ns/net' }),
      veth({ container: { id: 'web', name: 'web' }, pid: 42 }),
      veth({ container: { id: 'c0ffee'.padEnd(64, '0'), name: 'web' }, pid: 1 }),
      veth({ host: true }, 'eth1;reboot'),
      JSON.stringify({ version: 1, things: [{ kind: 'bridge', name: 'a'.repeat(16), createdAt: '' }] }),
    ]) {
      await writeFile(store.path, text);
      await expect(store.load(), text).rejects.toThrow(/is not a Bridgeport record of made links/);
    }
  });

  it('serializes work under its lock', async () => {
    dir = await mkdtemp(join(tmpdir(), 'bp-made-'));
    const a = new MadeStore(dir);
    const b = new MadeStore(dir);
    const order: string[] = [];
    const slow = (name: string) => async () => {
      order.push(`${name}+`);
      await new Promise((r) => setTimeout(r, 50));
      order.push(`${name}-`);
    };
    await Promise.all([a.withLock(slow('a')), b.withLock(slow('b'))]);
    expect([order.join(' ')]).toContainEqual(expect.stringMatching(/^(a\+ a- b\+ b-|b\+ b- a\+ a-)$/));
  });
});

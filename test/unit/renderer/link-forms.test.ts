import { describe, expect, it } from 'vitest';
import i18next from 'i18next';
import koNetworks from '../../../src/renderer/src/i18n/locales/ko/networks.json';
import type { Say } from '../../../src/renderer/src/i18n/say';
import type { Container, Link, Namespace, Snapshot } from '../../../src/shared/model';
import { bridgeCreateSchema, linkMoveSchema, netnsCreateSchema, vethCreateSchema, type MadeThing } from '../../../src/shared/namespace-model';
import { checkBridgeForm, checkMoveForm, checkNetnsForm, checkVethForm, emptyMoveForm } from '../../../src/renderer/src/views/namespaces/link-forms';
import {
  deletionEnd,
  hostBridges,
  locateLink,
  madeLinkKeys,
  madeRows,
  movableLinks,
  moveTargets,
  parsePlace,
  placeInput,
  placeLabel,
  type LinkSource,
} from '../../../src/renderer/src/views/namespaces/link-places';
import { namespacesEnglish } from './networks-say';

const korean = i18next.createInstance();
void korean.init({ lng: 'ko', resources: { ko: { networks: koNetworks } }, initAsync: false, interpolation: { escapeValue: false } });
const koreanSay: Say = (key, params) => korean.t(key, params ?? {});

const link = (name: string, kind: Link['kind'], patch: Partial<Link> = {}): Link => ({
  name,
  ifindex: 1,
  kind,
  driver: null,
  mac: null,
  mtu: 1500,
  up: true,
  operState: 'UP',
  addresses: [],
  master: null,
  peer: null,
  ...patch,
});

const container = (name: string, patch: Partial<Container> = {}): Container => ({
  id: `id-${name}`,
  name,
  image: 'busybox',
  state: 'running',
  status: 'Up',
  networkMode: 'bridge',
  pid: 100,
  endpoints: [],
  ports: [],
  links: null,
  ...patch,
});

const ns = (name: string, links: Link[], current = false): Namespace => ({ name, id: 1, current, links, error: null });
const made = (kind: MadeThing['kind'], name: string, peer: string | null = null): MadeThing => ({ kind, name, peer, createdAt: '2025-01-01T00:00:00.000Z' });

describe('the namespace, bridge and veth forms', () => {
  it('make the inputs the contract accepts, leaving out what is empty', () => {
    expect(checkNetnsForm({ name: ' lab1 ' }, namespacesEnglish).input).toEqual({ name: 'lab1' });
    expect(netnsCreateSchema.safeParse(checkNetnsForm({ name: 'lab1' }, namespacesEnglish).input).success).toBe(true);

    expect(checkBridgeForm({ name: 'brlab0', mtu: '', address: '' }, namespacesEnglish).input).toEqual({ name: 'brlab0' });
    const bridge = checkBridgeForm({ name: 'brlab0', mtu: '9000', address: '10.88.0.1/24' }, namespacesEnglish).input;
    expect(bridge).toEqual({ name: 'brlab0', mtu: 9000, address: '10.88.0.1/24' });
    expect(bridgeCreateSchema.safeParse(bridge).success).toBe(true);

    const veth = checkVethForm({ name: 'vh0', peer: 'vp0', master: 'brlab0', mtu: '1400' }, namespacesEnglish).input;
    expect(veth).toEqual({ name: 'vh0', peer: 'vp0', master: 'brlab0', mtu: 1400 });
    expect(vethCreateSchema.safeParse(veth).success).toBe(true);
    expect(checkVethForm({ name: 'vh0', peer: 'vp0', master: null, mtu: '' }, namespacesEnglish).input).toEqual({ name: 'vh0', peer: 'vp0' });
  });

  it('name each wrong field', () => {
    expect(checkNetnsForm({ name: 'a/b' }, namespacesEnglish).errors).toEqual({ name: 'A namespace name has only letters, digits, _ . and -' });
    expect(checkNetnsForm({ name: '' }, namespacesEnglish).errors).toEqual({ name: 'Give a namespace name' });
    expect(checkNetnsForm({ name: 'n'.repeat(65) }, namespacesEnglish).errors).toEqual({ name: 'A namespace name is at most 64 characters' });
    // The same check in the window's Korean (its own catalogue, not the schema's English).
    expect(checkNetnsForm({ name: 'n'.repeat(65) }, koreanSay).errors).toEqual({ name: '네임스페이스 이름은 최대 64자입니다' });
    expect(checkNetnsForm({ name: 'a/b' }, koreanSay).errors).toEqual({ name: '네임스페이스 이름에는 영문자, 숫자, _ . - 만 쓸 수 있습니다' });
    expect(checkBridgeForm({ name: 'bridge-name-too-long', mtu: '0', address: '10.88.0.1' }, namespacesEnglish).errors).toEqual({
      name: 'A bridge name is at most 15 characters (this one has 20)',
      mtu: 'MTU goes from 68 to 65535',
      address: '“10.88.0.1” is not an address with its prefix: write one like 10.88.0.1/24',
    });
    expect(checkVethForm({ name: '', peer: 'p;x', master: null, mtu: 'big' }, namespacesEnglish).errors).toEqual({
      name: 'Give an interface name',
      peer: "The peer's name has only letters, digits, _ . and - (and starts with a letter or digit)",
      mtu: '“big” is not an MTU: write a number like 1500',
    });
    expect(checkVethForm({ name: 'v0', peer: 'v0', master: null, mtu: '' }, namespacesEnglish).errors).toEqual({ peer: 'The two ends need different names' });
  });
});

describe('the move form', () => {
  it('moves into a container, pipework-style, with name, address, gateway and MTU', () => {
    const input = checkMoveForm({ link: 'vp0', targetKind: 'container', target: 'c1', rename: 'eth1', address: '10.88.0.2/24', gateway: '10.88.0.1', mtu: '1400' }, namespacesEnglish).input;
    expect(input).toEqual({ link: 'vp0', to: { container: 'c1' }, rename: 'eth1', address: '10.88.0.2/24', gateway: '10.88.0.1', mtu: 1400 });
    expect(linkMoveSchema.safeParse(input).success).toBe(true);
  });

  it('moves into a namespace with nothing else', () => {
    expect(checkMoveForm({ ...emptyMoveForm('vp0'), targetKind: 'namespace', target: 'lab1' }, namespacesEnglish).input).toEqual({ link: 'vp0', to: { namespace: 'lab1' } });
  });

  it('names each wrong field', () => {
    expect(checkMoveForm({ link: null, targetKind: 'namespace', target: null, rename: 'eth 1', address: '10.88.0.2', gateway: 'gw', mtu: '70000' }, namespacesEnglish).errors).toEqual({
      link: 'Pick the interface to move',
      target: 'Pick a namespace',
      rename: 'The name inside has only letters, digits, _ . and - (and starts with a letter or digit)',
      address: '“10.88.0.2” is not an address with its prefix: write one like 10.88.0.1/24',
      gateway: '“gw” is not an IPv4 address: write one like 10.88.0.1',
      mtu: 'MTU goes from 68 to 65535',
    });
    expect(checkMoveForm({ ...emptyMoveForm('vp0'), target: null }, namespacesEnglish).errors).toEqual({ target: 'Pick a running container' });
    expect(checkMoveForm({ ...emptyMoveForm('vp0'), target: 'c1', gateway: '10.88.0.1' }, namespacesEnglish).errors).toEqual({
      gateway: 'A gateway needs an address on the interface to reach it',
    });
  });
});

describe('where links are', () => {
  const c1 = container('c1', {
    links: [link('lo', 'loopback'), link('eth0', 'veth'), link('eth1', 'veth', { addresses: ['10.88.0.2/24'] })],
  });
  const snapshot: LinkSource = {
    links: [
      link('lo', 'loopback'),
      link('docker0', 'bridge'),
      link('brlab0', 'bridge', { up: false }),
      link('vh0', 'veth', { master: 'brlab0', peer: { ifindex: 9, netnsId: 3, containerId: 'id-c1', namespace: null, interface: 'eth1' } }),
      link('vh1', 'veth', { peer: { ifindex: 10, netnsId: 4, containerId: null, namespace: 'lab1', interface: 'vp1' } }),
      link('va', 'veth', { peer: { ifindex: 11, netnsId: null, containerId: null, namespace: null, interface: 'vb' } }),
      link('vb', 'veth', { peer: { ifindex: 12, netnsId: null, containerId: null, namespace: null, interface: 'va' } }),
    ],
    namespaces: [ns('host', [], true), ns('lab1', [link('lo', 'loopback', { up: false }), link('vp1', 'veth')]), ns('other', [])],
    containers: [c1, container('stopped', { state: 'exited', pid: null }), container('hostnet', { networkMode: 'host' }), container('nonet', { networkMode: 'none' })],
  };

  it('finds a link in the host, a namespace or a container', () => {
    expect(locateLink(snapshot, 'brlab0')?.place).toEqual({ kind: 'host' });
    expect(locateLink(snapshot, 'vp1')?.place).toEqual({ kind: 'namespace', name: 'lab1' });
    expect(locateLink(snapshot, 'eth1')?.place).toEqual({ kind: 'container', name: 'c1' });
    expect(locateLink(snapshot, 'nowhere')).toBeNull();
  });

  it('says where in the contract’s words and in plain ones', () => {
    expect(placeInput({ kind: 'host' })).toBeUndefined();
    expect(placeInput({ kind: 'namespace', name: 'lab1' })).toEqual({ namespace: 'lab1' });
    expect(placeInput({ kind: 'container', name: 'c1' })).toEqual({ container: 'c1' });
    expect(placeLabel({ kind: 'container', name: 'c1' })).toBe('container c1');
    expect(placeLabel({ kind: 'host' })).toBe('host');
  });

  it('finds each made thing’s ends, a renamed one through its peer', () => {
    const rows = madeRows(
      [made('bridge', 'brlab0'), made('veth', 'vh0', 'vp0'), made('veth', 'vh1', 'vp1'), made('veth', 'va', 'vb'), made('netns', 'lab1'), made('netns', 'gone'), made('veth', 'x0', 'x1')],
      snapshot,
    );
    const ends = rows.map((r) => r.ends.map((e) => `${e.name}@${placeLabel(e.place)}`));
    expect(ends).toEqual([
      ['brlab0@host'],
      // vp0 was moved into c1 and renamed eth1: vh0's kernel says so.
      ['vh0@host', 'eth1@container c1'],
      ['vh1@host', 'vp1@namespace lab1'],
      ['va@host', 'vb@host'],
      [],
      [],
      [],
    ]);
    expect(rows.map((r) => r.missing)).toEqual([[], [], [], [], [], ['gone'], ['x0', 'x1']]);
    expect(rows.map((r) => r.namespaceLinks)).toEqual([null, null, null, null, 2, null, null]);
  });

  it('deletes a pair through its host end; moves only what is made and in the host', () => {
    const rows = madeRows([made('veth', 'vh0', 'vp0'), made('bridge', 'brlab0'), made('veth', 'vh1', 'vp1')], snapshot);
    expect(deletionEnd(rows[0]!)?.name).toBe('vh0');
    // Only veth ends move; a bridge stays in the host.
    expect(movableLinks(rows)).toEqual(['vh0', 'vh1']);
    expect([...madeLinkKeys(rows)]).toEqual(['host/vh0', 'container c1/eth1', 'host/brlab0', 'host/vh1', 'namespace lab1/vp1']);
    const inside = madeRows([made('veth', 'vp1', 'zz')], snapshot);
    expect(deletionEnd(inside[0]!)).toMatchObject({ name: 'vp1', place: { kind: 'namespace', name: 'lab1' } });
    expect(deletionEnd(madeRows([made('veth', 'x0', 'x1')], snapshot)[0]!)).toBeNull();
  });

  it('reads the engine’s places and looks there first', () => {
    expect(parsePlace('host')).toEqual({ kind: 'host' });
    expect(parsePlace('netns lab1')).toEqual({ kind: 'namespace', name: 'lab1' });
    expect(parsePlace('container c1')).toEqual({ kind: 'container', name: 'c1' });
    expect(parsePlace(undefined)).toBeNull();
    expect(parsePlace('somewhere')).toBeNull();
    // eth0 is in the host? No: the record says c1, and c1 has one.
    expect(locateLink(snapshot, 'eth0', { kind: 'container', name: 'c1' })?.place).toEqual({ kind: 'container', name: 'c1' });
    expect(locateLink(snapshot, 'lo', { kind: 'namespace', name: 'lab1' })?.link.up).toBe(false);
    expect(locateLink(snapshot, 'vp1', { kind: 'namespace', name: 'other' })).toBeNull();
    const [row] = madeRows([{ ...made('veth', 'vh0', 'eth1'), place: 'host', peerPlace: 'container c1' }], snapshot);
    expect(row!.ends.map((e) => `${e.name}@${placeLabel(e.place)}`)).toEqual(['vh0@host', 'eth1@container c1']);
    expect(row!.missing).toEqual([]);
  });

  it('offers named namespaces and running containers with a namespace of their own as targets', () => {
    expect(moveTargets(snapshot)).toEqual({ namespaces: ['lab1', 'other'], containers: ['c1', 'nonet'] });
    expect(hostBridges(snapshot as Pick<Snapshot, 'links'>)).toEqual(['docker0', 'brlab0']);
  });
});

// Attribution of the conntrack entries captured in the Docker 28 seed lab (test/fixtures/conntrack),
// named with the docker28 snapshot of the same scenario (see docker28-snapshot.ts for why by name).
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { isConntrackEntry, parseConntrackOutput, type ConntrackEntry } from '../../../src/main/netcore/conntrack/parse-conntrack';
import { addressBookOf, type AddressBook } from '../../../src/main/engine/flows/address-book';
import { attributeFlow, concernsContainers, endOf, isContainerFlow } from '../../../src/main/engine/flows/attribute-flow';
import { flowSchema, type Flow } from '../../../src/shared/flow-model';
import { docker28Snapshot } from './docker28-snapshot';

function entries(name: string): ConntrackEntry[] {
  const text = readFileSync(resolve(import.meta.dirname, '../../fixtures/conntrack', name), 'utf8');
  const lines = parseConntrackOutput(text);
  expect(lines.every(isConntrackEntry)).toBe(true);
  return lines.filter(isConntrackEntry);
}

function flows(name: string, book: AddressBook = addressBookOf(docker28Snapshot())): Flow[] {
  return entries(name).map((e) => attributeFlow(e, book));
}

/** The one flow matching original src/dst/dport (dport null for icmp). */
function find(all: Flow[], src: string, dst: string, dport: number | null): Flow {
  const found = all.filter((f) => f.original.src === src && f.original.dst === dst && f.original.dport === dport);
  expect(found).toHaveLength(1);
  return found[0] as Flow;
}

const container = (name: string) => expect.objectContaining({ kind: 'container', container: expect.objectContaining({ name }) }) as unknown;

describe('attributeFlow on `conntrack -L -o extended,id` with accounting on', () => {
  const all = flows('list-extended-id.acct1.txt');

  it('gives every entry a flow that matches the JSON schema', () => {
    expect(all).toHaveLength(6);
    for (const flow of all) expect(flowSchema.parse(flow)).toEqual(flow);
  });

  it('shows LAN → w1 through host port 8080 as DNAT, counters summed over both directions', () => {
    const flow = find(all, '198.51.100.2', '198.51.100.1', 8080);
    expect(flow).toMatchObject({ protocol: 'tcp', state: 'TIME_WAIT', from: { kind: 'lan' }, hostPort: 8080, nat: 'dnat' });
    expect(flow.to).toEqual(container('w1'));
    expect(flow.reply).toEqual({ src: '172.17.0.2', sport: 80, dst: '198.51.100.2', dport: 35538 });
    expect(flow).toMatchObject({ id: 2693997894, packets: 7 + 6, bytes: 452 + 597 });
    expect(isContainerFlow(flow)).toBe(true);
  });

  it('shows w2 → w1 as container to container, untranslated', () => {
    const flow = find(all, '172.17.0.3', '172.17.0.2', 80);
    expect(flow.from).toEqual(container('w2'));
    expect(flow.to).toEqual(container('w1'));
    expect(flow.nat).toBeNull();
    expect(flow.hostPort).toBeUndefined();
    expect(isContainerFlow(flow)).toBe(true);
  });

  it('shows w2 fetching from the LAN as masqueraded (SNAT to the uplink address)', () => {
    const flow = find(all, '172.17.0.3', '198.51.100.2', 8099);
    expect(flow.from).toEqual(container('w2'));
    expect(flow).toMatchObject({ to: { kind: 'lan' }, nat: 'snat', state: 'TIME_WAIT' });
    expect(flow.reply.dst).toBe('198.51.100.1');
    expect(flow.hostPort).toBeUndefined();
  });

  it('names a UDP query nobody answered UNREPLIED, still masqueraded', () => {
    const flow = find(all, '172.17.0.3', '198.51.100.2', 53);
    expect(flow).toMatchObject({ protocol: 'udp', state: 'UNREPLIED', to: { kind: 'lan' }, nat: 'snat', packets: 1, bytes: 61 });
  });

  it('gives ICMP null ports and reads a replied ping without a state as REPLIED', () => {
    const flow = find(all, '172.17.0.3', '172.17.0.2', null);
    expect(flow).toMatchObject({ protocol: 'icmp', state: 'REPLIED', nat: null });
    expect(flow.original).toEqual({ src: '172.17.0.3', sport: null, dst: '172.17.0.2', dport: null });
    expect(flow.to).toEqual(container('w1'));
  });

  it('keeps host-only flows (LAN pinging the host) out of the container flows', () => {
    const flow = find(all, '198.51.100.2', '198.51.100.1', null);
    expect(flow).toMatchObject({ from: { kind: 'lan' }, to: { kind: 'host' }, nat: null });
    expect(isContainerFlow(flow)).toBe(false);
  });
});

describe('attributeFlow, other captures', () => {
  it('treats IPv6 loopback as the host, not a container flow', () => {
    const [flow, ...rest] = flows('list-ipv6-extended-id.acct1.txt');
    expect(rest).toHaveLength(0);
    expect(flow).toMatchObject({ from: { kind: 'host' }, to: { kind: 'host' }, nat: null, state: 'ESTABLISHED', packets: 0, bytes: 0 });
    expect(isContainerFlow(flow as Flow)).toBe(false);
  });

  it('leaves packets and bytes out when accounting is off', () => {
    const all = flows('list-extended-id.acct0.txt');
    expect(all.length).toBeGreaterThan(0);
    for (const flow of all) expect(flow.packets ?? flow.bytes).toBeUndefined();
    expect(find(all, '198.51.100.2', '198.51.100.1', 8080)).toMatchObject({ hostPort: 8080, nat: 'dnat' });
  });

  it('attributes the first `conntrack -E` event (SYN_SENT, unreplied) by its expected reply', () => {
    const first = flows('events-plain.acct1.txt')[0] as Flow;
    expect(first).toMatchObject({ state: 'SYN_SENT', from: { kind: 'lan' }, hostPort: 8080, nat: 'dnat' });
    expect(first.to).toEqual(container('w1'));
    expect(first.id).toBeUndefined();
  });

  it('names a namespace Bridgeport made instead of calling it the LAN', () => {
    const book = addressBookOf(docker28Snapshot(), { madeNamespaces: new Set(['bpps86d-lan']) });
    const flow = find(flows('list-extended-id.acct1.txt', book), '198.51.100.2', '198.51.100.1', 8080);
    expect(flow.from).toEqual({ kind: 'namespace', namespace: 'bpps86d-lan' });
    expect(isContainerFlow(flow)).toBe(true);
  });
});

describe('concernsContainers', () => {
  it('answers as isContainerFlow of the attributed flow, on every captured entry, both ways', () => {
    const book = addressBookOf(docker28Snapshot());
    const captured = ['list-extended-id.acct1.txt', 'list-extended-id.acct0.txt', 'events-extended-id-timestamp.acct1.txt', 'list-ipv6-extended-id.acct1.txt'].flatMap(entries);
    const answers = captured.map((e) => [concernsContainers(e, book), isContainerFlow(attributeFlow(e, book))]);
    expect(answers.map(([fast]) => fast)).toEqual(answers.map(([, slow]) => slow));
    expect(answers.some(([fast]) => fast)).toBe(true);
    expect(answers.some(([fast]) => !fast)).toBe(true);
  });
});

describe('addressBookOf on the docker28 snapshot', () => {
  const book = addressBookOf(docker28Snapshot());

  it('puts the uplink subnet on the LAN but not the container bridges', () => {
    expect(endOf('198.51.100.77', book)).toEqual({ kind: 'lan' });
    expect(endOf('172.17.0.1', book)).toEqual({ kind: 'host' });
    expect(endOf('172.17.200.9', book)).toEqual({ kind: 'outside' });
    expect(endOf('203.0.113.5', book)).toEqual({ kind: 'outside' });
  });

  it('knows containers on user-defined networks and both addresses of a dual-homed one', () => {
    expect(endOf('172.28.0.3', book)).toEqual(container('i1'));
    expect(endOf('172.28.0.2', book)).toEqual(container('dual'));
    expect(endOf('172.17.0.4', book)).toEqual(container('dual'));
  });

  it('reads 127.0.0.0/8 as the host', () => {
    expect(endOf('127.0.0.53', book)).toEqual({ kind: 'host' });
  });
});

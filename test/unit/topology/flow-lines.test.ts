// Flow lines on the topology (src/renderer/src/views/topology/flow-lines.ts), kept here rather than
// in test/unit/renderer because the snapshot comes through the engine's Node-side parsers: the
// docker28 seed lab's graph (w1 172.17.0.2, w2 172.17.0.3 on the default bridge; uplink bpps86dup
// 198.51.100.1/24; LAN client 198.51.100.2) and flows shaped as the engine attributes them (see
// test/unit/renderer/flow-rows.test.ts).
import { describe, expect, it } from 'vitest';
import type { Flow } from '../../../src/shared/flow-model';
import { buildGraph, nodeId } from '../../../src/shared/topology/graph';
import { groupGraph } from '../../../src/shared/topology/group-graph';
import { listOfFlows, type FlowList } from '../../../src/renderer/src/views/flows/flow-rows';
import { flowLineLabel, flowLines, flowLineWidth } from '../../../src/renderer/src/views/topology/flow-lines';
import { englishSay } from '../renderer/i18n/english';
import { docker28Snapshot } from '../flows/docker28-snapshot';

const snapshot = docker28Snapshot();
const graph = buildGraph(snapshot);
const idOf = (name: string) => snapshot.containers.find((c) => c.name === name)!.id;
const w1 = { kind: 'container', container: { id: idOf('w1'), name: 'w1' } } as const;
const w2 = { kind: 'container', container: { id: idOf('w2'), name: 'w2' } } as const;
const w1Node = nodeId.container(w1.container.id);
const w2Node = nodeId.container(w2.container.id);
const uplink = nodeId.link('bpps86dup');
const bridgeNetwork = snapshot.networks.find((n) => n.name === 'bridge')!;

const lanToW1 = (sport: number, bytes?: number): Flow => ({
  protocol: 'tcp', state: 'ESTABLISHED', id: sport,
  original: { src: '198.51.100.2', sport, dst: '198.51.100.1', dport: 8080 },
  reply: { src: '172.17.0.2', sport: 80, dst: '198.51.100.2', dport: sport },
  from: { kind: 'lan' }, to: w1, nat: 'dnat', hostPort: 8080, ...(bytes === undefined ? {} : { bytes }),
});
const w2ToW1: Flow = {
  protocol: 'tcp', state: 'ESTABLISHED', id: 11,
  original: { src: '172.17.0.3', sport: 59832, dst: '172.17.0.2', dport: 80 },
  reply: { src: '172.17.0.2', sport: 80, dst: '172.17.0.3', dport: 59832 },
  from: w2, to: w1, nat: null,
};
const w2ToLan: Flow = {
  protocol: 'tcp', state: 'ESTABLISHED', id: 2,
  original: { src: '172.17.0.3', sport: 40214, dst: '198.51.100.2', dport: 8099 },
  reply: { src: '198.51.100.2', sport: 8099, dst: '198.51.100.1', dport: 40214 },
  from: w2, to: { kind: 'lan' }, nat: 'snat',
};
const w2ToOutsideUnknown: Flow = {
  protocol: 'tcp', state: 'ESTABLISHED', id: 3,
  original: { src: '172.17.0.3', sport: 40215, dst: '203.0.113.9', dport: 443 },
  reply: { src: '203.0.113.9', sport: 443, dst: '203.0.113.77', dport: 40215 },
  from: w2, to: { kind: 'outside' }, nat: 'snat',
};
const lanPingsHost: Flow = {
  protocol: 'icmp', state: 'REPLIED', id: 4,
  original: { src: '198.51.100.2', sport: null, dst: '198.51.100.1', dport: null },
  reply: { src: '198.51.100.1', sport: null, dst: '198.51.100.2', dport: null },
  from: { kind: 'lan' }, to: { kind: 'host' }, nat: null,
};

const listOf = (...entries: [Flow, number | null][]): FlowList => new Map(entries.map(([flow, endedAt]) => [`id:${flow.id}`, { flow, endedAt }]));

describe('flowLines', () => {
  it('draws a LAN client on a published port from the uplink holding the address it connected to, to the container', () => {
    const { lines, notDrawn } = flowLines(graph, snapshot, listOfFlows([lanToW1(35538)]));
    expect(notDrawn).toBe(0);
    expect(lines).toEqual([
      { id: `flow:${w1Node}→${uplink}`, source: uplink, target: w1Node, flows: 1, bytes: null, hostPorts: [8080], ended: false, endedAt: null },
    ]);
  });

  it('aggregates the flows of one pair: count, bytes where known, ended only when all ended, newest end', () => {
    const both = flowLines(graph, snapshot, listOf([lanToW1(1000, 500), 1_000], [lanToW1(1001, 24), 3_000], [lanToW1(1002), null]));
    expect(both.lines).toHaveLength(1);
    expect(both.lines[0]).toMatchObject({ flows: 3, bytes: 524, ended: false, endedAt: 3_000 });
    const allEnded = flowLines(graph, snapshot, listOf([lanToW1(1000), 1_000], [lanToW1(1001), 3_000]));
    expect(allEnded.lines[0]).toMatchObject({ flows: 2, bytes: null, ended: true, endedAt: 3_000 });
  });

  it('draws container to container between their nodes, and one line per pair whichever way', () => {
    const back: Flow = { ...w2ToW1, id: 9, original: w2ToW1.reply, reply: w2ToW1.original, from: w1, to: w2 };
    const { lines } = flowLines(graph, snapshot, listOf([w2ToW1, null], [back, null]));
    expect(lines).toHaveLength(1);
    expect(lines[0]).toMatchObject({ source: w2Node, target: w1Node, flows: 2 });
  });

  it('draws a masqueraded flow to the uplink holding the address Docker rewrote it to', () => {
    const { lines } = flowLines(graph, snapshot, listOf([w2ToLan, null]));
    expect(lines).toEqual([expect.objectContaining({ source: w2Node, target: uplink, hostPorts: [] })]);
  });

  it('counts as not drawn what has no host link to end at, and a LAN ↔ host flow that lands on one node', () => {
    const { lines, notDrawn } = flowLines(graph, snapshot, listOf([w2ToOutsideUnknown, null], [lanPingsHost, null], [w2ToW1, null]));
    expect(lines).toHaveLength(1);
    expect(notDrawn).toBe(2);
  });

  it('ends at the group node when the container is folded', () => {
    const folded = groupGraph(graph, snapshot, new Set([bridgeNetwork.id]));
    const { lines } = flowLines(folded, snapshot, listOf([lanToW1(1), null], [w2ToLan, null], [w2ToW1, null]));
    const group = nodeId.group(bridgeNetwork.id);
    // w1 and w2 fold into one node: their flow with each other has no line, the LAN ones share one.
    expect(lines).toEqual([expect.objectContaining({ source: uplink, target: group, flows: 2, hostPorts: [8080] })]);
  });
});

const topologyEnglish = englishSay('topology');

describe('flowLineWidth and flowLineLabel', () => {
  it('grows with the log of concurrent flows', () => {
    expect(flowLineWidth(1)).toBe(2.5);
    expect(flowLineWidth(3)).toBe(3.5);
  });

  it('says how many flows, through which host ports, and the bytes when known', () => {
    const line = { id: 'x', source: 'a', target: 'b', ended: false, endedAt: null };
    expect(flowLineLabel({ ...line, flows: 3, bytes: null, hostPorts: [8080] }, topologyEnglish)).toBe('3 flows · via 8080');
    expect(flowLineLabel({ ...line, flows: 1, bytes: 2048, hostPorts: [] }, topologyEnglish)).toBe('1 flow · 2.0 KiB');
  });
});

// Drop marks on the topology (src/renderer/src/views/topology/drop-marks.ts) on the docker28 seed
// lab's graph: each event on the node or cable it names, on the group or folded cable that stands
// for it when folded, on the host when nothing drawn does; "cannot be read" kept apart from "none".
import { describe, expect, it } from 'vitest';
import { buildGraph, nodeId } from '../../../src/shared/topology/graph';
import { groupGraph } from '../../../src/shared/topology/group-graph';
import type { DropEvent, DropsReport } from '../../../src/shared/traffic-model';
import { DropMarksStore, dropLines, dropMarksOf } from '../../../src/renderer/src/views/topology/drop-marks';
import { docker28Snapshot } from '../flows/docker28-snapshot';
import { englishSay } from '../renderer/i18n/english';

const snapshot = docker28Snapshot();
const graph = buildGraph(snapshot);
const w1 = snapshot.containers.find((c) => c.name === 'w1')!;
const w1Veth = w1.endpoints[0]!.hostVeth!;
const bridgeNetwork = snapshot.networks.find((n) => n.name === 'bridge')!;

const event = (over: Partial<DropEvent>): DropEvent => ({
  ruleId: 'ipv4:filter:-A DOCKER-USER -d 172.17.0.2/32 -j DROP',
  family: 'ipv4',
  table: 'filter',
  chain: 'DOCKER-USER',
  spec: '-A DOCKER-USER -d 172.17.0.2/32 -j DROP',
  target: 'DROP',
  explain: '',
  container: null,
  places: [],
  where: 'the host',
  packets: 1,
  bytes: 60,
  totalPackets: 3,
  totalBytes: 180,
  firstAt: '2026-12-06T10:00:00.000Z',
  lastAt: '2026-12-06T10:00:02.000Z',
  ...over,
});
const report = (events: DropEvent[]): DropsReport => ({ readable: true, notes: [], windowMs: 60_000, events });

const toW1 = event({ places: [nodeId.container(w1.id)], where: 'container w1' });
const onCable = event({ ruleId: 'cable', spec: `-A FORWARD -o ${w1Veth} -j DROP`, places: [`veth:${w1Veth}`], totalPackets: 2 });
const onBridge = event({ ruleId: 'bridge', spec: '-A DOCKER ! -i docker0 -o docker0 -j DROP', chain: 'DOCKER', places: ['link:docker0'], totalPackets: 5 });
const policy = event({ ruleId: null, spec: 'policy DROP', target: 'policy', chain: 'FORWARD', totalPackets: 12 });
const gone = event({ ruleId: 'gone', places: ['link:vethgone'], totalPackets: 1 });

describe('dropMarksOf', () => {
  it('marks the node or cable each drop names, and puts the rest on the host', () => {
    const marks = dropMarksOf(report([toW1, onCable, onBridge, policy, gone]), graph);
    expect(marks.byId.get(nodeId.container(w1.id))).toEqual({ packets: 3, events: [toW1] });
    expect(marks.byId.get(`veth:${w1Veth}`)).toEqual({ packets: 2, events: [onCable] });
    expect(marks.byId.get('link:docker0')).toEqual({ packets: 5, events: [onBridge] });
    expect(marks.host).toEqual({ packets: 13, events: [policy, gone] });
    expect(marks.readable).toBe(true);
    expect(dropLines(marks.host!, englishSay('topology'))).toEqual(['12 dropped by the FORWARD policy (filter)', '1 dropped by filter DOCKER-USER: -A DOCKER-USER -d 172.17.0.2/32 -j DROP']);
  });

  it("marks a folded network's group for its container, and the folded cable for its veth", () => {
    const folded = groupGraph(graph, snapshot, new Set([bridgeNetwork.id]));
    const marks = dropMarksOf(report([toW1, onCable]), folded);
    const group = folded.nodes.find((n) => n.type === 'group' && n.members.some((m) => m.id === w1.id))!;
    expect(marks.byId.get(group.id)?.events).toEqual([toW1]);
    const cable = folded.edges.find((e) => e.carries.includes(w1Veth))!;
    expect(marks.byId.get(cable.id)?.events).toEqual([onCable]);
    expect(marks.host).toBeNull();
  });

  it('keeps "cannot be read" apart from "no drops" and from "not read"', () => {
    expect(dropMarksOf(null, graph)).toMatchObject({ readable: null, host: null });
    expect(dropMarksOf({ readable: false, notes: ['not root'], windowMs: 60_000, events: [] }, graph)).toMatchObject({ readable: false, notes: ['not root'] });
    expect(dropMarksOf(report([]), graph)).toMatchObject({ readable: true, host: null });
  });

  it('the store keeps the marks shown when a sample did not read the firewall', () => {
    const store = new DropMarksStore();
    store.setGraph(graph);
    store.update(report([onBridge]));
    store.update(null);
    expect(store.read().byId.get('link:docker0')?.events).toEqual([onBridge]);
  });
});

import { describe, expect, it } from 'vitest';
import { buildGraph, nodeId } from '../../../src/shared/topology/graph';
import { AUTO_FOLD_AT, foldedNetworks, groupGraph } from '../../../src/shared/topology/group-graph';
import { syntheticSnapshot } from '../../fixtures/synthetic-snapshot';

const none = new Map<string, boolean>();

describe('foldedNetworks', () => {
  it('folds only crowded networks in auto mode, every network with containers in network mode, none when off', () => {
    // 100 containers over 5 networks: about 22 each, dual-homed ones included.
    const small = syntheticSnapshot(100);
    expect(AUTO_FOLD_AT).toBeGreaterThan(25);
    expect(foldedNetworks(small, { mode: 'auto', overrides: none }).size).toBe(0);
    const busy = syntheticSnapshot(500);
    expect(foldedNetworks(busy, { mode: 'auto', overrides: none }).size).toBe(5);
    expect(foldedNetworks(small, { mode: 'network', overrides: none }).size).toBe(5);
    expect(foldedNetworks(busy, { mode: 'off', overrides: none }).size).toBe(0);
  });

  it("lets the user's choice for one network win over the mode", () => {
    const busy = syntheticSnapshot(500);
    const bridge = busy.networks[0]!.id;
    const folded = foldedNetworks(busy, { mode: 'auto', overrides: new Map([[bridge, false]]) });
    expect(folded.has(bridge)).toBe(false);
    expect(folded.size).toBe(4);
    expect(foldedNetworks(busy, { mode: 'off', overrides: new Map([[bridge, true]]) })).toEqual(new Set([bridge]));
  });
});

describe('groupGraph', () => {
  const s = syntheticSnapshot(500);
  const graph = buildGraph(s);
  const all = new Set(s.networks.map((n) => n.id));

  it('replaces 500 containers by one node per network and keeps bridges and NICs', () => {
    const g = groupGraph(graph, s, all);
    expect(g.nodes.filter((n) => n.type === 'container')).toHaveLength(0);
    const groups = g.nodes.filter((n) => n.type === 'group');
    expect(groups).toHaveLength(5);
    expect(groups.reduce((sum, n) => sum + (n.type === 'group' ? n.members.length : 0), 0)).toBe(500);
    expect(g.nodes.filter((n) => n.type === 'bridge')).toHaveLength(5);
    expect(g.nodes.length).toBeLessThan(15);
  });

  it('merges the cables into one edge per bridge and group that carries every veth, once', () => {
    const g = groupGraph(graph, s, all);
    const carried = g.edges.flatMap((e) => e.carries).sort();
    const veths = graph.edges.filter((e) => e.kind === 'veth').flatMap((e) => e.carries).sort();
    expect(carried).toEqual(veths);
    const docker0 = g.edges.find((e) => e.source === nodeId.link('docker0') && e.target === nodeId.group(s.networks[0]!.id))!;
    expect(docker0.kind).toBe('veth');
    expect(docker0.label).toBe(`${docker0.carries.length} cables`);
    // A container on two folded networks lives in the group of the first by name; its second cable
    // comes from the other bridge to that same group.
    const dual = s.containers[9]!;
    expect(dual.endpoints).toHaveLength(2);
    const edgeIds = new Set(g.edges.map((e) => e.id));
    expect(edgeIds.size).toBe(g.edges.length);
  });

  it('keeps a container drawn while any of its networks is unfolded, and when revealed', () => {
    const bridge = s.networks[0]!.id;
    const g = groupGraph(graph, s, new Set([...all].filter((id) => id !== bridge)));
    const drawn = new Set(g.nodes.filter((n) => n.type === 'container').map((n) => n.id));
    for (const c of s.containers) {
      const onBridge = c.endpoints.some((e) => e.networkId === bridge);
      expect(drawn.has(nodeId.container(c.id))).toBe(onBridge);
    }
    const target = nodeId.container(s.containers[42]!.id);
    const revealed = groupGraph(graph, s, all, new Set([target]));
    expect(revealed.nodes.map((n) => n.id)).toContain(target);
    expect(revealed.edges.some((e) => e.target === target && e.kind === 'veth')).toBe(true);
  });

  it('returns the graph as it is when nothing is folded', () => {
    expect(groupGraph(graph, s, new Set())).toBe(graph);
  });
});

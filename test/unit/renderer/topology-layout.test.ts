import ELK from 'elkjs/lib/elk.bundled.js';
import { describe, expect, it } from 'vitest';
import { buildGraph } from '../../../src/shared/topology/graph';
import { containersPerNetwork, foldedNetworks, groupGraph } from '../../../src/shared/topology/group-graph';
import { boundsOf, elkGraphOf, layoutKey, NODE_WIDTH, nodeHeight, positionsOf } from '../../../src/renderer/src/views/topology/layout';
import { foldControlsOf } from '../../../src/renderer/src/views/topology/fold-controls';
import { cableLabel, cableWidth } from '../../../src/renderer/src/views/topology/traffic-style';
import { syntheticSnapshot } from '../../fixtures/synthetic-snapshot';

describe('topology layout', () => {
  it('places 500 containers without two nodes overlapping, each right of the bridges it is cabled to', async () => {
    const graph = buildGraph(syntheticSnapshot(500));
    const positions = positionsOf(await new ELK().layout(elkGraphOf(graph)));
    expect(positions.size).toBe(graph.nodes.length);
    const boxes = graph.nodes.map((n) => ({ ...positions.get(n.id)!, h: nodeHeight(n), type: n.type }));
    const byColumn = new Map<number, typeof boxes>();
    for (const b of boxes) byColumn.set(b.x, [...(byColumn.get(b.x) ?? []), b]);
    for (const column of byColumn.values()) {
      const sorted = column.sort((a, b) => a.y - b.y);
      for (let i = 1; i < sorted.length; i++) expect(sorted[i]!.y).toBeGreaterThanOrEqual(sorted[i - 1]!.y + sorted[i - 1]!.h);
    }
    const cables = graph.edges.filter((e) => e.kind === 'veth');
    expect(cables.length).toBeGreaterThan(500);
    for (const cable of cables) expect(positions.get(cable.source)!.x + NODE_WIDTH).toBeLessThan(positions.get(cable.target)!.x);
    const bounds = boundsOf(graph, positions);
    for (const b of boxes) {
      expect(b.x).toBeGreaterThanOrEqual(bounds.x);
      expect(b.y + b.h).toBeLessThanOrEqual(bounds.y + bounds.height);
    }
  });

  it('keys the layout on structure only: a new state or IP keeps it, a new container changes it', () => {
    const s = syntheticSnapshot(20);
    const key = layoutKey(buildGraph(s));
    const moved = structuredClone(s);
    moved.containers[3]!.state = 'exited';
    moved.containers[4]!.endpoints[0]!.ip = '10.1.2.3/24';
    expect(layoutKey(buildGraph(moved))).toBe(key);
    expect(layoutKey(buildGraph(syntheticSnapshot(21)))).not.toBe(key);
  });
});

describe('fold controls', () => {
  const s = syntheticSnapshot(100);
  const graph = buildGraph(s);

  it('puts a fold button on a bridge with enough containers and an unfold one on the folded group', () => {
    const bridge = graph.nodes.find((n) => n.type === 'bridge' && n.label === 'docker0')!;
    expect(foldControlsOf(bridge, containersPerNetwork(s), new Set())).toEqual([expect.objectContaining({ networkName: 'bridge', folded: false })]);
    const folded = foldedNetworks(s, { mode: 'network', overrides: new Map() });
    expect(foldControlsOf(bridge, containersPerNetwork(s), folded)).toBeUndefined();
    const group = groupGraph(graph, s, folded).nodes.find((n) => n.type === 'group' && n.network.name === 'bridge')!;
    expect(foldControlsOf(group, containersPerNetwork(s), folded)).toEqual([expect.objectContaining({ networkName: 'bridge', folded: true })]);
  });

  it('offers nothing for a network of a few containers or a NIC', () => {
    const few = syntheticSnapshot(5);
    const fewGraph = buildGraph(few);
    for (const node of fewGraph.nodes) expect(foldControlsOf(node, containersPerNetwork(few), new Set())).toBeUndefined();
  });
});

describe('cable traffic style', () => {
  it('is thin and unlabelled when idle, thicker by orders of magnitude, capped', () => {
    expect(cableWidth(0)).toBe(2);
    expect(cableLabel(0, 0)).toBeNull();
    expect(cableWidth(10 * 1024)).toBeGreaterThan(cableWidth(100));
    expect(cableWidth(10 * 1024 * 1024)).toBeGreaterThan(cableWidth(10 * 1024));
    expect(cableWidth(1e12)).toBe(8);
    expect(cableLabel(3 * 1024 * 1024, 2048)).toBe('↓ 3.0 MiB/s ↑ 2.0 KiB/s');
  });
});

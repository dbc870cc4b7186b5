import { describe, expect, it } from 'vitest';
import { buildGraph, nodeId } from '../../../src/shared/topology/graph';
import { searchGraph } from '../../../src/shared/topology/search-graph';
import { syntheticSnapshot } from '../../fixtures/synthetic-snapshot';

describe('searchGraph', () => {
  const s = syntheticSnapshot(60);
  const g = buildGraph(s);
  const c = s.containers[7]!;

  it('finds a container by name, IP, id prefix, host veth and image, case-insensitively', () => {
    expect(searchGraph(g, 'SVC-007')).toEqual(new Set([nodeId.container(c.id)]));
    expect(searchGraph(g, c.endpoints[0]!.ip!.split('/')[0]!)).toContain(nodeId.container(c.id));
    expect(searchGraph(g, c.id.slice(0, 12))).toEqual(new Set([nodeId.container(c.id)]));
    expect(searchGraph(g, c.endpoints[0]!.hostVeth!)).toEqual(new Set([nodeId.container(c.id)]));
    expect(searchGraph(g, 'redis').size).toBe(20);
  });

  it('needs every word to match', () => {
    expect(searchGraph(g, 'redis net2').size).toBeGreaterThan(0);
    for (const id of searchGraph(g, 'redis net2')) {
      const node = g.nodes.find((n) => n.id === id)!;
      expect(node.type === 'container' && node.container.image === 'redis:7' && node.container.endpoints.some((e) => e.network === 'net2')).toBe(true);
    }
  });

  it('finds a bridge by its network and nothing for an empty query or a miss', () => {
    expect(searchGraph(g, 'net3')).toContain(nodeId.link('br-000000000003'));
    expect(searchGraph(g, '  ').size).toBe(0);
    expect(searchGraph(g, 'no-such-thing').size).toBe(0);
  });
});

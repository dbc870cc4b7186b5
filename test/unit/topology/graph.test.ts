import { describe, expect, it } from 'vitest';
import { assembleSnapshot } from '../../../src/main/engine/snapshot/assemble-snapshot';
import { buildGraph, nodeId } from '../../../src/shared/topology/graph';
import { lab, labInputs } from '../lab-fixture';

describe('buildGraph', () => {
  const s = assembleSnapshot(labInputs());
  const g = buildGraph(s);
  const ids = new Set(g.nodes.map((n) => n.id));
  const container = (name: string) => s.containers.find((c) => c.name === name)!;

  it('draws each matched veth pair as a cable from its bridge to its container, not as a node', () => {
    for (const c of s.containers) {
      for (const e of c.endpoints.filter((x) => x.hostVeth)) {
        const network = s.networks.find((n) => n.id === e.networkId)!;
        expect(g.edges).toContainEqual(
          expect.objectContaining({ kind: 'veth', source: nodeId.link(network.bridge!), target: nodeId.container(c.id), label: `${e.hostVeth} ↔ ${e.interface}` }),
        );
        expect(ids.has(nodeId.link(e.hostVeth!))).toBe(false);
      }
    }
    expect(g.edges.filter((e) => e.target === nodeId.container(container('dual').id))).toHaveLength(2);
  });

  it('has a node for every container, bridge, non-bridge network and neighbour namespace', () => {
    for (const c of s.containers) expect(ids.has(nodeId.container(c.id))).toBe(true);
    for (const b of ['docker0', 'bphand0', s.networks.find((n) => n.name === 'intranet')!.bridge!]) expect(ids.has(nodeId.link(b))).toBe(true);
    for (const n of ['host', 'none']) expect(ids.has(nodeId.network(s.networks.find((x) => x.name === n)!.id))).toBe(true);
    expect(ids.has(nodeId.namespace(`${lab}-ns1`))).toBe(true);
    expect(ids.has(nodeId.namespace(`${lab}-host`))).toBe(false);
  });

  it('attaches host- and none-network containers to their network node', () => {
    const host = s.networks.find((n) => n.name === 'host')!;
    expect(g.edges).toContainEqual(expect.objectContaining({ kind: 'attach', source: nodeId.network(host.id), target: nodeId.container(container('hostnet').id) }));
  });

  it('cables a veth to an `ip netns` namespace from its bridge', () => {
    expect(g.edges).toContainEqual(expect.objectContaining({ id: 'veth:bpv0', source: nodeId.link('bphand0'), target: nodeId.namespace(`${lab}-ns1`) }));
  });

  it('points every edge at nodes that exist', () => {
    for (const e of g.edges) {
      expect(ids.has(e.source), e.id).toBe(true);
      expect(ids.has(e.target), e.id).toBe(true);
    }
  });

  it('without matches, containers hang off their bridge with a dashed membership edge', () => {
    const unmatched = buildGraph(assembleSnapshot({ ...labInputs(), privileged: false, report: null }));
    expect(unmatched.edges.filter((e) => e.kind === 'veth' && e.target.startsWith('container:'))).toEqual([]);
    expect(unmatched.edges).toContainEqual(expect.objectContaining({ kind: 'attach', source: nodeId.link('docker0'), target: nodeId.container(container('w1').id) }));
  });
});

import { describe, expect, it } from 'vitest';
import { assembleSnapshot } from '../../../src/main/engine/snapshot/assemble-snapshot';
import type { ForeignNamespaceRead } from '../../../src/main/engine/netns/parse-namespace-report';
import { lab, labInputs } from '../lab-fixture';

describe('assembleSnapshot on a captured lab host', () => {
  it('matches every running container endpoint to a host veth on the right bridge', () => {
    const s = assembleSnapshot(labInputs());
    const intranetBridge = s.networks.find((n) => n.name === 'intranet')!.bridge;
    const expectedMaster: Record<string, string | null> = { bridge: 'docker0', intranet: intranetBridge };
    const endpoints = s.containers.filter((c) => c.pid !== null && c.networkMode !== 'host' && c.networkMode !== 'none').flatMap((c) =>
      c.endpoints.map((e) => ({ c, e })),
    );
    expect(endpoints).toHaveLength(5);
    for (const { c, e } of endpoints) {
      const veth = s.links.find((l) => l.name === e.hostVeth);
      expect(veth, `${c.name}/${e.network}`).toBeDefined();
      expect(veth!.master).toBe(expectedMaster[e.network]);
      expect(veth!.peer).toMatchObject({ containerId: c.id, interface: e.interface });
      expect(c.links?.find((l) => l.name === e.interface)?.mac).toBe(e.mac);
    }
    expect(new Set(endpoints.map(({ e }) => e.hostVeth)).size).toBe(5);
    expect(s.limitations).toEqual([]);
  });

  it('names the namespace at the other end of a hand-made veth, and marks the one it runs in', () => {
    const s = assembleSnapshot(labInputs());
    expect(s.links.find((l) => l.name === 'bpv0')?.peer).toMatchObject({ namespace: `${lab}-ns1`, interface: 'bpv1', containerId: null });
    expect(s.links.find((l) => l.name === `${lab}up`)?.peer).toMatchObject({ namespace: `${lab}-lan`, interface: `${lab}lan` });
    const current = s.namespaces.find((n) => n.current);
    expect(current?.name).toBe(`${lab}-host`);
    expect(current?.links).toEqual(s.links);
  });

  it('never matches by index alone: a wrong nsid on either side breaks the pair', () => {
    const inputs = labInputs();
    const reads = [...inputs.report!.containers.values()] as ForeignNamespaceRead[];
    // Swap the host-side nsids of two containers: ifindexes still line up, namespaces do not.
    const [a, b] = reads;
    [a!.nsidFromHost, b!.nsidFromHost] = [b!.nsidFromHost, a!.nsidFromHost];
    // And claim a different host nsid from inside a third one.
    reads[2]!.hostNsidInside = (reads[2]!.hostNsidInside ?? 0) + 100;
    const s = assembleSnapshot(inputs);
    const matched = s.containers.flatMap((c) => c.endpoints).filter((e) => e.hostVeth !== null);
    const tampered = [a, b, reads[2]].map((r) => r!.links.filter((l) => l.kind === 'veth').length).reduce((x, y) => x + y, 0);
    expect(matched.length).toBe(5 - tampered);
  });

  it('without privilege it shows what it read, matches nothing and says why', () => {
    const s = assembleSnapshot({ ...labInputs(), privileged: false, report: null });
    expect(s.containers.flatMap((c) => c.endpoints).every((e) => e.hostVeth === null && e.interface === null)).toBe(true);
    expect(s.links.every((l) => l.peer === null || (l.peer.containerId === null && l.peer.namespace === null))).toBe(true);
    expect(s.limitations[0]).toMatch(/Not running as root/);
    expect(s.namespaces.filter((n) => !n.current).every((n) => n.error === 'needs root to enter the namespace')).toBe(true);
  });

  it('reports a container whose namespace could not be entered', () => {
    const inputs = labInputs();
    const w1 = inputs.docker.containers.find((c) => c.name === 'w1')!;
    inputs.report!.containers.set(w1.pid!, new Error('could not enter the network namespace of pid 1 (process gone?)'));
    const s = assembleSnapshot(inputs);
    expect(s.containers.find((c) => c.name === 'w1')!.endpoints[0]!.hostVeth).toBeNull();
    expect(s.limitations.some((l) => l.startsWith('w1: could not enter'))).toBe(true);
  });
});

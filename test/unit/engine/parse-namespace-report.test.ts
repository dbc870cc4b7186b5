import { describe, expect, it } from 'vitest';
import { parseNamespaceReport } from '../../../src/main/engine/netns/parse-namespace-report';
import { fixtureText, lab } from '../lab-fixture';

describe('parseNamespaceReport', () => {
  it('reads named namespaces and container namespaces with the nsids of both sides', () => {
    const report = parseNamespaceReport(fixtureText('namespace-report.txt'));
    const ns1 = report.named.get(`${lab}-ns1`);
    if (!ns1 || ns1 instanceof Error) throw new Error('ns1 not read');
    expect(ns1.links.map((l) => l.name)).toEqual(['lo', 'bpv1']);
    // The host's nsid from inside the named namespace: what its veth's link_netnsid must name.
    expect(ns1.hostNsidInside).toEqual(expect.any(Number));
    expect(ns1.links.find((l) => l.name === 'bpv1')?.peerNetnsId).toBe(ns1.hostNsidInside);
    expect(report.containers.size).toBe(5);
    const reads = [...report.containers.values()].map((read) => {
      if (read instanceof Error) throw read;
      return read;
    });
    for (const read of reads) expect(read.links[0]?.kind).toBe('loopback');
    // Containers cabled to the host have nsids both ways; the --network none one has no veth, so none is assigned.
    const cabled = reads.filter((r) => r.links.some((l) => l.kind === 'veth'));
    expect(cabled).toHaveLength(4);
    for (const read of cabled) {
      expect(read.nsidFromHost).toEqual(expect.any(Number));
      expect(read.hostNsidInside).toEqual(expect.any(Number));
    }
    const isolated = reads.find((r) => r.links.length === 1)!;
    expect(isolated.nsidFromHost).toBeNull();
  });

  it('turns a namespace that could not be entered into an error, not an empty namespace', () => {
    const report = parseNamespaceReport(['@@named gone', '@@error', '@@nsids', '[{"name":"42","id":3}]', '@@pid 42', '@@error', ''].join('\n'));
    expect(report.named.get('gone')).toBeInstanceOf(Error);
    expect(report.containers.get(42)).toBeInstanceOf(Error);
  });

  it('leaves nsids null when none is assigned', () => {
    const links = '[{"ifindex":1,"ifname":"lo","flags":["LOOPBACK"],"mtu":65536,"operstate":"DOWN","link_type":"loopback"}]';
    const report = parseNamespaceReport(['@@nsids', '[{"name":"7"},{"name":"host"}]', '@@pid 7', links, '[{"name":"7"},{"name":"host"}]'].join('\n'));
    expect(report.containers.get(7)).toMatchObject({ nsidFromHost: null, hostNsidInside: null });
  });
});

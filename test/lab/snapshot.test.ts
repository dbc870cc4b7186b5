// The CLI's snapshot against a real Docker host (the seed scenario), compared with what
// `docker inspect`, `docker network inspect` and `ip -j link` inside each container say.
import { beforeAll, describe, expect, it } from 'vitest';
import type { Container, Snapshot } from '../../src/shared/model';
import { bridgeport, containerIpLinks, ipLinks, labEnv, run, runJson, type IpLink } from './support';

interface DockerInspect {
  Id: string;
  Name: string;
  State: { Running: boolean; Pid: number };
  HostConfig: { NetworkMode: string };
  NetworkSettings: { Networks: Record<string, { NetworkID: string; IPAddress: string; IPPrefixLen: number; MacAddress: string; Gateway: string }> };
}

interface DockerNetwork {
  Id: string;
  Name: string;
  Driver: string;
  IPAM: { Config: Array<{ Subnet: string; Gateway?: string }> | null };
  Containers: Record<string, unknown> | null;
  Options: Record<string, string>;
}

let snapshot: Snapshot;
let inspects: DockerInspect[];
let hostLinks: IpLink[];

/**
 * The oracle for veth pairs, computed here independently of the engine: for each veth inside a
 * container, the host link it names must name it back (ifindex both ways) and be the only such link.
 */
async function oracleHostVeth(pid: number, mac: string): Promise<string | null> {
  const inner = (await containerIpLinks(pid)).find((l) => l.address === mac);
  if (!inner || inner.link_index === undefined) return null;
  const candidates = hostLinks.filter((h) => h.ifindex === inner.link_index && h.link_index === inner.ifindex && h.link_netnsid !== undefined);
  expect(candidates).toHaveLength(1);
  return candidates[0]!.ifname;
}

function container(name: string): Container {
  const c = snapshot.containers.find((x) => x.name === name);
  if (!c) throw new Error(`container ${name} missing from the snapshot`);
  return c;
}

beforeAll(async () => {
  const result = await bridgeport(['snapshot', '--json']);
  expect(result.exitCode, result.stderr).toBe(0);
  snapshot = JSON.parse(result.stdout) as Snapshot;
  const all = (await run('docker', ['ps', '-aq', '--no-trunc'])).split('\n').filter(Boolean);
  inspects = await runJson<DockerInspect[]>('docker', ['inspect', ...all]);
  hostLinks = await ipLinks();
});

describe('snapshot --json in the seed scenario', () => {
  it('reports Docker as available with its version', async () => {
    expect(snapshot.docker.available).toBe(true);
    // The lab's engine (BP_LAB_ENGINE) decides the version: read it from the engine, never assume it.
    expect(snapshot.docker.version).toBe(await run('docker', ['version', '--format', '{{.Server.Version}}']));
    expect(snapshot.host.privileged).toBe(true);
    expect(snapshot.limitations).toEqual([]);
  });

  it('lists exactly the links `ip -j link` shows in the host namespace, with kinds', () => {
    expect(snapshot.links.map((l) => [l.ifindex, l.name]).sort()).toEqual(hostLinks.map((l) => [l.ifindex, l.ifname]).sort());
    const kind = (name: string) => snapshot.links.find((l) => l.name === name)?.kind;
    expect(kind('lo')).toBe('loopback');
    expect(kind('docker0')).toBe('bridge');
    expect(kind('bphand0')).toBe('bridge');
    expect(kind(`${labEnv().lab}up`)).toBe('veth');
  });

  it('has every container docker knows, with image, state and endpoints as docker inspect says', () => {
    expect(snapshot.containers.map((c) => c.id).sort()).toEqual(inspects.map((i) => i.Id).sort());
    for (const inspect of inspects) {
      const c = snapshot.containers.find((x) => x.id === inspect.Id)!;
      expect(c.name).toBe(inspect.Name.replace(/^\//, ''));
      for (const [network, e] of Object.entries(inspect.NetworkSettings.Networks)) {
        const endpoint = c.endpoints.find((x) => x.network === network);
        expect(endpoint, `${c.name} on ${network}`).toBeDefined();
        expect(endpoint!.ip).toBe(e.IPAddress ? `${e.IPAddress}/${e.IPPrefixLen}` : null);
        expect(endpoint!.mac).toBe(e.MacAddress || null);
        expect(endpoint!.gateway).toBe(e.Gateway || null);
      }
    }
  });

  it('matches each container interface to its host veth exactly (default bridge, user bridge, two networks)', async () => {
    let checked = 0;
    for (const inspect of inspects.filter((i) => i.State.Running)) {
      const c = snapshot.containers.find((x) => x.id === inspect.Id)!;
      for (const endpoint of c.endpoints) {
        if (!endpoint.mac) continue;
        const expected = await oracleHostVeth(inspect.State.Pid, endpoint.mac);
        expect(endpoint.hostVeth, `${c.name} ${endpoint.network}`).toBe(expected);
        const hostLink = snapshot.links.find((l) => l.name === expected)!;
        expect(hostLink.peer?.containerId).toBe(c.id);
        expect(hostLink.peer?.interface).toBe(endpoint.interface);
        checked++;
      }
    }
    // w1, w2, dual (2 networks), i1.
    expect(checked).toBe(5);
    const dual = container('dual');
    const masters = dual.endpoints.map((e) => snapshot.links.find((l) => l.name === e.hostVeth)?.master).sort();
    const intranet = snapshot.networks.find((n) => n.name === 'intranet')!;
    expect(masters).toEqual(['docker0', intranet.bridge].sort());
    expect(new Set(dual.endpoints.map((e) => e.interface)).size).toBe(2);
    expect(container('w1').endpoints[0]!.interface).toBe('eth0');
  });

  it('shows host-network and none-network containers as such', () => {
    const hostnet = container('hostnet');
    expect(hostnet.networkMode).toBe('host');
    expect(hostnet.endpoints.every((e) => e.hostVeth === null)).toBe(true);
    const nonet = container('nonet');
    expect(nonet.networkMode).toBe('none');
    expect(nonet.links?.map((l) => l.kind)).toEqual(['loopback']);
  });

  it('lists the Docker networks as docker network inspect does', async () => {
    const networks = await runJson<DockerNetwork[]>('sh', ['-c', 'docker network inspect $(docker network ls -q)']);
    expect(snapshot.networks.map((n) => n.id).sort()).toEqual(networks.map((n) => n.Id).sort());
    for (const n of networks) {
      const s = snapshot.networks.find((x) => x.id === n.Id)!;
      expect(s.name).toBe(n.Name);
      expect(s.driver).toBe(n.Driver);
      expect(s.subnets).toEqual((n.IPAM.Config ?? []).map((c) => ({ subnet: c.Subnet, gateway: c.Gateway ?? null })));
      expect([...s.containers].sort()).toEqual(Object.keys(n.Containers ?? {}).sort());
      expect(s.options).toEqual(n.Options ?? {});
    }
    const intranet = snapshot.networks.find((n) => n.name === 'intranet')!;
    expect(intranet.subnets).toEqual([{ subnet: '172.28.0.0/16', gateway: '172.28.0.1' }]);
    expect(hostLinks.some((l) => l.ifname === intranet.bridge)).toBe(true);
    expect(snapshot.networks.find((n) => n.name === 'bridge')?.bridge).toBe('docker0');
  });

  it('shows the hand-made bridge and the `ip netns` namespace with its links, cabled by veth', () => {
    const { lab } = labEnv();
    const ns = snapshot.namespaces.find((n) => n.name === `${lab}-ns1`);
    expect(ns?.error).toBeNull();
    expect(ns?.links.find((l) => l.name === 'bpv1')?.addresses).toContain('10.99.0.2/24');
    expect(snapshot.namespaces.find((n) => n.name === `${lab}-host`)).toMatchObject({ current: true, error: null });
    expect(snapshot.namespaces.find((n) => n.name === `${lab}-lan`)?.current).toBe(false);
    expect(ns?.current).toBe(false);
    const bpv0 = snapshot.links.find((l) => l.name === 'bpv0')!;
    expect(bpv0.master).toBe('bphand0');
    expect(bpv0.peer).toMatchObject({ namespace: `${lab}-ns1`, interface: 'bpv1', containerId: null });
  });
});

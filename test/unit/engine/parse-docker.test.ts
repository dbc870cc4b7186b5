import { describe, expect, it } from 'vitest';
import { parseContainerInspect, parseNetwork } from '../../../src/main/engine/docker/parse-docker';
import { fixtureText } from '../lab-fixture';

const inspects = JSON.parse(fixtureText('containers.json')) as unknown[];
const containers = inspects.map(parseContainerInspect);
const byName = (name: string) => containers.find((c) => c.name === name)!;

describe('parseContainerInspect on captured docker inspect (20.10)', () => {
  it('reads name, image, state, pid and network mode', () => {
    expect(byName('w1')).toMatchObject({ image: 'bridgeport-lab/busybox:1', state: 'running', networkMode: 'bridge', pid: expect.any(Number) });
    expect(byName('hostnet').networkMode).toBe('host');
    expect(byName('nonet').networkMode).toBe('none');
    expect(byName('i1').networkMode).toBe('custom');
  });

  it('reads one endpoint per network with ip/len, mac and gateway', () => {
    expect(byName('w1').endpoints).toEqual([
      expect.objectContaining({ network: 'bridge', ip: expect.stringMatching(/^172\.17\.0\.\d+\/16$/), gateway: '172.17.0.1', hostVeth: null }),
    ]);
    expect(byName('dual').endpoints.map((e) => e.network)).toEqual(['bridge', 'intranet']);
    expect(byName('nonet').endpoints).toEqual([expect.objectContaining({ network: 'none', ip: null, mac: null })]);
  });

  it('a stopped container has no pid and keeps its endpoints without addresses', () => {
    const stopped = { Id: 'abc', Name: '/s', State: { Status: 'exited', Running: false, Pid: 0 }, NetworkSettings: { Networks: { bridge: { NetworkID: 'n', IPAddress: '' } } } };
    expect(parseContainerInspect(stopped)).toMatchObject({ pid: null, state: 'exited', endpoints: [{ network: 'bridge', ip: null }] });
  });

  it('a container sharing another one network namespace is marked as such', () => {
    expect(parseContainerInspect({ Id: 'x', HostConfig: { NetworkMode: 'container:abc' } }).networkMode).toBe('container');
  });
});

describe('parseNetwork', () => {
  const networks = (JSON.parse(fixtureText('networks.json')) as unknown[]).map((n) => parseNetwork(n, containers));
  const net = (name: string) => networks.find((n) => n.name === name)!;

  it('names the host bridge: docker0 for the default, br-<id12> for user networks', () => {
    expect(net('bridge').bridge).toBe('docker0');
    expect(net('intranet').bridge).toBe(`br-${net('intranet').id.slice(0, 12)}`);
    expect(net('host').bridge).toBeNull();
  });

  it('reads subnets with gateways and options', () => {
    expect(net('intranet').subnets).toEqual([{ subnet: '172.28.0.0/16', gateway: '172.28.0.1' }]);
    expect(net('bridge').options['com.docker.network.bridge.name']).toBe('docker0');
  });

  it('lists the running containers attached, as docker network inspect does', () => {
    expect(net('intranet').containers.sort()).toEqual([byName('dual').id, byName('i1').id].sort());
    expect(net('bridge').containers.length).toBe(3);
  });

  it('honours a bridge name given with -o com.docker.network.bridge.name', () => {
    const custom = parseNetwork({ Id: 'f'.repeat(64), Name: 'lan', Driver: 'bridge', Options: { 'com.docker.network.bridge.name': 'lan0' } }, []);
    expect(custom.bridge).toBe('lan0');
  });
});

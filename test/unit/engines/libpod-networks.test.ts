import { describe, expect, it } from 'vitest';
import { parseContainerInspect } from '../../../src/main/engine/docker/parse-docker';
import { aardvarkServers, parseLibpodNetworkList, toNetwork } from '../../../src/main/engine/engines/parse-libpod-networks';
import { podman } from './podman5-fixture';

const engine = { kind: 'podman' as const, id: '1dc83fee-a888-4048-acd5-74b4c5c5f88c' };
const p2 = parseContainerInspect(podman('compat-container-p2.json'));

describe('Podman networks from the libpod list', () => {
  const list = parseLibpodNetworkList(podman('libpod-networks.json'));

  it('names the real bridges: appnet on podman1, the default podman network on podman0', () => {
    const networks = list.map((n) => toNetwork(n, [p2], engine, false));
    expect(networks.map((n) => [n.name, n.bridge, n.subnets])).toEqual([
      ['appnet', 'podman1', [{ subnet: '10.89.0.0/24', gateway: '10.89.0.1' }]],
      ['podman', 'podman0', [{ subnet: '10.88.0.0/16', gateway: '10.88.0.1' }]],
    ]);
    expect(networks.every((n) => n.engine === engine && n.driver === 'bridge' && !n.internal)).toBe(true);
  });

  it("puts p2 on appnet by the network id Podman's compat inspect gives", () => {
    const networks = list.map((n) => toNetwork(n, [p2], engine, false));
    expect(networks.find((n) => n.name === 'appnet')?.containers).toEqual([p2.id]);
    expect(networks.find((n) => n.name === 'podman')?.containers).toEqual([]);
  });

  it('draws no host bridge for a rootless engine (its bridges live in a user namespace)', () => {
    expect(list.map((n) => toNetwork(n, [p2], engine, true).bridge)).toEqual([null, null]);
  });

  it('knows aardvark-dns answers at the gateway of DNS-enabled networks only', () => {
    expect([...aardvarkServers(list)]).toEqual([['appnet', ['10.89.0.1']]]);
  });
});

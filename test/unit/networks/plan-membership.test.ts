import { describe, expect, it } from 'vitest';
import { NetworkRefused } from '../../../src/shared/network-refused';
import { planConnect, planDisconnect, planRemove } from '../../../src/main/engine/networks/plan-membership';
import { networkConnectSchema, networkDisconnectSchema, networkRemoveSchema } from '../../../src/shared/network-model';
import { readings } from './fixture';

const ctx = readings();
const idOf = (name: string) => ctx.members.find((m) => m.name === name)!.id;
const netId = (name: string) => ctx.networks.find((n) => n.name === name)!.id;

const connect = (input: Record<string, unknown>) => planConnect(networkConnectSchema.parse(input), ctx);
const disconnect = (input: Record<string, unknown>) => planDisconnect(networkDisconnectSchema.parse(input), ctx);
const remove = (input: Record<string, unknown>) => planRemove(networkRemoveSchema.parse(input), ctx);

function refused(run: () => unknown): NetworkRefused {
  try {
    run();
  } catch (error) {
    if (error instanceof NetworkRefused) return error;
    throw error;
  }
  throw new Error('not refused');
}

describe('planConnect', () => {
  it('a static IP inside the subnet (outside the ip-range is fine: that is where static addresses belong) and aliases', () => {
    const plan = connect({ network: 'network_name', container: 'i1', ip: '172.20.9.20', aliases: ['api', 'api'] });
    expect(plan.body).toEqual({ Container: idOf('i1'), EndpointConfig: { IPAMConfig: { IPv4Address: '172.20.9.20' }, Aliases: ['api'] } });
    expect(plan.network.name).toBe('network_name');
  });

  it('without IP or aliases Docker picks the address; networks and containers are found by id prefix too', () => {
    const plan = connect({ network: netId('intranet').slice(0, 6), container: idOf('w2').slice(0, 8) });
    expect(plan.body).toEqual({ Container: idOf('w2'), EndpointConfig: {} });
  });

  it("a leftover of a failed connect is not a membership: w2 can join network_name", () => {
    expect(connect({ network: 'network_name', container: 'w2' }).member.name).toBe('w2');
  });

  const cases: Array<[string, Record<string, unknown>, string, RegExp]> = [
    ['unknown network', { network: 'nosuch', container: 'w1' }, 'network', /^no network named or with id "nosuch"$/],
    ['unknown container', { network: 'intranet', container: 'ghost' }, 'container', /^no container named or with id "ghost"$/],
    ['host network', { network: 'host', container: 'w1' }, 'network', /cannot join the host network afterwards/],
    ['none network', { network: 'none', container: 'w1' }, 'network', /cannot join the none network afterwards/],
    ['host container', { network: 'intranet', container: 'hostnet' }, 'container', /container hostnet uses the host's network/],
    ['none container', { network: 'intranet', container: 'nonet' }, 'container', /container nonet runs with --network none/],
    ['already there', { network: 'intranet', container: 'i1' }, 'container', /^container i1 is already on network intranet \(172\.28\.0\.3\)$/],
    ['stopped and already there', { network: 'network_name', container: 'st1' }, 'container', /^container st1 is already on network network_name$/],
    ['ip not an address', { network: 'network_name', container: 'i1', ip: '172.20.9' }, 'ip', /^ip "172\.20\.9" is not an IPv4 address$/],
    ['ip with prefix', { network: 'network_name', container: 'i1', ip: '172.20.9.9/16' }, 'ip', /is not an IPv4 address/],
    ['ip outside', { network: 'network_name', container: 'i1', ip: '172.21.0.5' }, 'ip', /^ip 172\.21\.0\.5 is outside the subnet of network_name \(172\.20\.0\.0\/16\)$/],
    ['ip is the gateway', { network: 'network_name', container: 'i1', ip: '172.20.0.1' }, 'ip', /^ip 172\.20\.0\.1 is the gateway of network_name$/],
    ['ip is the network address', { network: 'network_name', container: 'i1', ip: '172.20.0.0' }, 'ip', /network address of 172\.20\.0\.0\/16/],
    ['ip is the broadcast', { network: 'network_name', container: 'i1', ip: '172.20.255.255' }, 'ip', /broadcast address/],
    ['ip taken', { network: 'network_name', container: 'i1', ip: '172.20.9.9' }, 'ip', /^ip 172\.20\.9\.9 is taken by container w1 on network_name$/],
    ['ip reserved by a stopped container', { network: 'network_name', container: 'i1', ip: '172.20.9.10' }, 'ip', /reserved by container st1 on network_name \(created; it takes that address when it starts\)/],
    ['ip on the default bridge', { network: 'bridge', container: 'i1', ip: '172.17.0.50' }, 'ip', /a static IP needs a user-defined network; bridge is Docker's default bridge/],
    ['ip on the default gateway of the bridge', { network: 'intranet', container: 'w1', ip: '172.28.0.1' }, 'ip', /gateway of intranet/],
    ['aliases on the default bridge', { network: 'bridge', container: 'i1', aliases: ['x'] }, 'aliases', /aliases need a user-defined network/],
  ];

  it.each(cases)('refuses: %s', (_what, input, field, reason) => {
    const error = refused(() => connect(input));
    expect(error.field).toBe(field);
    expect(error.message).toMatch(reason);
  });

  it('the contract refuses bad aliases and names before the planner runs', () => {
    expect(networkConnectSchema.safeParse({ network: 'intranet', container: 'w1', aliases: ['bad alias'] }).success).toBe(false);
    expect(networkConnectSchema.safeParse({ network: 'intranet', container: 'w1;reboot' }).success).toBe(false);
  });
});

describe('planDisconnect', () => {
  it('a running and a stopped member', () => {
    expect(disconnect({ network: 'network_name', container: 'w1' }).body).toEqual({ Container: idOf('w1'), Force: false });
    expect(disconnect({ network: 'network_name', container: 'st1', force: true }).body).toEqual({ Container: idOf('st1'), Force: true });
  });

  it('refuses what is not there and the built-ins', () => {
    expect(refused(() => disconnect({ network: 'intranet', container: 'w1' })).message).toBe('container w1 is not on network intranet (it is on bridge, network_name)');
    expect(refused(() => disconnect({ network: 'network_name', container: 'w2' })).message).toBe('container w2 is not on network network_name (it is on bridge)');
    expect(refused(() => disconnect({ network: 'host', container: 'hostnet' })).message).toMatch(/cannot leave the host network/);
    expect(refused(() => disconnect({ network: 'none', container: 'nonet' })).message).toMatch(/cannot leave the none network/);
  });
});

describe('planRemove', () => {
  it('built-ins are refused', () => {
    expect(refused(() => remove({ name: 'bridge', disconnectContainers: true })).message).toBe("bridge is Docker's default bridge and cannot be removed");
    expect(refused(() => remove({ name: 'host' })).message).toBe("host is Docker's built-in host network and cannot be removed");
    expect(refused(() => remove({ name: 'none' })).message).toBe("none is Docker's built-in none network and cannot be removed");
  });

  it('refused while containers are attached, naming them (a stopped one with its state)', () => {
    expect(refused(() => remove({ name: 'network_name' })).message).toBe(
      'network network_name has 2 attached containers (st1 (created), w1): disconnect them first, or remove with --disconnect to do both',
    );
    expect(refused(() => remove({ name: 'intranet' })).message).toMatch(/^network intranet has 2 attached containers \(dual, i1\)/);
  });

  it('with disconnect: who goes first; an empty network goes at once', () => {
    expect(remove({ name: 'network_name', disconnectContainers: true }).disconnect.map((m) => m.name)).toEqual(['st1', 'w1']);
    expect(remove({ name: 'mv1' })).toMatchObject({ network: { name: 'mv1' }, disconnect: [] });
  });
});

// Which commands each link operation runs (argv arrays), and what the operation schemas let through.
import { describe, expect, it } from 'vitest';
import { OperationError, parseOperation } from '../../../src/main/privileged/contract/operations';
import {
  ipIn,
  planBridgeAdd,
  planForwardRule,
  planLinkDelete,
  planMove,
  planNetnsAdd,
  planSetUp,
  planVethAdd,
} from '../../../src/main/netcore/links/plan-link-commands';

describe('planMove (pipework)', () => {
  it('into a container: moved by nsfs path and renamed, then MTU, address, up and the default route, inside it', () => {
    const plan = planMove({ link: 'bpv1', to: { pid: 4242 }, rename: 'eth1', address: '10.77.0.2/24', gateway: '10.77.0.1', mtu: 1400 }, 99);
    const inside = ['nsenter', '--net=/proc/4242/ns/net', 'ip'];
    expect(plan).toEqual({
      create: ['ip', 'link', 'set', 'dev', 'bpv1', 'netns', '/proc/4242/ns/net', 'name', 'eth1'],
      then: [
        [...inside, 'link', 'set', 'dev', 'eth1', 'mtu', '1400'],
        [...inside, 'addr', 'add', '10.77.0.2/24', 'dev', 'eth1'],
        [...inside, 'link', 'set', 'dev', 'eth1', 'up'],
        [...inside, 'route', 'replace', 'default', 'via', '10.77.0.1', 'dev', 'eth1'],
      ],
      undo: [...inside, 'link', 'set', 'dev', 'eth1', 'netns', '/proc/99/ns/net', 'name', 'bpv1'],
    });
  });

  it('into a named namespace, keeping its name: just moved and up', () => {
    expect(planMove({ link: 'bpv3', to: { netns: 'lab-ns1' } }, 7)).toEqual({
      create: ['ip', 'link', 'set', 'dev', 'bpv3', 'netns', '/run/netns/lab-ns1'],
      then: [['ip', '-n', 'lab-ns1', 'link', 'set', 'dev', 'bpv3', 'up']],
      undo: ['ip', '-n', 'lab-ns1', 'link', 'set', 'dev', 'bpv3', 'netns', '/proc/7/ns/net', 'name', 'bpv3'],
    });
  });

  it('never gives `ip … netns` a bare word (a name that is digits would be read as a pid)', () => {
    const plan = planMove({ link: 'v', to: { netns: '1' } }, 5);
    expect(plan.create).toContain('/run/netns/1');
    expect(plan.create).not.toContain('1');
  });
});

describe('the other plans', () => {
  it('netns: add, tag and raise lo; undo deletes it', () => {
    expect(planNetnsAdd({ name: 'x-ns' })).toEqual({
      create: ['ip', 'netns', 'add', 'x-ns'],
      then: [
        ['ip', '-n', 'x-ns', 'link', 'set', 'dev', 'lo', 'alias', 'bridgeport:made'],
        ['ip', '-n', 'x-ns', 'link', 'set', 'dev', 'lo', 'up'],
      ],
      undo: ['ip', 'netns', 'del', 'x-ns'],
    });
  });

  it('bridge: names after keywords, tagged, addressed, up', () => {
    expect(planBridgeAdd({ name: 'type', mtu: 1400, address: '10.1.0.1/24' })).toEqual({
      create: ['ip', 'link', 'add', 'name', 'type', 'mtu', '1400', 'type', 'bridge'],
      then: [
        ['ip', 'link', 'set', 'dev', 'type', 'alias', 'bridgeport:made'],
        ['ip', 'addr', 'add', '10.1.0.1/24', 'dev', 'type'],
        ['ip', 'link', 'set', 'dev', 'type', 'up'],
      ],
      undo: ['ip', 'link', 'del', 'dev', 'type'],
    });
    expect(planBridgeAdd({ name: 'br1' }).then).toHaveLength(2);
  });

  it('a made bridge forwards between its own ports (Docker sets FORWARD to DROP), by a rule marked as ours', () => {
    expect(planForwardRule('bpbr0', '-A')).toEqual(['iptables', '-w', '5', '-A', 'FORWARD', '-i', 'bpbr0', '-o', 'bpbr0', '-m', 'comment', '--comment', 'bridgeport:made', '-j', 'ACCEPT']);
    expect(planForwardRule('bpbr0', '-D')[3]).toBe('-D');
  });

  it('veth: both ends tagged, one on the bridge, both up; undo deletes the pair', () => {
    expect(planVethAdd({ name: 'va', peer: 'vb', mtu: 9000, master: 'br1' })).toEqual({
      create: ['ip', 'link', 'add', 'name', 'va', 'mtu', '9000', 'type', 'veth', 'peer', 'name', 'vb', 'mtu', '9000'],
      then: [
        ['ip', 'link', 'set', 'dev', 'va', 'alias', 'bridgeport:made'],
        ['ip', 'link', 'set', 'dev', 'vb', 'alias', 'bridgeport:made'],
        ['ip', 'link', 'set', 'dev', 'va', 'master', 'br1'],
        ['ip', 'link', 'set', 'dev', 'vb', 'up'],
        ['ip', 'link', 'set', 'dev', 'va', 'up'],
      ],
      undo: ['ip', 'link', 'del', 'dev', 'va'],
    });
  });

  it('up/down and delete, here or elsewhere', () => {
    expect(planSetUp({ link: 'eth1', in: { pid: 10 }, up: false })).toEqual(['nsenter', '--net=/proc/10/ns/net', 'ip', 'link', 'set', 'dev', 'eth1', 'down']);
    expect(planSetUp({ link: 'br1', up: true })).toEqual(['ip', 'link', 'set', 'dev', 'br1', 'up']);
    expect(planLinkDelete({ link: 'eth0', in: { netns: 'n1' } })).toEqual(['ip', '-n', 'n1', 'link', 'del', 'dev', 'eth0']);
    expect(ipIn(undefined)).toEqual(['ip']);
  });
});

describe('the operation schemas (the last door)', () => {
  const refused = (op: string, args: unknown) => {
    try {
      parseOperation(op, args);
    } catch (error) {
      expect(error).toBeInstanceOf(OperationError);
      return (error as Error).message;
    }
    throw new Error(`${op} ${JSON.stringify(args)} was accepted`);
  };

  it('accepts good arguments', () => {
    expect(parseOperation('link.move', { link: 'v1', to: { pid: 300 }, rename: 'eth1', address: '10.0.0.2/24', gateway: '10.0.0.1', mtu: 1500 }).op).toBe('link.move');
    expect(parseOperation('netns.add', { name: 'bpx12-ns.1_a' }).op).toBe('netns.add');
    expect(parseOperation('link.setUp', { link: 'br0', up: true }).op).toBe('link.setUp');
  });

  it.each([
    ['link.addBridge', { name: 'a'.repeat(16) }, /name: an interface name is at most 15 characters/],
    ['link.addBridge', { name: 'br0;reboot' }, /name: an interface name has only letters/],
    ['link.addBridge', { name: '$(id)' }, /an interface name has only letters/],
    ['link.addBridge', { name: '-br' }, /an interface name has only letters/],
    ['link.addBridge', { name: 'br0', mtu: 0 }, /mtu: MTU is at least 68/],
    ['link.addBridge', { name: 'br0', mtu: 70000 }, /mtu: MTU is at most 65535/],
    ['link.addBridge', { name: 'br0', mtu: 1500.5 }, /mtu/],
    ['link.addBridge', { name: 'br0', address: '10.0.0.0/24' }, /address: 10\.0\.0\.0 is the network address/],
    ['link.addBridge', { name: 'br0', address: '10.0.0.1/24 dev eth0' }, /address/],
    ['link.addBridge', { name: 'br0', command: 'reboot' }, /Unrecognized key: "command"/],
    ['link.addVeth', { name: 'va', peer: 'va' }, /different names/],
    ['link.addVeth', { name: 'va', peer: 'vb', master: 'br 0' }, /master/],
    ['link.move', { link: 'v1', to: { pid: 1 } }, /to/],
    ['link.move', { link: 'v1', to: { pid: '300' } }, /to/],
    ['link.move', { link: 'v1', to: { netns: '../../etc' } }, /to/],
    ['link.move', { link: 'v1', to: { netns: 'a/b' } }, /to/],
    ['link.move', { link: 'v1', to: { netns: 'ns', pid: 3 } }, /to/],
    ['link.move', { link: 'v1', to: { pid: 300 }, gateway: '10.0.0.1' }, /gateway: a gateway needs an address on the link/],
    ['link.move', { link: 'v1', to: { pid: 300 }, address: '10.0.0.2/24', gateway: '10.9.0.1' }, /gateway: gateway 10\.9\.0\.1 is outside 10\.0\.0\.0\/24/],
    ['link.move', { link: 'v1', to: { pid: 300 }, rename: 'eth1 up' }, /rename/],
    ['link.setUp', { link: 'br0', up: 'yes' }, /up/],
    ['link.delete', { link: 'br0', in: { pid: 4_194_305 } }, /in/],
    ['netns.add', { name: '..' }, /name/],
    ['netns.add', { name: 'x'.repeat(65) }, /at most 64/],
    ['netns.delete', { name: 'ns;rm -rf /' }, /name/],
  ])('%s %j', (op, args, message) => {
    expect(refused(op, args)).toMatch(message);
  });
});

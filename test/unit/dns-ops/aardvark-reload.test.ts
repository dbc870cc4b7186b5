// Which aardvark-dns processes a DNS change may SIGHUP, and the start time that ties a pid to one process. Pure.
import { describe, expect, it } from 'vitest';
import { planAardvarkReload, statStartTime } from '../../../src/main/netcore/meaning/aardvark-reload';
import type { AardvarkProcess } from '../../../src/main/netcore/meaning/aardvark-reload';
import { parseResolvConf } from '../../../src/main/netcore/resolv-conf/resolv-conf';

const rootful = (over: Partial<AardvarkProcess> = {}): AardvarkProcess => ({
  pid: 4242,
  comm: 'aardvark-dns',
  exeBase: 'aardvark-dns',
  uid: 0,
  sameNetns: true,
  startTime: 123456,
  servers: ['198.51.100.53'],
  ...over,
});

describe('planAardvarkReload', () => {
  it("signals root's aardvark-dns in this network namespace that reads a nameserver", () => {
    expect(planAardvarkReload({ processes: [rootful()] })).toEqual({
      signal: [{ pid: 4242, startTime: 123456, servers: ['198.51.100.53'] }],
      skip: [],
    });
  });

  it("leaves a stranger's aardvark-dns alone (rootless Podman's, or anyone's process of that name)", () => {
    const plan = planAardvarkReload({ processes: [rootful({ pid: 7, uid: 1000 })] });
    expect(plan.signal).toEqual([]);
    expect(plan.skip).toEqual([{ pid: 7, reason: expect.stringMatching(/^pid 7 is an aardvark-dns of uid 1000, not root's/) }]);
  });

  it('leaves an aardvark-dns of another network namespace alone', () => {
    const plan = planAardvarkReload({ processes: [rootful({ pid: 8, sameNetns: false })] });
    expect(plan.signal).toEqual([]);
    expect(plan.skip).toEqual([{ pid: 8, reason: expect.stringMatching(/runs in another network namespace/) }]);
  });

  it('does not reload while its resolv.conf names no nameserver: that would empty its upstream list', () => {
    const servers = parseResolvConf('# written halfway\nsearch example.test\nnameserver\n').nameservers;
    expect(servers).toEqual([]);
    const plan = planAardvarkReload({ processes: [rootful({ pid: 9, servers })] });
    expect(plan.signal).toEqual([]);
    expect(plan.skip).toEqual([{ pid: 9, reason: expect.stringMatching(/would read no nameserver .* without upstream DNS$/) }]);
  });

  it('refuses a process named aardvark-dns whose executable is something else or unreadable, and one without a start time', () => {
    const plan = planAardvarkReload({
      processes: [rootful({ pid: 10, exeBase: 'sh' }), rootful({ pid: 11, exeBase: null }), rootful({ pid: 12, startTime: null }), rootful({ pid: 13, comm: 'dnsmasq' })],
    });
    expect(plan.signal).toEqual([]);
    expect(plan.skip.map((s) => s.pid)).toEqual([10, 11, 12, 13]);
    expect(plan.skip[0]!.reason).toBe('pid 10 is called aardvark-dns but its executable is "sh"');
    expect(plan.skip[1]!.reason).toBe('pid 11 is called aardvark-dns but its executable cannot be read');
    expect(plan.skip[2]!.reason).toMatch(/no readable start time/);
    expect(plan.skip[3]!.reason).toBe('pid 13 is "dnsmasq", not aardvark-dns');
  });

  it('decides each process on its own', () => {
    const plan = planAardvarkReload({ processes: [rootful({ pid: 1, uid: 1000 }), rootful({ pid: 2, servers: ['198.51.100.54', '2001:db8::53'] })] });
    expect(plan.signal).toEqual([{ pid: 2, startTime: 123456, servers: ['198.51.100.54', '2001:db8::53'] }]);
    expect(plan.skip.map((s) => s.pid)).toEqual([1]);
  });
});

describe('statStartTime', () => {
  // Fields 3..52 of a stat line as Linux 6 writes it (starttime, field 22, is 2790335).
  const tail = 'S 1 13983 13983 0 -1 4194624 372 0 0 0 1 2 0 0 20 0 5 0 2790335 290807808 1088 18446744073709551615 1 1 0 0 0 0 0 4096 17922 0 0 0 17 1 0 0 0 0 0 0 0 0 0 0 0 0 0';

  it('reads field 22', () => {
    expect(statStartTime(`13984 (aardvark-dns) ${tail}\n`)).toBe(2790335);
  });

  it("counts fields after the last ')', whatever the command name holds", () => {
    expect(statStartTime(`666 (evil) 1 2 3 ) ${tail}\n`)).toBe(2790335);
    expect(statStartTime(`666 ()) (x) ${tail}`)).toBe(2790335);
  });

  it('is null for text that is not a stat line', () => {
    expect(statStartTime('')).toBeNull();
    expect(statStartTime('13984 (aardvark-dns) S 1 2')).toBeNull();
    expect(statStartTime(`13984 aardvark-dns ${tail}`)).toBeNull();
  });
});

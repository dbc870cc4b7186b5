// A place pinned by descriptor is what the link commands act through: no pid or name is looked up again.
import { describe, expect, it } from 'vitest';
import { ipIn, nsPathOf, planLinkDelete, planMove, planSetUp } from '../../../src/main/netcore/links/plan-link-commands';

const pinned = { nsPath: '/proc/4242/fd/23' };

describe('pinned places', () => {
  it('enter the descriptor\'s path', () => {
    expect(nsPathOf(pinned)).toBe('/proc/4242/fd/23');
    expect(ipIn(pinned)).toEqual(['nsenter', '--net=/proc/4242/fd/23', 'ip']);
    expect(planSetUp({ link: 'eth1', in: pinned, up: false })).toEqual(['nsenter', '--net=/proc/4242/fd/23', 'ip', 'link', 'set', 'dev', 'eth1', 'down']);
    expect(planLinkDelete({ link: 'eth1', in: pinned })).toEqual(['nsenter', '--net=/proc/4242/fd/23', 'ip', 'link', 'del', 'dev', 'eth1']);
  });

  it('a move sends the link into the descriptor and back to the mover\'s own namespace', () => {
    const plan = planMove({ link: 'bpv1', to: pinned, rename: 'eth1' }, 4242);
    expect(plan.create).toEqual(['ip', 'link', 'set', 'dev', 'bpv1', 'netns', '/proc/4242/fd/23', 'name', 'eth1']);
    expect(plan.then).toEqual([['nsenter', '--net=/proc/4242/fd/23', 'ip', 'link', 'set', 'dev', 'eth1', 'up']]);
    expect(plan.undo).toEqual(['nsenter', '--net=/proc/4242/fd/23', 'ip', 'link', 'set', 'dev', 'eth1', 'netns', '/proc/4242/ns/net', 'name', 'bpv1']);
  });
});

// The redirect of the DNS queries dockerd forwards from the host's namespace (Docker 28): its rules,
// read back from what iptables-save printed in the lab, and the meaning checks on who may be
// redirected where.
import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { parseIptablesSave } from '../../../src/main/netcore/iptables/parse-iptables-save';
import { dockerdRedirectsIn, planDockerdRedirectBatch } from '../../../src/main/netcore/rulesets/dockerd-dns-redirect-rules';
import { dockerdRedirectProblem, dockerdScopeOf, type DockerdScopeFacts } from '../../../src/main/netcore/meaning/dockerd-dns-scope';
import { parseOperation } from '../../../src/main/privileged/contract/operations';

const rules = (save: string) => parseIptablesSave(save, 'ipv4');
/** The lab host's nat table with the redirect in place, as iptables-save (nf_tables) printed it. */
const CAPTURED = readFileSync(resolve(import.meta.dirname, '../../fixtures/docker28/nat-dockerd-dns.iptables-save'), 'utf8');
const WITHOUT = CAPTURED.split('\n').filter((l) => !l.includes('BRIDGEPORT')).join('\n');
const CGROUP = '/bridgeport-lab-bpitc4z/dockerd';
const WANTED = [{ from: '198.51.100.2', to: '198.51.100.53' }];

describe("the redirect of dockerd's queries", () => {
  it('reads the redirects and their cgroup back from the rule set', () => {
    expect(dockerdRedirectsIn(rules(CAPTURED))).toEqual({ cgroup: CGROUP, redirects: WANTED });
    expect(dockerdRedirectsIn(rules(WITHOUT))).toEqual({ cgroup: null, redirects: [] });
  });

  it('is what iptables printed after applying it: nothing more to do', () => {
    expect(planDockerdRedirectBatch(rules(CAPTURED), WANTED, CGROUP)).toBeNull();
  });

  it('adds both chains, scoped to the cgroup, first in OUTPUT and POSTROUTING', () => {
    const batch = planDockerdRedirectBatch(rules(WITHOUT), WANTED, CGROUP)!;
    expect(batch).toContain(`-A BRIDGEPORT-DOCKERD-DNS -d 198.51.100.2/32 -p udp -m udp --dport 53 -m cgroup --path ${CGROUP} -j DNAT --to-destination 198.51.100.53:53`);
    expect(batch).toContain(
      `-A BRIDGEPORT-DOCKERD-DNS-SRC -d 198.51.100.53/32 -p tcp -m tcp --dport 53 -m cgroup --path ${CGROUP} -m conntrack --ctstate DNAT --ctorigdst 198.51.100.2 -j MASQUERADE`,
    );
    expect(batch).toContain('-I OUTPUT 1 -j BRIDGEPORT-DOCKERD-DNS');
    expect(batch).toContain('-I POSTROUTING 1 -j BRIDGEPORT-DOCKERD-DNS-SRC');
    expect(batch.match(/-m cgroup --path/g)).toHaveLength(4);
  });

  it('restates the rules when dockerd moved to another cgroup (a restart under another unit)', () => {
    expect(planDockerdRedirectBatch(rules(CAPTURED), WANTED, '/system.slice/docker.service')).toContain('--path /system.slice/docker.service');
  });

  it('takes everything away when none is wanted, without needing a cgroup', () => {
    const batch = planDockerdRedirectBatch(rules(CAPTURED), [], null)!;
    expect(batch).toContain('-D OUTPUT -j BRIDGEPORT-DOCKERD-DNS');
    expect(batch).toContain('-X BRIDGEPORT-DOCKERD-DNS-SRC');
    expect(planDockerdRedirectBatch(rules(WITHOUT), [], null)).toBeNull();
  });

  it('never writes a redirect without a cgroup that scopes it', () => {
    expect(() => planDockerdRedirectBatch(rules(WITHOUT), WANTED, null)).toThrow(/cannot scope/);
    expect(() => planDockerdRedirectBatch(rules(WITHOUT), WANTED, '/a b')).toThrow(/cannot scope/);
    expect(() => planDockerdRedirectBatch(rules(WITHOUT), WANTED, '/x/../y')).toThrow(/cannot scope/);
  });
});

describe("the scope: dockerd's cgroup, and nothing else in it", () => {
  const facts = (patch: Partial<DockerdScopeFacts> = {}): DockerdScopeFacts => ({
    dockerds: [{ pid: 100, cgroup: '/system.slice/docker.service' }],
    cgroup2Mount: '/sys/fs/cgroup',
    members: [
      { pid: 100, comm: 'dockerd', uid: 0 },
      { pid: 200, comm: 'docker-proxy', uid: 0 },
    ],
    ...patch,
  });

  it("is docker.service's cgroup when only dockerd and its docker-proxy live there", () => {
    expect(dockerdScopeOf(facts())).toEqual({ cgroup: '/system.slice/docker.service', pid: 100 });
  });

  it.each([
    ['no dockerd', { dockerds: [] }, /no dockerd of root's runs in this network namespace/],
    ['cgroup v1 only', { cgroup2Mount: null }, /cgroup v2 is not mounted/],
    ['the root cgroup', { dockerds: [{ pid: 100, cgroup: '/' }] }, /root cgroup, which every process shares/],
    ['a shared cgroup', { members: [{ pid: 100, comm: 'dockerd', uid: 0 }, { pid: 7, comm: 'bash', uid: 1000 }] }, /shares its cgroup \/system.slice\/docker.service with bash \(pid 7\)/],
    ['a user’s docker-proxy', { members: [{ pid: 9, comm: 'docker-proxy', uid: 1000 }] }, /with docker-proxy \(pid 9\)/],
    ['two dockerds', { dockerds: [{ pid: 1, cgroup: '/a' }, { pid: 2, cgroup: '/b' }] }, /more than one dockerd/],
    ['an unnamable cgroup', { dockerds: [{ pid: 1, cgroup: '/system.slice/docker\\x2dx.service' }] }, /characters a firewall rule cannot name/],
  ])('is refused with %s', (_what, patch, problem) => {
    const scope = dockerdScopeOf(facts(patch as Partial<DockerdScopeFacts>));
    expect('problem' in scope && scope.problem).toMatch(problem);
  });
});

describe('what a redirect may mean', () => {
  const HOST = ['198.51.100.54'];
  it('sends an old upstream to a server of the host’s DNS now', () => {
    expect(dockerdRedirectProblem([{ from: '198.51.100.53', to: '198.51.100.54' }], HOST)).toBeNull();
  });

  it.each([
    [[{ from: '198.51.100.53', to: '203.0.113.66' }], /203.0.113.66 is not a server of the host's DNS that dockerd reads now \(198.51.100.54\); refused/],
    [[{ from: '127.0.0.53', to: '198.51.100.54' }], /127.0.0.53 is not of a unicast upstream server; refused/],
    [[{ from: '198.51.100.54', to: '198.51.100.54' }], /is a server of the host's DNS now/],
    [[{ from: '198.51.100.53', to: '127.0.0.1' }], /loopback address; refused/],
    [[{ from: '198.51.100.53', to: '198.51.100.54' }, { from: '198.51.100.53', to: '198.51.100.54' }], /redirected twice/],
  ])('refuses %j', (redirects, problem) => {
    expect(dockerdRedirectProblem(redirects, HOST)).toMatch(problem);
  });

  it('takes no cgroup from the caller: the operation has no field for one', () => {
    expect(() => parseOperation('dns.setDockerdRedirects', { redirects: WANTED, cgroup: '/' })).toThrow();
    expect(parseOperation('dns.setDockerdRedirects', { redirects: WANTED }).args).toEqual({ redirects: WANTED });
  });
});
